package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
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
  private static String version;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    version = fx.publishScorecard();
    Api grader = fx.app.as(Role.QC, null, List.of(fx.teamId));
    String agent = fx.agent("Dana Dash");
    // the first ticket was sampled with certainty, the second at 1 in 4; they score differently,
    // so the design-weighted quality differs from the sample mean
    for (String subject : List.of("Card declined", "Refund status")) {
      boolean first = subject.startsWith("Card");
      String ticket = fx.ticket(agent, subject);
      decided(ticket, agent, first ? 1.0 : 0.25);
      var draft = grader.post("/api/v1/evaluations", Map.of("ticketId", ticket));
      String id = draft.json().get("id").asText();
      var answers =
          Map.of(
              "greeting", Map.of("value", 1),
              "accuracy", Map.of("value", first ? 4 : 2),
              "empathy", Map.of("value", first ? 1 : 0));
      assertThat(
              grader
                  .post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers))
                  .status())
          .isEqualTo(200);
    }
  }

  static void decided(String ticket, String agent, double p) {
    long now = fx.app.clock().millis();
    fx.app
        .c()
        .db()
        .run(
            h ->
                h.execute(
                    """
                    INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected,
                      reasons, status, week_start, decided_at, inclusion_probability)
                    VALUES (?, ?, ?, ?, 1, '[]', 'DONE', ?, ?, ?)""",
                    io.qccompanion.server.store.Ids.newId(),
                    ticket,
                    agent,
                    fx.teamId,
                    now,
                    now,
                    p));
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

  /** The number at the start of a text ("94.4 %" → 94.4), once the element is on the page. */
  private static double number(Locator l) {
    assertThat(l).isVisible();
    return Double.parseDouble(l.textContent().strip().split("[ %]")[0]);
  }

  /** A number as the page's script prints it: 0.0 → "0". */
  private static String js(JsonNode n) {
    double d = n.asDouble();
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  @Test
  void tilesShowTheDesignWeightedQualityNextToTheSampleMeanAndAutoQaShowsItsGate() {
    fx.bindGreetingCheck(version);
    Api managerApi = fx.app.as(Role.MANAGER, null, List.of(fx.teamId));
    JsonNode total = managerApi.get("/api/v1/summaries?period=4weeks").json().get("total");
    JsonNode w = total.get("weightedQuality");
    // hand check: scores s1 (p = 1) and s2 (p = 1/4) weigh 1 and 4
    assertThat(w.get("evaluations").asInt()).isEqualTo(2);
    assertThat(w.get("effectiveSampleSize").asDouble()).isEqualTo(1.47); // 25 / 17
    assertThat(w.get("weightedPercent").asDouble()).isNotEqualTo(w.get("samplePercent").asDouble());

    Page page = fx.login(fx.user(Role.MANAGER, null), 1280);
    page.navigate(fx.url("/dashboard?period=4weeks"));
    Locator weighted = page.locator("[data-tile=weighted]");
    assertThat(weighted).containsText("design-weighted");
    assertThat(number(weighted.locator(".v"))).isEqualTo(w.get("weightedPercent").asDouble());
    assertThat(weighted.locator(".interval"))
        .hasText("95 % interval " + js(w.get("low")) + "–" + js(w.get("high")) + " %");
    assertThat(weighted.locator(".neff")).hasText("effective sample size 1.47 of 2 evaluations");
    assertThat(weighted.locator(".mean"))
        .hasText("sample mean of the same: " + js(w.get("samplePercent")) + " %");
    assertThat(number(page.locator("[data-tile=quality] .v")))
        .isEqualTo(total.at("/qualityPercent/value").asDouble());
    assertThat(page.locator("[data-tile=quality]")).containsText("sample mean");

    JsonNode team =
        managerApi.get("/api/v1/summaries?period=4weeks&groupBy=team").json().get("rows").get(0);
    Locator tile = page.locator("#team-tiles [data-team='" + fx.teamId + "']");
    assertThat(tile.locator("h3")).hasText("Billing");
    assertThat(number(tile.locator(".sample-value")))
        .isEqualTo(team.at("/qualityPercent/value").asDouble());
    assertThat(number(tile.locator(".v")))
        .isEqualTo(team.at("/weightedQuality/weightedPercent").asDouble());

    JsonNode autoqa = managerApi.get("/api/v1/autoqa/status").json();
    Locator hosts = page.locator("#autoqa-coverage tbody tr");
    assertThat(hosts).hasCount(autoqa.get("coverage").size());
    JsonNode zendesk = autoqa.get("coverage").get(0);
    Locator cells =
        page.locator("#autoqa-coverage tr[data-host='" + zendesk.get("host").asText() + "'] td");
    assertThat(cells.nth(1)).hasText(zendesk.get("closedTickets").asText());
    assertThat(cells.nth(2)).hasText(zendesk.get("withConversation").asText());
    assertThat(cells.nth(3)).hasText(zendesk.get("scored").asText());
    Locator gate = page.locator("#autoqa-gates tr[data-criterion=greeting]");
    assertThat(gate.locator("td").first()).hasText("Greeting");
    assertThat(gate).hasAttribute("data-state", "SUGGESTION_ONLY");
    assertThat(gate.locator(".gate")).containsText("suggestion only: 0 of 200 double-scored");
    assertThat(gate.locator(".autoqa-quality")).hasText("not shown: gate closed");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "manager-dashboard-weighted-autoqa");
  }
}
