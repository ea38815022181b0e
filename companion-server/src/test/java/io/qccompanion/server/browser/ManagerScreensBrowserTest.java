package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The manager and admin screens in a real browser, each checked against the API it draws from:
 * dashboard tiles and league table, drill-down to the evaluation, a production exception lowering
 * the target, an action-plan review's verdict, and axe-core on every screen.
 */
@Tag("browser")
class ManagerScreensBrowserTest {
  private static BrowserFixture fx;
  private static Api grader;
  private static Api managerApi;
  private static String manager;
  private static String admin;
  private static String dana;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    grader = fx.app.as(Role.QC, null, List.of(fx.teamId));
    managerApi = fx.app.as(Role.MANAGER, null, List.of(fx.teamId));
    dana = fx.agent("Dana Dash");
    String eli = fx.agent("Eli Evans");
    evaluate(dana, "Card declined", 1, 4, 1);
    evaluate(dana, "Refund status", 1, 5, 1);
    evaluate(eli, "Password reset", 0, 2, 0);
    manager = fx.user(Role.MANAGER, null);
    admin = fx.user(Role.ADMIN, null);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String evaluate(
      String agent, String subject, int greeting, int accuracy, int empathy) {
    var draft = grader.post("/api/v1/evaluations", Map.of("ticketId", fx.ticket(agent, subject)));
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);
    String id = draft.json().get("id").asText();
    var answers =
        Map.of(
            "greeting", Map.of("value", greeting),
            "accuracy", Map.of("value", accuracy),
            "empathy", Map.of("value", empathy));
    var submitted =
        grader.post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers));
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    return id;
  }

  /** The number a cell shows (" %" and " min" stripped), once the cell is on the page. */
  private static double number(Locator cell) {
    assertThat(cell).isVisible();
    return Double.parseDouble(cell.textContent().replace("%", "").replace("min", "").strip());
  }

  /** A number as the page's script prints it: 90.0 → "90". */
  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  @Test
  void dashboardTilesAndLeagueTableEqualTheSummariesApiAndDrillDownReachesTheEvaluation() {
    JsonNode api =
        managerApi.get("/api/v1/summaries?period=4weeks&groupBy=agent&sort=quality").json();
    Page page = fx.login(manager, 1280);
    page.navigate(fx.url("/dashboard?period=4weeks"));
    assertThat(number(page.locator("[data-tile=quality] .v")))
        .isEqualTo(api.at("/total/qualityPercent/value").asDouble());
    assertThat(number(page.locator("[data-tile=evaluations] .v")))
        .isEqualTo(api.at("/total/evaluations").asDouble());
    assertThat(number(page.locator("[data-tile=csat] .v")))
        .isEqualTo(api.at("/total/csatPercent/value").asDouble());
    assertThat(api.get("rows").size()).isGreaterThan(1);
    Locator rows = page.locator("#rows tbody tr");
    assertThat(rows).hasCount(api.get("rows").size());
    for (int i = 0; i < api.get("rows").size(); i++) {
      JsonNode r = api.get("rows").get(i);
      Locator row = rows.nth(i);
      assertThat(row).hasAttribute("data-key", r.get("groupKey").asText());
      assertThat(row.locator("td").nth(0)).hasText(String.valueOf(i + 1));
      assertThat(number(row.locator("td").nth(3)))
          .isEqualTo(r.at("/qualityPercent/value").asDouble());
      assertThat(number(row.locator("td").nth(2))).isEqualTo(r.get("evaluations").asDouble());
    }
    assertThat(page.locator("#period-note")).containsText("partial weeks");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "manager-dashboard");

    List<String> danas = new ArrayList<>();
    managerApi
        .get("/api/v1/summaries/evaluations?period=4weeks&agentId=" + dana)
        .json()
        .get("items")
        .forEach(e -> danas.add(e.get("id").asText()));
    page.locator("#rows tbody tr[data-key='" + dana + "'] a").click();
    Locator drill = page.locator("#drill-table tbody tr");
    assertThat(drill).hasCount(danas.size());
    String first = drill.first().getAttribute("data-evaluation");
    assertThat(danas).contains(first);
    drill.first().locator("a").click();
    page.waitForURL(u -> u.endsWith("/feedback/" + first));
  }

  @Test
  void aProductionExceptionLowersTheTargetByItsShareOfTheShift() {
    var set =
        fx.admin.put(
            "/api/v1/targets/default",
            Map.of("productionPerDay", 40, "shiftHours", 8, "effectiveFrom", "2026-11-01"));
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    Page page = fx.login(manager, 1280);
    page.navigate(fx.url("/production"));
    page.locator("#filters input[name=from]").fill("2026-11-02");
    page.locator("#filters input[name=to]").fill("2026-11-02");
    page.locator("#filters button").click();
    Locator monday =
        page.locator("#production tr[data-agent='" + dana + "'][data-day='2026-11-02'] .target");
    assertThat(monday).hasText("40");
    Locator form = page.locator("#exception-form");
    form.getByLabel("Agent").selectOption(dana);
    form.getByLabel("Day").fill("2026-11-02");
    form.getByLabel("Kind").selectOption("DOWNTIME");
    form.getByLabel("Hours").fill("2");
    form.getByLabel("Reason").fill("VPN outage");
    form.getByRole(AriaRole.BUTTON).click();
    // 40 * (8 - 2) / 8
    assertThat(monday).hasText("30");
    JsonNode api =
        managerApi.get("/api/v1/production?from=2026-11-02&to=2026-11-02&agentId=" + dana).json();
    assertThat(api.at("/items/0/targetTickets").asDouble()).isEqualTo(30.0);
    assertThat(page.locator("#exceptions")).containsText("VPN outage");
    BrowserFixture.assertNoSeriousA11yViolations(page);

    // corrected in place: 2 h → 5 h of leave, and the target shown is the API's, 40 * 3 / 8
    String exception =
        page.locator(
                "#exceptions tr[data-exception]",
                new Page.LocatorOptions().setHasText("VPN outage"))
            .getAttribute("data-exception");
    Locator row = page.locator("#exceptions tr[data-exception='" + exception + "']");
    row.getByRole(
            AriaRole.BUTTON,
            new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Edit")))
        .click();
    BrowserFixture.assertNoSeriousA11yViolations(page);
    row.getByLabel(java.util.regex.Pattern.compile("^Hours")).fill("5");
    row.getByLabel(java.util.regex.Pattern.compile("^Kind")).selectOption("LEAVE");
    row.getByLabel(java.util.regex.Pattern.compile("^Reason")).fill("VPN outage, then leave");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
    assertThat(page.locator(".flash.ok")).containsText("target is recomputed");
    JsonNode corrected =
        managerApi.get("/api/v1/production?from=2026-11-02&to=2026-11-02&agentId=" + dana).json();
    assertThat(corrected.at("/items/0/targetTickets").asDouble()).isEqualTo(15.0);
    assertThat(monday).hasText(plain(corrected.at("/items/0/targetTickets").asDouble()));
    assertThat(row.locator(".hours")).hasText("5");
    assertThat(row.locator(".reason")).hasText("VPN outage, then leave");
    assertThat(row).containsText("Leave");
    BrowserFixture.screenshot(page, "manager-production");
  }

  @Test
  void anEarlyReviewIsRefusedAndALaterOneShowsTheComputedVerdict() {
    String agent = fx.agent("Fay Follow");
    evaluate(agent, "Before the plan", 1, 4, 0);
    fx.app.clock().advance(Duration.ofMinutes(1));
    var plan =
        managerApi.post(
            "/api/v1/action-plans",
            Map.of(
                "agentId", agent,
                "goal", "Show empathy",
                "measure", "CRITERION_PASS_RATE",
                "criterionId", "empathy",
                "target", 90,
                "overEvaluations", 2,
                "dueAt", "2027-01-01T00:00:00Z"));
    assertThat(plan.status()).as(plan.text()).isEqualTo(201);
    String id = plan.json().get("id").asText();
    fx.app.clock().advance(Duration.ofMinutes(1));
    Page page = fx.login(manager, 1280);
    page.navigate(fx.url("/action-plans"));
    Locator row = page.locator("#plans tr[data-plan='" + id + "']");
    // criteria by name: in the list, and in the form for the chosen agent with the API's figures
    assertThat(row).containsText("pass rate of Empathy");
    page.locator("#plan-form select[name=agentId]").selectOption(agent);
    JsonNode empathy = null;
    for (JsonNode c :
        managerApi.get("/api/v1/coaching/criteria?agentId=" + agent).json().get("items"))
      if (c.get("criterionId").asText().equals("empathy")) empathy = c;
    assertThat(page.locator("#plan-form select[name=criterionId] option[value=empathy]"))
        .containsText(empathy.get("name").asText() + " — ");
    assertThat(page.locator("#plan-form select[name=criterionId] option[value=empathy]"))
        .containsText(" pass over " + empathy.get("answered").asInt() + " answers");
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Review now")).click();
    assertThat(page.locator(".flash.error"))
        .containsText("too early to review: 0 of 2 evaluations");
    assertThat(row.locator(".status")).hasText("open");
    evaluate(agent, "After the plan 1", 1, 4, 1);
    evaluate(agent, "After the plan 2", 1, 4, 1);
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Review now")).click();
    assertThat(page.locator("#plans tr[data-plan='" + id + "'] .status")).hasText("met");
    String verdict = managerApi.get("/api/v1/action-plans/" + id).json().get("verdict").asText();
    assertThat(verdict)
        .isEqualTo(
            "effective: criterion Empathy pass rate 0 % → 100 % over 2 evaluations since the plan"
                + " started (target 90 %)");
    assertThat(page.locator("#plans tr[data-plan='" + id + "'] .verdict")).hasText(verdict);
    assertThat(page.locator("#plans tr[data-plan='" + id + "'] .status")).hasText("met");
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }

  @Test
  void adminScreensShowWhatTheApiHoldsAndPassAxe() {
    Page page = fx.login(admin, 1280);
    page.navigate(fx.url("/targets"));
    JsonNode billing = fx.admin.get("/api/v1/targets/" + fx.teamId).json().get("targets");
    assertThat(page.locator("#targets tr[data-team='" + fx.teamId + "']"))
        .containsText("≥ " + plain(billing.get("qualityPercent").asDouble()) + " %");
    BrowserFixture.assertNoSeriousA11yViolations(page);

    fx.admin.post("/api/v1/compliance/escalations/sweep", Map.of());
    int open = fx.admin.get("/api/v1/compliance/escalations").json().get("items").size();
    assertThat(open).isPositive();
    page.navigate(fx.url("/escalations"));
    assertThat(page.locator("#escalations tbody tr[data-escalation]")).hasCount(open);
    BrowserFixture.assertNoSeriousA11yViolations(page);

    page.navigate(fx.url("/admin/retention"));
    page.locator("#dry-run").click();
    JsonNode dry = fx.admin.post("/api/v1/retention/run?dryRun=true", Map.of()).json();
    assertThat(page.locator("#counts tbody tr")).hasCount(dry.get("counts").size());
    assertThat(page.locator("#last-run")).hasText("Retention has not run yet.");
    BrowserFixture.assertNoSeriousA11yViolations(page);

    page.navigate(fx.url("/admin/audit"));
    page.getByLabel("Record type").fill("evaluation");
    page.locator("#filters button").click();
    int events =
        fx.admin.get("/api/v1/audit?entityType=evaluation&limit=50").json().get("items").size();
    assertThat(page.locator("#audit tbody tr")).hasCount(events);
    BrowserFixture.assertNoSeriousA11yViolations(page);

    page.navigate(fx.url("/admin/audit-pack"));
    assertThat(page.locator("#clauses tbody tr"))
        .hasCount(fx.admin.get("/api/v1/audit-pack/clauses").json().get("items").size());
    assertThat(page.locator("#download"))
        .hasAttribute("href", java.util.regex.Pattern.compile("from=.*to=.*timeZone="));
    BrowserFixture.assertNoSeriousA11yViolations(page);

    for (String path : List.of("/coaching", "/admin/users", "/admin/connections")) {
      page.navigate(fx.url(path));
      assertThat(page.locator("main h1")).isVisible();
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      BrowserFixture.assertNoSeriousA11yViolations(page);
    }
    assertThat(page.locator("#connections")).containsText("acme");
  }
}
