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

@Tag("browser")
class AgentFeedbackBrowserTest {
  private static BrowserFixture fx;
  private static Api grader;
  private static String agentUser;
  private static String ownEvaluation;
  private static String othersEvaluation;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    grader = fx.app.as(Role.QC, null, List.of(fx.teamId));
    String me = fx.agent("Alex Agent");
    String someoneElse = fx.agent("Sam Other");
    agentUser = fx.user(Role.AGENT, me);
    ownEvaluation = graded(fx.ticket(me, "Invoice charged twice"));
    othersEvaluation = graded(fx.ticket(someoneElse, "Lost parcel"));
  }

  /** A submitted evaluation failing the greeting, with a coaching note. */
  private static String graded(String ticketId) {
    var draft = grader.post("/api/v1/evaluations", Map.of("ticketId", ticketId));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    String id = draft.json().get("id").asText();
    var answers =
        Map.of(
            "greeting",
            Map.of("value", 0, "rootCauses", List.of("process"), "comment", "No greeting at all."),
            "accuracy",
            Map.of("value", 5),
            "empathy",
            Map.of("notApplicable", true));
    var submitted =
        grader.post(
            "/api/v1/evaluations/" + id + "/submit",
            Map.of("answers", answers, "coachingNote", "Open with the customer's name."));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    return id;
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void agentReadsAcknowledgesAndDisputesTheirOwnEvaluation() {
    Page page = fx.login(agentUser, 1000);
    assertThat(page).hasURL(fx.url("/feedback"));
    assertThat(page.locator("#feedback")).containsText("Invoice charged twice");
    assertThat(page.locator("#feedback")).not().containsText("Lost parcel");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "agent-feedback-list");

    page.getByText("Invoice charged twice").click();
    assertThat(page.locator("#score")).containsText("50.0%");
    assertThat(page.locator("#failed-criteria")).containsText("Greeting");
    assertThat(page.locator("#failed-criteria")).containsText("No greeting at all.");
    assertThat(page.locator("#coaching")).hasText("Open with the customer's name.");

    page.locator("#acknowledge").click();
    assertThat(page.locator("#feedback-history")).containsText("Acknowledged");
    page.getByLabel("Dispute", new Page.GetByLabelOptions().setExact(true))
        .selectOption("greeting");
    page.getByLabel("Reason for the dispute").fill("I greeted in the first reply, see 09:02.");
    page.locator("#dispute-form button").click();
    assertThat(page.locator("#feedback-history")).containsText("Dispute (open)");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "agent-feedback-detail");

    var disputes = fx.admin.get("/api/v1/disputes").json().get("items");
    assertThat(disputes.findValuesAsText("evaluationId")).contains(ownEvaluation);
    assertThat(disputes.findValuesAsText("text"))
        .contains("I greeted in the first reply, see 09:02.");
  }

  @Test
  void agentOpeningAnotherAgentsEvaluationGetsA403Page() {
    Page page = fx.login(agentUser, 1000);
    var response = page.navigate(fx.url("/feedback/" + othersEvaluation));
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.locator("h1")).containsText("403");
    assertThat(page.locator("body")).not().containsText("Lost parcel");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "agent-403");
  }
}
