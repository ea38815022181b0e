package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardTest {
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void dashboardServesItsChartLibraryFromTheCompanionNotACdn() {
    var page = app.anonymous().get("/dashboard");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text())
        .contains("<script src=\"/dashboard/chart.umd.js\"></script>")
        .doesNotContain("src=\"http");
    var chart = app.anonymous().get("/dashboard/chart.umd.js");
    assertThat(chart.status()).isEqualTo(200);
    assertThat(chart.text()).contains("Chart.js v4.4.1");
    assertThat(app.anonymous().get("/dashboard/dashboard.js").text()).contains("/api/v1/summaries");
  }
}
