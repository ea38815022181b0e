package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.qccompanion.server.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("browser")
class AdminPagesBrowserTest {
  private static BrowserFixture fx;
  private static String admin;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    admin = fx.user(Role.ADMIN, null);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void adminBuildsPreviewsAndPublishesAScorecard() {
    Page page = fx.login(admin, 1280);
    page.navigate(fx.url("/admin/scorecards"));
    page.locator("#new-scorecard").click();
    page.getByLabel("Scorecard name").fill("Chat quality");
    page.getByLabel("Section name").fill("Resolution");
    page.getByLabel("Criterion name").fill("Correct answer");
    page.getByLabel("Criterion name").press("Tab");
    assertThat(page.getByLabel("Criterion id")).hasValue("correct-answer");
    page.getByLabel("Critical").check();
    page.getByLabel("Root causes").fill("knowledge, tooling");
    page.getByLabel("Guidance").fill("The first answer solves the problem.");
    page.getByText("Add criterion").click();
    Locator second = page.locator(".builder-criterion").nth(1);
    second.getByLabel("Criterion name").fill("Tone");
    second.getByLabel("Criterion id").fill("tone");
    second.getByLabel("Scale").selectOption("ONE_TO_FIVE");
    second.getByLabel("N/A allowed").check();

    Locator preview = page.locator("#preview");
    assertThat(preview).containsText("Critical");
    preview.locator("#preview-correct-answer-1").check();
    preview.locator("#preview-tone-4").check();
    assertThat(preview.locator(".live-score")).containsText("87.5%");
    preview.locator("#preview-correct-answer-0").check();
    assertThat(preview.locator(".live-score")).containsText("CRITICAL FAIL");

    page.locator("#publish-scorecard").click();
    assertThat(page.getByText("Published “Chat quality” version 1.")).isVisible();
    assertThat(page.locator("#versions")).containsText("v1 published");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "admin-scorecard-builder");

