package io.qccompanion.server.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void textThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote() {
    assertThat(Csv.line(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "ok")))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,ok\r\n");
  }

  @Test
  void numbersNullsAndSeparatorsAreWrittenAsRfc4180() {
    assertThat(Csv.line(Arrays.asList(-2.5, null, "a,b", "say \"hi\"", "two\nlines")))
        .isEqualTo("-2.5,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
  }

  @Test
  void streamWritesTheHeaderThenOneLinePerRow() {
    var out = new StringWriter();
    try (var csv = CsvStream.open(out, List.of("name", "score"))) {
      csv.row(List.of("=evil()", 90.0));
    }
    assertThat(out.toString()).isEqualTo("name,score\r\n'=evil(),90.0\r\n");
  }
}
