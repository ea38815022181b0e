package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole grading loop as the people do it: the QC grades in the panel, the agent is told, reads
 * it and disputes one criterion, the lead is told and amends, the agent sees the amended score and
 * the grader is told. Plus the agent's home and the queue as a QC reads them.
 */
@Tag("browser")
class GradingLoopBrowserTest {
  private static BrowserFixture fx;
  private static String qc;
  private static String lead;
  private static String agentUser;
  private static String agentId;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    qc = fx.user(Role.QC, null);
    lead = fx.user(Role.QC_LEAD, null);
    agentId = fx.agent("Alex Agent");
    agentUser = fx.user(Role.AGENT, agentId);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static void answer(Page page, String prefix, String criterion, String value) {
    page.locator("label[for='" + prefix + "-" + criterion + "-" + value + "']").click();
  }

  static int scrollWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }

  @Test
  void qcGradesAgentDisputesLeadAmendsEveryoneIsTold() {
    String ticket = fx.ticket(agentId, "Invoice charged twice");
    fx.sampled(ticket, agentId, fx.userId(qc), "RISK_TIER", "TRIGGER:reopened");
    String key = "#" + fx.externalId(ticket);

    // QC: the queue in words, then the panel
    Page q = fx.login(qc, 1200);
    q.navigate(fx.url("/queue"));
    assertThat(q.locator("#queue")).containsText("Reopened by the customer");
    assertThat(q.locator("#queue")).containsText("Agent's tier rate");
    assertThat(q.locator("#queue .tier")).hasText("At risk");
    assertThat(q.locator("#queue")).containsText("Alex Agent");
    assertThat(q.locator("#queue")).containsText("Billing");
    assertThat(q.locator("#count-open")).hasText("1");
    BrowserFixture.assertNoSeriousA11yViolations(q);
    q.locator("#queue a").first().click();
    q.getByText("Start grading").click();
    assertThat(q.locator("[data-criterion=accuracy] .scale input").first()).hasValue("5");
    assertThat(q.locator("#c-accuracy-comment")).isHidden();
    answer(q, "c", "greeting", "1");
    answer(q, "c", "accuracy", "3");
    answer(q, "c", "empathy", "na");
    q.locator("[data-criterion=accuracy] .add-comment").click();
    q.locator("#c-accuracy-comment").fill("Half the answer was right.");
    assertThat(q.locator("#live-score")).containsText("75.0%");
    q.locator("#submit").click();
    assertThat(q.locator("#final-score")).containsText("75.0%");
    assertThat(q.locator("#final-score")).containsText("pass mark 90");
    assertThat(q.locator("#next-ticket")).containsText("Back to the queue");
    assertThat(q.locator("#edit-evaluation")).isVisible();
    BrowserFixture.assertNoSeriousA11yViolations(q);
    String evaluation =
        fx.admin
            .get("/api/v1/evaluations?ticketId=" + ticket)
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asText();

    // Agent: told, reads every criterion, acknowledges once, disputes accuracy
    Page a = fx.login(agentUser, 1000);
    a.navigate(fx.url("/notifications"));
    assertThat(a.locator("#notifications-badge")).containsText("1");
    assertThat(a.locator("#notifications")).containsText("New evaluation of ticket " + key);
    BrowserFixture.assertNoSeriousA11yViolations(a);
    a.locator("#notifications a").first().click();
    a.waitForURL(u -> u.contains("/feedback/" + evaluation));
    assertThat(a.locator("#score")).containsText("75.0%");
    assertThat(a.locator("[data-criterion=accuracy] .answer")).hasText("3 of 5");
    assertThat(a.locator("[data-criterion=greeting] .answer")).hasText("Yes");
    assertThat(a.locator("[data-criterion=empathy] .answer")).hasText("N/A");
    assertThat(a.locator("#criteria")).containsText("Half the answer was right.");
    a.locator("#acknowledge").click();
    assertThat(a.locator("#acknowledged")).isVisible();
    assertThat(a.locator("#acknowledge")).hasCount(0);
    a.locator("#dispute-form select").selectOption("accuracy");
    a.getByLabel("Reason for the dispute").fill("The customer's question was answered in full.");
    a.locator("#dispute-form button").click();
    assertThat(a.locator("#feedback-history")).containsText("Dispute of Accurate answer (open)");
    BrowserFixture.assertNoSeriousA11yViolations(a);

    // Lead: told, finds it in the inbox, amends accuracy with the difference shown
    Page l = fx.login(lead, 1200);
    l.navigate(fx.url("/disputes"));
    assertThat(l.locator("#notifications-badge")).isVisible();
    assertThat(l.locator("#disputes")).containsText("Alex Agent");
    assertThat(l.locator("#disputes")).containsText("Billing");
    assertThat(l.locator("#disputes")).containsText("accuracy");
    assertThat(l.locator("#dispute-counts")).containsText("1 open");
    BrowserFixture.assertNoSeriousA11yViolations(l);
    l.locator("#disputes a").first().click();
    assertThat(l.locator("#dispute-reason")).containsText("answered in full");
    assertThat(l.locator("#evaluation-criteria tr.disputed")).containsText("3 of 5");
    answer(l, "amend", "accuracy", "5");
    assertThat(l.locator("#amend-diff")).containsText("Accurate answer: 3 of 5 → 5 of 5");
    assertThat(l.locator("#amend-diff")).containsText("Score 75.0% → 100.0%");
    l.getByLabel("Explanation for the agent and the QC").fill("The answer was complete.");
    BrowserFixture.assertNoSeriousA11yViolations(l);
    BrowserFixture.screenshot(l, "lead-dispute-amend");
    l.locator("#amend-submit").click();
    assertThat(l.locator("#resolution-score")).containsText("75.0% → 100.0%");
    assertThat(l.locator("#resolution-diff")).containsText("Accurate answer: 3 of 5 → 5 of 5");

    JsonNode amended = fx.admin.get("/api/v1/evaluations/" + evaluation).json();
    assertThat(amended.get("revision").asInt()).isEqualTo(2);
    assertThat(amended.get("score").asDouble()).isEqualTo(100.0);
    assertThat(amended.at("/answers/accuracy/comment").asText())
        .isEqualTo("Half the answer was right.");

    // Agent sees the amended score and the outcome; the grader is told
    a.reload();
    assertThat(a.locator("#score"))
        .containsText(String.format(Locale.ROOT, "%.1f%%", amended.get("score").asDouble()));
    assertThat(a.locator("#feedback-history")).containsText("Score 75.0% → 100.0%");
    // the same evaluation in the host's sidebar, where the agent opens the panel on their ticket
    a.navigate(fx.url("/panel?ticketId=" + ticket));
    assertThat(a.locator("#score")).containsText("100.0%");
    assertThat(a.locator("#acknowledged")).isVisible();
    Page g = fx.login(qc, 1000);
    g.navigate(fx.url("/notifications"));
    assertThat(g.locator("#notifications")).containsText("Dispute on ticket " + key);
    assertThat(g.locator("#notifications")).containsText("amended: 75.0 % → 100.0 %");
    g.locator("#read-all").click();
    assertThat(g.locator("#unread")).hasText("0 unread notifications");
    assertThat(g.locator("#notifications-badge")).isHidden();
  }

  @Test
  void agentHomeShowsTheFiguresOfTheApiAndAcknowledgesPlansOnce() {
    String other = fx.agent("Hana Home");
    String user = fx.user(Role.AGENT, other);
    var qcApi = fx.app.as(Role.QC, null, List.of(fx.teamId));
    for (int accuracy : new int[] {5, 3}) {
      String t = fx.ticket(other, "Refund question " + accuracy);
      var created =
          qcApi.post(
              "/api/v1/evaluations",
              Map.of(
                  "ticketId",
                  t,
                  "answers",
                  Map.of(
                      "greeting", Map.of("value", 1),
                      "accuracy", Map.of("value", accuracy),
                      "empathy", Map.of("value", 1))));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      qcApi.post("/api/v1/evaluations/" + created.json().get("id").asText() + "/submit", Map.of());
    }
    var leadApi = fx.app.as(Role.QC_LEAD, null, List.of(fx.teamId));
    var plan =
        leadApi.post(
            "/api/v1/action-plans",
            Map.of(
                "agentId",
                other,
                "goal",
                "Check the order history first",
                "measure",
                "QUALITY_SCORE",
                "target",
                90,
                "overEvaluations",
                5,
                "dueAt",
                "2027-01-31T00:00:00Z"));
    assertThat(plan.status()).as(plan.text()).isEqualTo(201);
    String selfTicket = fx.ticket(other, "Password reset");

    Page p = fx.login(user, 320);
    p.navigate(fx.url("/feedback"));
    JsonNode s = fx.app.as(Role.ADMIN).get("/api/v1/feedback/summary?agentId=" + other).json();
    assertThat(p.locator("#average"))
        .hasText(String.format(Locale.ROOT, "%.1f%%", s.get("averageScore").asDouble()));
    assertThat(p.locator("#pass-rate"))
        .hasText(String.format(Locale.ROOT, "%.1f%%", s.get("passRatePercent").asDouble()));
    assertThat(p.locator("#quality-target")).hasText("90.0%");
    assertThat(p.locator("#pass-mark")).containsText("90");
    assertThat(p.locator("#evaluation-count")).hasText("2");
    assertThat(p.locator("#weakest li").first()).containsText("Accurate answer");
    assertThat(p.locator("#trend li")).hasCount(s.get("trend").size());
    assertThat(p.locator("#action-plans")).containsText("Check the order history first");
    p.locator(".ack-plan").click();
    assertThat(p.locator("#action-plans")).containsText("Acknowledged");
    assertThat(
            leadApi
                .get("/api/v1/action-plans/" + plan.json().get("id").asText())
                .json()
                .get("acknowledgedAt")
                .isTextual())
        .isTrue();
    p.locator("#self-review-ticket").selectOption(selfTicket);
    p.locator("#self-review-start").click();
    answer(p, "self", "greeting", "1");
    answer(p, "self", "accuracy", "4");
    answer(p, "self", "empathy", "1");
    p.locator("#self-review-save").click();
    assertThat(p.locator("#self-review-saved")).containsText("91.7%");
    assertThat(scrollWidth(p)).isLessThanOrEqualTo(320);
    BrowserFixture.assertNoSeriousA11yViolations(p);
    BrowserFixture.screenshot(p, "agent-home");
  }
}
