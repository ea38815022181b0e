package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.autoqa.ReadableText.Kind;
import io.qccompanion.server.autoqa.ReadableText.Span;
import org.junit.jupiter.api.Test;

class ReadableTextTest {
  @Test
  void htmlBecomesLinesWithQuotesAndCodeMarked() {
    ReadableText t =
        ReadableText.of(
            null,
            "<p>Hi&nbsp;Ann,</p><p>run <code>fix --all</code> &amp; retry.<br>Thanks</p>"
                + "<blockquote><p>it  is   broken</p></blockquote><script>alert(1)</script>");
    assertThat(t.text()).isEqualTo("Hi Ann,\nrun fix --all & retry.\nThanks\nit is broken");
    int code = t.text().indexOf("fix --all");
    int quote = t.text().indexOf("it is broken");
    assertThat(t.ignored())
        .containsExactly(
            new Span(code, code + "fix --all".length(), Kind.CODE),
            new Span(quote, t.text().length(), Kind.QUOTE));
    assertThat(t.visibleText())
        .doesNotContain("broken")
        .doesNotContain("fix")
        .hasSameSizeAs(t.text());
  }

  @Test
  void plainTextQuotesReplyHeadersUrlsAndEmailsAreIgnored() {
    String text =
        "See https://example.com/a?b=1. or mail help@example.com\n"
            + "> old line\n"
            + "New line with `code`\n"
            + "On Mon, 2 Nov 2026, Ann wrote:\nquoted tail";
    ReadableText t = ReadableText.of(text, null);
    String v = t.visibleText();
    assertThat(v).contains("See ").contains(". or mail").contains("New line with");
    assertThat(v)
        .doesNotContain("example")
        .doesNotContain("old line")
        .doesNotContain("code")
        .doesNotContain("quoted tail")
        .doesNotContain("wrote");
    assertThat(t.text()).isEqualTo(text);
    assertThat(t.isIgnored(text.indexOf("https"))).isTrue();
    assertThat(t.isIgnored(0)).isFalse();
  }

  @Test
  void visibleSegmentsSkipIgnoredSpans() {
    ReadableText t = ReadableText.of("a `b` c", null);
    assertThat(t.visible()).hasSize(2);
    assertThat(t.visible().get(0)).containsExactly(0, 2);
    assertThat(t.visible().get(1)).containsExactly(5, 7);
  }
}
