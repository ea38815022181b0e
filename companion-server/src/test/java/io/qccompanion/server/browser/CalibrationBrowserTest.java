package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A calibration session from creation to report, through the pages only. */
@Tag("browser")
class CalibrationBrowserTest {
  private static BrowserFixture fx;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static void grade(Page page, String ticket, String greeting, String accuracy) {
    page.navigate(fx.url("/calibration"));
    page.locator("#sessions a").first().click();
    page.locator("#session-tickets a[href*='" + ticket + "']").click();
    assertThat(page.locator("#calibration-mode")).containsText("grade blind");
    page.locator("#start").click();
    GradingLoopBrowserTest.answer(page, "c", "greeting", greeting);
    GradingLoopBrowserTest.answer(page, "c", "accuracy", accuracy);
    GradingLoopBrowserTest.answer(page, "c", "empathy", "1");
    page.locator("#submit").click();
    assertThat(page.locator("#write-back")).containsText("never written to the ticket");
  }

  @Test
  void leadCreatesParticipantsGradeBlindLeadRevealsAndReadsTheReport() {
    String lead = fx.user(Role.QC_LEAD, null);
    String ann = fx.user(Role.QC, null);
    String ben = fx.user(Role.QC, null);
    String agent = fx.agent("Casey Agent");
    String t1 = fx.ticket(agent, "Card declined");
    String t2 = fx.ticket(agent, "Wrong size delivered");

    Page l = fx.login(lead, 1200);
    l.navigate(fx.url("/calibration"));
    assertThat(l.locator("#new-session")).containsText("New calibration session");
    l.getByLabel("Title").fill("November moderation");
    l.getByLabel("More tickets").fill(t1 + ", " + t2);
    l.locator("#cal-graders input[value='" + fx.userId(ann) + "']").check();
    l.locator("#cal-graders input[value='" + fx.userId(ben) + "']").check();
    l.getByLabel("Benchmark grader").selectOption(fx.userId(ann));
    BrowserFixture.assertNoSeriousA11yViolations(l);
    l.locator("#new-session button").click();
    l.waitForURL(u -> u.matches(".*/calibration/[^/]+$"));
    assertThat(l.locator("#session-status")).containsText("0 of 4 grades in");
    assertThat(l.locator("#reveal")).isDisabled();
    assertThat(l.locator("#reveal-why")).containsText("4 grade(s) missing");

    Page a = fx.login(ann, 1000);
    a.navigate(fx.url("/notifications"));
    assertThat(a.locator("#notifications"))
        .containsText("Calibration session: November moderation");
    grade(a, t1, "1", "5");
    grade(a, t2, "1", "4");
    Page b = fx.login(ben, 320);
    grade(b, t1, "0", "3");
    assertThat(GradingLoopBrowserTest.scrollWidth(b)).isLessThanOrEqualTo(320);
    grade(b, t2, "1", "4");

    l.reload();
    assertThat(l.locator("#session-status")).containsText("4 of 4 grades in");
    l.locator("#reveal").click();
    assertThat(l.locator("#session-status")).containsText("Revealed");
    String sessionId = l.url().replaceAll(".*/calibration/", "");
    JsonNode report =
        fx.app.as(Role.ADMIN).get("/api/v1/calibrations/" + sessionId + "/report").json();
    JsonNode greeting = report.get("criteria").get(0);
    assertThat(l.locator("#criteria-agreement [data-criterion=greeting]"))
        .containsText(String.format(Locale.ROOT, "%.3f", greeting.get("alpha").asDouble()));
    assertThat(l.locator("#criteria-agreement [data-criterion=greeting]"))
        .containsText(
            greeting.get("reading").asText().equals("unreliable") ? "Unreliable" : "Reliable");
    assertThat(l.locator("#criteria-agreement [data-criterion=greeting]")).containsText("95% CI");
    assertThat(l.locator("#grader-deviation [data-qc='" + fx.userId(ben) + "'] .leaning"))
        .hasText("Strict");
    assertThat(l.locator("#disagreements li").first()).containsText("Card declined");
    assertThat(l.locator("#score-alpha")).containsText("Overall score agreement");
    BrowserFixture.assertNoSeriousA11yViolations(l);
    BrowserFixture.screenshot(l, "calibration-report");

    a.navigate(fx.url("/notifications"));
    assertThat(a.locator("#notifications"))
        .containsText("Calibration grades revealed: November moderation");
  }
}
