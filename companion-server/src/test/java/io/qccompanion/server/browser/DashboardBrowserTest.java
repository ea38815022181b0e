package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The manager dashboard in a real browser: KPI tiles against targets and charts drawn locally. */
@Tag("browser")
class DashboardBrowserTest {
  private static BrowserFixture fx;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    Api grader = fx.app.as(Role.QC, null, List.of(fx.teamId));
    String agent = fx.agent("Dana Dash");
    for (String subject : List.of("Card declined", "Refund status")) {
      var draft = grader.post("/api/v1/evaluations", Map.of("ticketId", fx.ticket(agent, subject)));
      String id = draft.json().get("id").asText();
      var answers =
          Map.of(
              "greeting", Map.of("value", 1),
              "accuracy", Map.of("value", 4),
              "empathy", Map.of("value", 1));
      assertThat(
              grader
                  .post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers))
                  .status())
          .isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void managerSeesKpiTilesAndChartsWithoutAnyCdn() {
    String manager = fx.user(Role.MANAGER, null);
    Page page = fx.login(manager, 1280);
    List<String> external = new java.util.ArrayList<>();
    page.onRequest(
        r -> {
          if (!r.url().startsWith(fx.url(""))) external.add(r.url());
        });
    page.navigate(fx.url("/dashboard"));
    assertThat(page.locator("#tiles .tile").first()).isVisible();
    assertThat(page.locator("#tiles")).containsText("Quality");
    assertThat(page.locator("#rows tbody tr").first()).isVisible();
    assertThat(page.locator("canvas#trend")).isVisible();
    assertThat(page.evaluate("() => typeof Chart")).isEqualTo("function");
    assertThat(external).isEmpty();
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "manager-dashboard");
  }
}
