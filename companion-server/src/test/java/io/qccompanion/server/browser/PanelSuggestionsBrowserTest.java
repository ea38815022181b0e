package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.conversations.Conversations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The panel on a ticket with a stored conversation: the transcript tells authors apart, AutoQA's
 * suggestions are pre-filled with their evidence marked in the transcript, and an override is
 * recorded on submit.
 */
@Tag("browser")
class PanelSuggestionsBrowserTest {
  static final String REPLY =
      "Hi Sam,\n\nI understand how frustrating a double charge is. I have refunded the second"
          + " payment today, so it reaches your card within three days.\n\nBest regards,\nJonas";
  static final String ATTACHMENT_URL =
      "https://acme.zendesk.test/attachments/token/abc/?name=invoice.pdf";
  private static BrowserFixture fx;
  private static String versionId;
  private static String qc;
  private static String qcId;
  private static String agentId;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    versionId = fx.publishScorecard();
    var bound =
        fx.admin.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of("criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"),
                    Map.of(
                        "criterionId",
                        "empathy",
                        "check",
                        "empathy",
                        "mapping",
                        "bands >=1:1 else:0"))));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    qc = fx.user(Role.QC, null);
    qcId = fx.userId(qc);
    agentId = fx.agent("Jonas Berg");
  }

  /** A sampled ticket with a four-message conversation, scored by AutoQA. */
  static String conversationTicket() {
    String ticket = fx.ticket(agentId, "Charged twice for one order");
    Instant t0 = Instant.parse("2026-11-30T09:00:00Z");
    fx.app
        .c()
        .db()
        .run(
            h -> {
              // this ticket's own conversation replaces the fixture's default one
              fx.conversations.delete(h, fx.connectionId, fx.externalId(ticket));
              fx.conversations.store(
                  h,
                  fx.connectionId,
                  fx.externalId(ticket),
                  List.of(
                      message("m3", "end-user", true, t0, "You charged me twice!", "invoice.pdf"),
                      message(
                          "m4", "system", true, t0.plusSeconds(60), "Auto-reply: we got it.", null),
                      message(
                          "m5", "agent", false, t0.plusSeconds(600), "Identity verified.", null),
                      message("m6", "agent", true, t0.plusSeconds(900), REPLY, null)),
                  Conversations.Limits.DEFAULT);
            });
    fx.sampled(ticket, agentId, qcId, "RANDOM");
    while (fx.app.app().autoQa().scoreNow(100) > 0) {}
    return ticket;
  }

  static Message message(
      String id, String role, boolean pub, Instant at, String body, String attachment) {
    return Message.builder()
        .id(id)
        .authorId(role + "-1")
        .authorRole(role)
        .publicMessage(pub)
        .createdAt(at)
        .body(body)
        .attachments(
            attachment == null
                ? List.of()
                : List.of(new Message.Attachment(attachment, 12_288L, ATTACHMENT_URL)))
        .build();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void qcSeesTheTranscriptAcceptsOneSuggestionOverridesAnotherAndTheOverrideIsRecorded() {
    String ticket = conversationTicket();
    JsonNode suggestions =
        fx.admin
            .get("/api/v1/tickets/" + ticket + "/suggestions?scorecardVersionId=" + versionId)
            .json()
            .get("suggestions");
    JsonNode greeting = find(suggestions, "greeting");
    assertThat(greeting.get("value").asDouble()).isEqualTo(1.0);
    assertThat(find(suggestions, "empathy").get("value").asDouble()).isEqualTo(1.0);
    JsonNode evidence = greeting.get("evidence").get(0);

    Page page = fx.login(qc, 1000);
    page.navigate(fx.url("/panel?ticketId=" + ticket));
    var messages = page.locator("#conversation .msg");
    assertThat(messages).hasCount(4);
    assertThat(messages.nth(0)).hasClass(java.util.regex.Pattern.compile("\\bcustomer\\b"));
    assertThat(messages.nth(0).locator(".author")).hasText("Customer");
    assertThat(page.locator("#conversation .msg.system .author")).hasText("System or bot");
    assertThat(page.locator("#conversation .msg.internal .author")).hasText("Internal note");
    assertThat(page.locator("#conversation .msg.internal .text")).hasText("Identity verified.");
    var file = page.locator("#conversation .attachments a");
    assertThat(file).hasText("invoice.pdf");
    assertThat(file).hasAttribute("href", ATTACHMENT_URL);
    assertThat(page.locator("#conversation .attachments")).containsText("invoice.pdf (12 KB)");
    JsonNode stored =
        fx.admin.get("/api/v1/tickets/" + ticket + "/messages").json().at("/items/0/attachments/0");
    assertThat(stored.get("size").asLong()).isEqualTo(12_288L);

    page.getByText("Start grading").click();
    assertThat(page.locator("[data-suggestion-for=greeting]")).containsText("AutoQA: Yes");
    assertThat(page.locator("#c-greeting-1")).isChecked();
    assertThat(page.locator("#c-empathy-1")).isChecked();
    assertThat(page.locator("[data-suggestion-for=greeting] .suggestion-state"))
        .containsText("Pre-filled from AutoQA");

    page.locator("[data-suggestion-for=greeting] .show-evidence").first().click();
    var mark = page.locator("#conversation mark.evidence-mark");
    assertThat(mark).hasCount(1);
    assertThat(mark).hasText(evidence.get("excerpt").asText());
    assertThat(mark).isInViewport();
    String markedIn =
        (String) page.evaluate("() => document.activeElement.dataset.index"); // focus moved there
    assertThat(Integer.parseInt(markedIn)).isEqualTo(evidence.get("messageIndex").asInt());
    assertThat(page.locator("#evidence-status")).containsText(evidence.get("excerpt").asText());
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "panel-suggestions");

    page.locator("#c-empathy-0").check();
    assertThat(page.locator("[data-suggestion-for=empathy] .suggestion-state"))
        .containsText("Overridden: you answered No; AutoQA suggested Yes.");
    page.locator("#c-accuracy-5").check();
    page.locator("#submit").click();
    assertThat(page.locator("#final-score")).containsText("66.7%");
    assertThat(page.locator("#autoqa-overrides")).containsText("Empathy: AutoQA Yes → you No");
    BrowserFixture.assertNoSeriousA11yViolations(page);

    String evaluationId =
        fx.admin.get("/api/v1/evaluations?ticketId=" + ticket).json().at("/items/0/id").asText();
    JsonNode overrides =
        fx.admin.get("/api/v1/autoqa/overrides?evaluationId=" + evaluationId).json().get("items");
    assertThat(overrides).hasSize(1);
    JsonNode o = overrides.get(0);
    assertThat(o.get("criterionId").asText()).isEqualTo("empathy");
    assertThat(o.get("automaticValue").asDouble()).isEqualTo(1.0);
    assertThat(o.get("humanValue").asDouble()).isZero();
    assertThat(o.get("decidedBy").asText()).isEqualTo(qcId);
    assertThat(o.get("decidedByName").asText()).isEqualTo("Pat QC");
    JsonNode gate = fx.admin.get("/api/v1/autoqa/status").json().get("criteria");
    assertThat(find(gate, "empathy", "criterionId").get("overridden").asInt()).isEqualTo(1);
    assertThat(find(gate, "greeting", "criterionId").get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void suggestionsAndTranscriptFitA320PixelSidebar() {
    String ticket = conversationTicket();
    Page page = fx.login(qc, 320);
    page.navigate(fx.url("/panel?ticketId=" + ticket));
    assertThat(page.locator("#conversation .msg")).hasCount(4);
    page.getByText("Start grading").click();
    assertThat(page.locator("[data-suggestion-for=greeting]")).isVisible();
    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    assertThat(scrollWidth).isLessThanOrEqualTo(320);
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "panel-suggestions-320px");
  }

  static JsonNode find(JsonNode items, String id) {
    return find(items, id, "criterionId");
  }

  static JsonNode find(JsonNode items, String id, String field) {
    for (JsonNode n : items) if (n.get(field).asText().equals(id)) return n;
    throw new AssertionError("no " + id + " in " + items);
  }
}
