package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The AutoQA settings page: a QC lead changes their team's longest-wait SLA and adds a process
 * rule; what the page then shows is what the API holds, a bad regular expression is refused naming
 * its field, and the page passes axe-core.
 */
@Tag("browser")
class AutoQaSettingsBrowserTest {
  private static BrowserFixture fx;
  private static String lead;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    lead = fx.user(Role.QC_LEAD, null);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** A number as the page's script prints it: 90.0 → "90". */
  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static JsonNode rules() {
    var res = fx.admin.get("/api/v1/autoqa/teams/" + fx.teamId + "/rules");
    assertThat(res.status()).as(res.text()).isEqualTo(200);
    return res.json();
  }

  @Test
  void aLeadEditsTheTeamsSlaAndAProcessRuleAndSeesWhatTheApiHolds() {
    Page page = fx.login(lead, 1280);
    page.navigate(fx.url("/autoqa"));
    assertThat(page.locator("nav a[aria-current=page]")).hasText("AutoQA");
    assertThat(page.locator("#rules-source")).hasText("Billing uses the SOP defaults.");
    assertThat(page.locator("#in-effect [data-field=longestWaitMinutes]")).hasText("≤ 1440 min");
    assertThat(page.getByLabel("Longest wait for an agent reply ≤ min")).hasValue("1440");
    BrowserFixture.assertNoSeriousA11yViolations(page);

    page.getByLabel("Longest wait for an agent reply ≤ min").fill("90");
    page.getByLabel("Product dictionary").fill("Zentrixa\nPayFlow");
    page.locator("#add-rule").click();
    Locator row = page.locator("#rules-table tr.rule").last();
    row.getByLabel("Rule name").fill("identity-verified");
    row.getByLabel("Keywords, comma-separated").fill("identity verified, ID checked");
    row.getByLabel("Regular expression").fill("verified (by");
    row.getByLabel("Rule kind").selectOption("true");
    page.getByText("Save rules").click();
    assertThat(page.locator(".flash.error")).containsText("/processRules/0/regex");
    assertThat(rules().get("inherited").asBoolean()).isTrue();

    row.getByLabel("Regular expression").fill("verified by (phone|e-?mail)");
    page.getByText("Save rules").click();
    assertThat(page.locator(".flash.ok")).containsText("AutoQA rules saved for Billing");

    JsonNode api = rules();
    JsonNode r = api.get("rules");
    assertThat(api.get("inherited").asBoolean()).isFalse();
    assertThat(r.get("longestWaitMinutes").asDouble()).isEqualTo(90.0);
    assertThat(page.locator("#in-effect [data-field=longestWaitMinutes]"))
        .hasText("≤ " + plain(r.get("longestWaitMinutes").asDouble()) + " min");
    assertThat(page.locator("#in-effect [data-field=firstReplyMinutes]"))
        .hasText("≤ " + plain(r.get("firstReplyMinutes").asDouble()) + " min");
    assertThat(page.locator("#in-effect [data-field=dictionary]"))
        .hasText(r.get("dictionary").get(0).asText() + ", " + r.get("dictionary").get(1).asText());
    JsonNode rule = r.get("processRules").get(0);
    assertThat(rule.get("keywords").toString()).isEqualTo("[\"identity verified\",\"ID checked\"]");
    assertThat(rule.get("regex").asText()).isEqualTo("verified by (phone|e-?mail)");
    assertThat(rule.get("required").asBoolean()).isTrue();
    assertThat(page.locator("#in-effect-rules li[data-rule=identity-verified]"))
        .hasText(
            "identity-verified: an internal note must mention “identity verified” or “ID checked”"
                + " or /verified by (phone|e-?mail)/");
    assertThat(page.locator("#rule-set-version")).containsText(api.get("ruleSetVersion").asText());
    assertThat(page.locator("#rules-source")).containsText("Billing uses its own rules");

    // a fresh visit shows the stored rules in the form too
    page.navigate(fx.url("/autoqa"));
    assertThat(page.getByLabel("Longest wait for an agent reply ≤ min")).hasValue("90");
    assertThat(page.locator("#rules-table tr.rule")).hasCount(1);
    assertThat(page.locator("#rules-table tr.rule").first().getByLabel("Rule name"))
        .hasValue("identity-verified");
    BrowserFixture.assertNoSeriousA11yViolations(page);
    BrowserFixture.screenshot(page, "autoqa-settings");
  }
}