    var cards = fx.admin.get("/api/v1/scorecards").json().get("items");
    var chat =
        cards.findParents("name").stream()
            .filter(n -> n.get("name").asText().equals("Chat quality"))
            .findFirst()
            .orElseThrow();
    assertThat(chat.get("versions")).hasSize(1);
    var version =
        fx.admin.get("/api/v1/scorecard-versions/" + chat.at("/versions/0/id").asText()).json();
    var criteria = version.at("/definition/sections/0/criteria");
    assertThat(criteria.get(0).get("critical").asBoolean()).isTrue();
    assertThat(criteria.get(0).get("rootCauses").toString())
        .isEqualTo("[\"knowledge\",\"tooling\"]");
    assertThat(criteria.get(1).get("scale").asText()).isEqualTo("ONE_TO_FIVE");
    assertThat(criteria.get(1).get("naAllowed").asBoolean()).isTrue();
  }

  @Test
  void adminScreensRenderAndSamplingPreviewsLastWeek() {
    Page page = fx.login(admin, 1280);
    page.navigate(fx.url("/admin/connections"));
    assertThat(page.locator("#connections")).containsText("acme");
    assertThat(page.locator("#connections")).containsText("active");
    page.locator("#connections")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause"))
        .click();
    assertThat(page.locator("#connections .status-PAUSED")).hasText("paused");
    assertThat(page.locator("#connections [role=alert]")).containsText("Connection paused");
    page.locator("#connections")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume"))
        .click();
    assertThat(page.locator("#connections .status-ACTIVE")).hasText("active");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "admin-connections");

    page.navigate(fx.url("/admin/sampling"));
    page.locator("#policy-team")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Billing"));
    assertThat(page.getByText("This team uses the organisation default")).isVisible();
    page.getByLabel("Standard").fill("0.5");
    page.locator("#preview-policy").click();
    assertThat(page.locator("#preview-total")).containsText("tickets selected");
    page.locator("#save-policy").click();
    assertThat(page.getByText("Policy saved.")).isVisible();
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "admin-sampling");
    var policy = fx.admin.get("/api/v1/sampling/policies/" + fx.teamId).json();
    assertThat(policy.at("/config/rates/standard").asDouble()).isEqualTo(0.5);

    page.navigate(fx.url("/admin/users"));
    assertThat(page.locator("#users")).containsText(admin);
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "admin-users");
  }

  @Test
  void visitorIsSentToLoginAndBackThenLogsOut() {
    String qc = fx.user(Role.QC, null);
    Page page = fx.anonymous();
    page.navigate(fx.url("/queue"));
    assertThat(page).hasURL(fx.url("/login?next=%2Fqueue"));
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "login");
    page.getByLabel("Email").fill(qc);
    page.getByLabel("Password").fill(BrowserFixture.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page).hasURL(fx.url("/queue"));
    assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Scorecards");
    assertThat(page.locator("nav a[aria-current=page]")).hasText("QC queue");

    BrowserFixture.assertNoSeriousA11yViolations(page);

    page.navigate(fx.url("/admin/scorecards"));
    assertThat(page.locator("h1")).containsText("403");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    page.locator("#logout").click();
    assertThat(page).hasURL(fx.url("/login"));
    page.navigate(fx.url("/queue"));
    assertThat(page).hasURL(fx.url("/login?next=%2Fqueue"));
  }

  @Test
  void shellShowsTheUserTheirNavigationAndFitsA320PixelScreen() {
    Page page = fx.login(admin, 320);
    page.navigate(fx.url("/admin/users"));
    Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
    assertThat(nav.getByRole(AriaRole.LINK))
        .hasText(
            new String[] {
              "QC queue",
              "Calibration",
              "Disputes",
              "Dashboard",
              "Targets",
              "AutoQA",
              "Production",
              "Coaching",
              "Action plans",
              "Escalations",
              "Connections",
              "Scorecards",
              "Sampling",
              "Users & teams",
              "Audit log",
              "Retention",
              "Audit pack",
              "API tokens"
            });
    assertThat(page.locator("nav a[aria-current=page]")).hasText("Users & teams");
    assertThat(page.locator("#current-user")).hasText("Pat ADMIN (Admin)");
    assertThat(page.locator("#notifications-badge")).isHidden();
    assertThat(page.locator("main#main")).isVisible();
    assertThat(page.locator("link[rel=icon]")).hasAttribute("href", "/assets/favicon.svg");
    assertThat(page.request().get(fx.url("/assets/favicon.svg")).status()).isEqualTo(200);

    page.keyboard().press("Tab");
    assertThat(page.locator(".skip")).isFocused();
    assertThat(page.locator(".skip")).isInViewport();
    int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    assertThat(scrollWidth).isLessThanOrEqualTo(320);
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }

  @Test
  void qcQueueListsAssignedSamplesWithLinksToHostAndPanel() {
    String qc = fx.user(Role.QC, null);
    String agent = fx.agent("Queue Agent");
    String ticket = fx.ticket(agent, "Refund not received");
    fx.sampled(ticket, agent, fx.userId(qc), "TRIGGER:bad_csat");
    String other = fx.ticket(agent, "Somebody else's sample");
    fx.sampled(other, agent, fx.userId(fx.user(Role.QC, null)), "RANDOM");
    Page page = fx.login(qc, 1280);
    assertThat(page).hasURL(fx.url("/queue"));
    Locator row = page.locator("#queue tbody tr");
    assertThat(row).hasCount(1);
    assertThat(row).containsText("Refund not received");
    assertThat(row).containsText("Customer rated it bad");
    assertThat(row).containsText("Queue Agent");
    assertThat(row).containsText("Billing");
    assertThat(row).containsText("email");
    assertThat(row.locator(".tier")).hasText("At risk");
    assertThat(page.locator("#count-open")).hasText("1");
    assertThat(row.getByText("Open in host"))
        .hasAttribute("href", java.util.regex.Pattern.compile("acme.zendesk.test"));
    page.getByLabel("Filter").fill("nothing like this");
    assertThat(page.locator("#queue tbody")).containsText("Nothing assigned to you.");
    page.getByLabel("Filter").fill("refund");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "qc-queue");
    row.getByText("Grade").click();
    assertThat(page.locator("#why-sampled")).containsText("Customer rated it bad");
  }
}
