package io.qccompanion.connector.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/** Jira's date formats: "2024-01-15T10:30:00.000+0000" in JSON, "yyyy-MM-dd HH:mm" in JQL. */
final class JiraTime {
  static final DateTimeFormatter JSON =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendPattern(".SSS")
          .optionalEnd()
          .appendPattern("[XXX][XX][X]")
          .toFormatter();
  static final DateTimeFormatter JSON_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  static final DateTimeFormatter JQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private JiraTime() {}

  static Instant parse(String text) {
    return text == null || text.isEmpty() ? null : OffsetDateTime.parse(text, JSON).toInstant();
  }

  static String format(Instant instant, ZoneId zone) {
    return JSON_OUT.format(instant.atZone(zone));
  }

  /** A JQL date literal for {@code instant} in the API user's zone, at minute precision. */
  static String jql(Instant instant, ZoneId zone) {
    return JQL.format(instant.atZone(zone));
  }
}
