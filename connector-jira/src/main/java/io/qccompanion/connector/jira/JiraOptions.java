package io.qccompanion.connector.jira;

import io.qccompanion.model.ConnectionSettings;
import java.util.Arrays;
import java.util.List;

/** Connector options of one connection, with their defaults (documented in docs/jira.md). */
record JiraOptions(
    Flavor flavor,
    String jql,
    List<String> projects,
    String teamField,
    String channelField,
    String visibilityType,
    String visibilityValue,
    String gradedLabel,
    String failLabel,
    String scoreField,
    String property,
    String satisfactionField) {

  enum Flavor {
    CLOUD,
    JSM,
    DC
  }

  static JiraOptions of(ConnectionSettings settings) {
    String flavor = settings.option("flavor", "cloud").trim().toUpperCase(java.util.Locale.ROOT);
    String projects = settings.option("projects", "");
    return new JiraOptions(
        Flavor.valueOf(flavor),
        blankToNull(settings.option("jql", null)),
        projects.isBlank()
            ? List.of()
            : Arrays.stream(projects.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList(),
        blankToNull(settings.option("field.team", null)),
        blankToNull(settings.option("field.channel", null)),
        settings.option("visibility.type", "role"),
        settings.option("visibility.value", "Administrators"),
        blankToNull(settings.option("labels.graded", "qc-graded")),
        blankToNull(settings.option("labels.fail", "qc-fail")),
        blankToNull(settings.option("field.score", null)),
        settings.option("property", "qc-companion"),
        blankToNull(settings.option("field.satisfaction", null)));
  }

  boolean dataCenter() {
    return flavor == Flavor.DC;
  }

  /** REST path prefix of the platform API: v3 on Cloud (ADF), v2 on Data Center (plain text). */
  String api() {
    return dataCenter() ? "/rest/api/2" : "/rest/api/3";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
