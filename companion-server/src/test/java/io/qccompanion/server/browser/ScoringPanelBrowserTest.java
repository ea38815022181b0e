package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("browser")
class ScoringPanelBrowserTest {
  private static BrowserFixture fx;
  private static String qc;
  private static String qcId;
  private static String agentId;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    qc = fx.user(Role.QC, null);
    qcId = fx.userId(qc);
    agentId = fx.agent("Alex Agent");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void qcGradesSampledTicketWithNaAndCriticalFailAndTheWriteBackIsQueued() {
    String ticket = fx.ticket(agentId, "Invoice charged twice");
    fx.sampled(ticket, agentId, qcId, "RISK_TIER", "TRIGGER:bad_csat");
    Page page = fx.login(qc, 1000);
    page.navigate(
        fx.url("/panel?connection=" + fx.connectionId + "&ticket=" + fx.externalId(ticket)));

    assertThat(page.locator("#why-sampled")).containsText("RISK_TIER, TRIGGER:bad_csat");
    assertThat(page.locator(".facts")).containsText("Alex Agent");
    assertThat(page.locator(".facts")).containsText("bad — “Took two tries”");
    page.locator("#conversation summary").click();
    assertThat(page.locator("#conversation")).containsText("My invoice is wrong.");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Start grading"))
        .click();
    answer(page, "greeting", "1");
    answer(page, "empathy", "na");
    answer(page, "accuracy", "5");
    assertThat(page.locator("#live-score")).containsText("100.0%");
    assertThat(page.locator("#live-score")).containsText("Pass");
    assertThat(page.locator("#critical-banner")).isHidden();

    answer(page, "accuracy", "2");
    assertThat(page.locator("#live-score")).containsText("0.0%");
    assertThat(page.locator("#live-score")).containsText("CRITICAL FAIL");
    assertThat(page.locator("#critical-banner")).isVisible();
    page.locator("[data-criterion=accuracy] .root-causes").getByLabel("knowledge").check();
    page.locator("#c-accuracy-comment").fill("Quoted the old refund policy.");
    page.getByLabel("Coaching note for the agent").fill("Review the refund policy page.");
    page.locator("#save-draft").click();
    assertThat(page.getByText("Draft saved.")).isVisible();
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "panel-grading");

    page.reload();
    assertThat(page.locator("#c-accuracy-2")).isChecked();
    assertThat(page.locator("#c-empathy-na")).isChecked();
    assertThat(page.locator("#c-accuracy-comment")).hasValue("Quoted the old refund policy.");
    page.locator("#submit").click();

    assertThat(page.locator("#final-score")).containsText("0.0%");
    assertThat(page.locator("#final-score")).containsText("CRITICAL FAIL");
    assertThat(page.locator("#write-back")).containsText("Queued");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "panel-submitted");

    var list = fx.admin.get("/api/v1/evaluations?ticketId=" + ticket).json().get("items");
    assertThat(list).hasSize(1);
    var evaluation = fx.admin.get("/api/v1/evaluations/" + list.get(0).get("id").asText()).json();
    assertThat(evaluation.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(evaluation.get("score").asDouble()).isEqualTo(0.0);
    assertThat(evaluation.get("criticalFail").asBoolean()).isTrue();
    assertThat(evaluation.at("/answers/empathy/notApplicable").asBoolean()).isTrue();
    assertThat(evaluation.at("/answers/accuracy/rootCauses/0").asText()).isEqualTo("knowledge");
    assertThat(evaluation.get("coachingNote").asText()).isEqualTo("Review the refund policy page.");
    Map<String, Object> outbox =
        fx.app
            .c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            "SELECT status, connection_id FROM outbox WHERE evaluation_id = ?")
                        .bind(0, evaluation.get("id").asText())
                        .mapToMap()
                        .one());
    assertThat(outbox).containsEntry("connection_id", fx.connectionId);
    assertThat(outbox.get("status")).isEqualTo("PENDING");
  }

  @Test
  void panelFitsA320PixelSidebarWithoutHorizontalScroll() {
    String ticket =
        fx.ticket(agentId, "A rather long subject line about a refund that was never processed");
    fx.sampled(ticket, agentId, qcId, "RANDOM");
    Page page = fx.login(qc, 320);
    page.navigate(fx.url("/panel?ticketId=" + ticket));
    page.getByText("Start grading").click();
    assertThat(page.locator("[data-criterion=accuracy]")).isVisible();
    page.locator("#conversation summary").click();
    assertThat(page.locator(".msg").first()).isVisible();

    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    int bodyWidth = ((Number) page.evaluate("document.body.scrollWidth")).intValue();
    assertThat(scrollWidth).isLessThanOrEqualTo(320);
    assertThat(bodyWidth).isLessThanOrEqualTo(320);
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "panel-320px");
  }

  @Test
  void notSampledTicketIsGradedAsManualSample() {
    String ticket = fx.ticket(agentId, "Password reset");
    Page page = fx.login(qc, 1000);
    page.navigate(fx.url("/panel?ticketId=" + ticket));
    assertThat(page.locator("#why-sampled")).containsText("Not sampled");
    page.getByText("Grade anyway (manual sample)").click();
    assertThat(page.locator("#live-score")).isVisible();
    BrowserFixture.assertNoSeriousA11yViolations(page);

    var samples = fx.admin.get("/api/v1/samples?agentId=" + agentId + "&reason=MANUAL").json();
    assertThat(samples.get("items").findValuesAsText("ticketId")).contains(ticket);
  }

  @Test
  void saysWhenAnotherQcIsAssigned() {
    String other = fx.userId(fx.user(Role.QC, null));
    String ticket = fx.ticket(agentId, "Shipping delay");
    fx.sampled(ticket, agentId, other, "RANDOM");
    Page page = fx.login(qc, 1000);
    page.navigate(fx.url("/panel?ticketId=" + ticket));
    assertThat(page.locator("#assigned-elsewhere")).containsText("Assigned to Pat QC, not you.");
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }

  @Test
  void agentsCannotOpenTheScoringPanel() {
    String agentUser = fx.user(Role.AGENT, fx.agent("Nia Agent"));
    String ticket = fx.ticket(agentId, "Refund");
    Page page = fx.login(agentUser, 1000);
    var response = page.navigate(fx.url("/panel?ticketId=" + ticket));
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.locator("h1")).containsText("403");
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }

  private static void answer(Page page, String criterion, String value) {
    page.locator("#c-" + criterion + "-" + value).check();
  }
}
