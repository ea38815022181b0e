package io.qccompanion.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.qccompanion.server.auth.Role;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The login form sends the user on to {@code next} only when it is a path of this origin: {@code
 * /\evil.example/} (which browsers read as {@code //evil.example/}), protocol-relative, absolute
 * and {@code javascript:} values land on the companion instead (issue 16's open redirect).
 */
@Tag("browser")
class OpenRedirectBrowserTest {
  private static final List<String> HOSTILE =
      List.of(
          "/%5Cevil.example/",
          "/%5C%5Cevil.example",
          "//evil.example/",
          "https://evil.example/",
          "%2F%2Fevil.example",
          "javascript:alert(1)");
  private static BrowserFixture fx;

  @BeforeAll
  static void start() {
    fx = new BrowserFixture();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void loginNeverRedirectsToAnotherOrigin() {
    String email = fx.user(Role.QC, null);
    String origin = URI.create(fx.app.baseUrl()).getAuthority();
    for (String next : HOSTILE) {
      Page page = loginWithNext(email, next);
      URI landed = URI.create(page.url());
      assertThat(landed.getScheme() + "://" + landed.getAuthority())
          .as("next=" + next + " landed on " + page.url())
          .isEqualTo("http://" + origin);
      page.context().close();
    }
    Page page = loginWithNext(email, "/notifications?x=1");
    assertThat(page.url()).isEqualTo(fx.url("/notifications?x=1"));
    page.context().close();
  }

  private static Page loginWithNext(String email, String next) {
    Page page = fx.anonymous();
    page.setDefaultTimeout(10_000);
    page.navigate(fx.url("/login?next=" + next));
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(BrowserFixture.PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Log in"))
        .click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }
}
