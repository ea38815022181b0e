package io.qccompanion.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages over HTTP: templates in the shell, escaping, static files and webjars from the jar. */
class PagesTest {
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
  void dashboardIsInTheShellAndLoadsChartJsFromTheWebjarNotACdn() {
    var page = app.as(Role.MANAGER).get("/dashboard");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text())
        .contains("<nav aria-label=\"Main\">", "<main id=\"main\"", "id=\"notifications-badge\"")
        .contains("<script src=\"/assets/dashboard.js\"></script>")
        .doesNotContain("src=\"http");
    var chart = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]+/dist/chart\\.umd\\.js)\"");
    var m = chart.matcher(page.text());
    assertThat(m.find()).as(page.text()).isTrue();
    var js = app.anonymous().get(m.group(1));
    assertThat(js.status()).isEqualTo(200);
    assertThat(js.text()).contains("Chart.js v");
    assertThat(app.anonymous().get("/assets/dashboard.js").text()).contains("/api/v1/summaries");
  }

  @Test
  void assetsAreServedFromTheClassPathAndNothingElseIs() {
    var css = app.anonymous().get("/assets/app.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.contentType()).startsWith("text/css");
    assertThat(app.anonymous().get("/assets/favicon.svg").contentType()).startsWith("image/svg");
    assertThat(app.anonymous().get("/assets/nope.js").status()).isEqualTo(404);
    assertThat(app.anonymous().get("/assets/../logback.xml").status()).isEqualTo(404);
    assertThat(app.anonymous().get("/assets/%2e%2e/logback.xml").status()).isEqualTo(404);
  }

  @Test
  void namesAreEscapedInTheShell() {
    var agent = app.as(Role.AGENT);
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    "UPDATE users SET name = ? WHERE role = 'AGENT'",
                    "<img src=x onerror=alert(1)> O'Brien"));
    String html = agent.get("/tokens").text();
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt; O").doesNotContain("<img src=x");
  }

  @Test
  void anAgentIsNotShownOrLetIntoStaffScreens() {
    var agent = app.as(Role.AGENT);
    String tokens = agent.get("/tokens").text();
    assertThat(tokens).contains("href=\"/feedback\"").doesNotContain("href=\"/dashboard\"");
    var dashboard = agent.get("/dashboard");
    assertThat(dashboard.status()).isEqualTo(403);
    assertThat(dashboard.text()).contains("This page is for [ADMIN, MANAGER, QC_LEAD]");
  }

  @Test
  void notificationsBadgeIsHiddenAtZeroAndShowsTheCountOtherwise() {
    var user = new Principal("u1", "Dana", Role.QC, null, Set.of(), "csrf-1");
    String none = screen(new Pages(p -> 0), user);
    assertThat(none).containsPattern("<span id=\"notifications-badge\"[^>]* hidden[ >]");
    String three = screen(new Pages(p -> p.userId().equals("u1") ? 3 : 0), user);
    assertThat(three)
        .containsPattern("<span id=\"notifications-badge\" class=\"count-badge\">3<")
        .contains("3<span class=\"visually-hidden\"> unread notifications</span>");
    assertThat(three).contains("<meta name=\"csrf-token\" content=\"csrf-1\">");
  }

  @Test
  void compactShellHasNoNavigationButKeepsUserAndLandmarks() {
    var user = new Principal("u1", "Dana", Role.QC, null, Set.of(), null);
    var pages = new Pages(p -> 0);
    String html =
        pages.render(
            "screen.jte",
            Map.of(
                "shell", pages.shell("Scoring panel", user, "/panel", true, List.of("panel.js"))));
    assertThat(html)
        .contains("<body class=\"compact\">", "Dana", "<main id=\"main\"", "/assets/panel.js")
        .doesNotContain("<nav", "id=\"logout\"");
  }

  private static String screen(Pages pages, Principal user) {
    return pages.render(
        "screen.jte", Map.of("shell", pages.shell("QC queue", user, "/queue", false, List.of())));
  }
}
