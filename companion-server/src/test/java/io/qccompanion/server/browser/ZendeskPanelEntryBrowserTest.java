package io.qccompanion.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.FakeConnector;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Zendesk's ticket_sidebar posts its signed-URL token to the companion on first load. */
@Tag("browser")
class ZendeskPanelEntryBrowserTest {
  private static BrowserFixture fx;
  private static FakeConnector zendesk;
  private static String connection;
  private static String externalId;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
    fx.publishScorecard();
    zendesk = new FakeConnector(FakeConnector.ZENDESK);
    fx.app.c().connectors().register(zendesk);
    var created =
        fx.admin.post(
            "/api/v1/connections",
            Map.of(
                "name", "acme-sidebar",
                "host", "zendesk",
                "baseUrl", "https://acme-sidebar.zendesk.test",
                "authKind", "API_TOKEN",
                "username", "api@acme.test",
                "secret", "s3cret"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    connection = created.json().at("/connection/id").asText(created.json().path("id").asText());
    String qc = fx.user(Role.QC, null);
    String ticket = fx.ticket(connection, fx.agent("Zed Agent"), "Sidebar ticket");
    externalId = fx.externalId(ticket);
    zendesk.panelIdentity =
        HostIdentity.builder().userId("zd-501").email(qc).ticketExternalId(externalId).build();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void signedUrlPostOpensASessionAndShowsThePanelOfTheTicket() {
    Page page = fx.anonymous();
    page.navigate(fx.url("/login"));
    zendeskPosts(page, "panel-ok");
    page.waitForURL(url -> url.contains("/panel?"));
    assertThat(page).hasURL(fx.url("/panel?connection=" + connection + "&ticket=" + externalId));
    assertThat(page.locator(".ticket-title")).containsText("Sidebar ticket");
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }

  @Test
  void forgedTokenIsRejected() {
    Page page = fx.anonymous();
    page.navigate(fx.url("/login"));
    var response = page.waitForNavigation(() -> zendeskPosts(page, "forged"));
    assertThat(response.status()).isEqualTo(401);
  }

  private static void zendeskPosts(Page page, String token) {
    page.evaluate(
        "([action, token]) => { const f = document.createElement('form'); f.method = 'post';"
            + " f.action = action; const i = document.createElement('input'); i.name = 'token';"
            + " i.value = token; f.append(i); document.body.append(f); f.submit(); }",
        java.util.List.of(fx.url("/panel/login/" + connection), token));
  }
}
