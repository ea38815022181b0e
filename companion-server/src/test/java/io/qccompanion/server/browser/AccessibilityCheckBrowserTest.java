package io.qccompanion.server.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The axe-core check the page tests rely on reports what it should. */
@Tag("browser")
class AccessibilityCheckBrowserTest {
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
  void failsOnAnUnlabelledControlAndAnImageWithoutText() {
    Page page = fx.anonymous();
    page.setContent(
        "<!doctype html><html lang=en><head><title>t</title></head><body><main>"
            + "<img src='data:,'><input type=text></main></body></html>");
    assertThatThrownBy(() -> BrowserFixture.assertNoSeriousA11yViolations(page))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("image-alt")
        .hasMessageContaining("label");
  }

  @Test
  void passesTheLoginPage() {
    Page page = fx.anonymous();
    page.navigate(fx.url("/login"));
    BrowserFixture.assertNoSeriousA11yViolations(page);
  }
}
