package io.qccompanion.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escapesEveryCharacterThatEndsTextOrAQuotedAttribute() {
    assertThat(HtmlText.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
  }

  @Test
  void nullIsEmptyAndPlainTextIsUnchanged() {
    assertThat(HtmlText.escape(null)).isEmpty();
    assertThat(HtmlText.escape("Grüße — 90 %")).isEqualTo("Grüße — 90 %");
  }
}
