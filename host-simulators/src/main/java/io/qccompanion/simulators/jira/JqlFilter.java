package io.qccompanion.simulators.jira;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JQL subset the connector generates: {@code statusCategory = Done}, {@code updated >=|<
 * "yyyy-MM-dd HH:mm"} (in the API user's zone, as Jira reads it), {@code updated >= -1d}, {@code
 * project in (...)} / {@code project = X}, joined by AND, with {@code ORDER BY updated ...} (the
 * simulator always orders by updated, then id). Anything else is rejected like Jira does.
 */
final class JqlFilter {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern CLAUSE =
      Pattern.compile(
          "statusCategory\\s*=\\s*\"?Done\"?"
              + "|updated\\s*(>=|<|>|<=)\\s*\"(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2})\""
              + "|updated\\s*>=\\s*-(\\d+)d"
              + "|project\\s+in\\s*\\(([^)]*)\\)"
              + "|project\\s*=\\s*\"?(\\w+)\"?",
          Pattern.CASE_INSENSITIVE);

  final Instant lowerBound;
  private final List<Predicate<SimIssue>> predicates;

  private JqlFilter(Instant lowerBound, List<Predicate<SimIssue>> predicates) {
    this.lowerBound = lowerBound;
    this.predicates = predicates;
  }

  static JqlFilter parse(String jql, ZoneId zone, Instant now) {
    String where = jql.replaceAll("(?i)\\s+ORDER\\s+BY\\s+.*$", "");
    List<Predicate<SimIssue>> predicates = new ArrayList<>();
    Instant lower = Instant.EPOCH;
    Matcher m = CLAUSE.matcher(where);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      rest.append(where, last, m.start());
      last = m.end();
      String clause = m.group();
      if (clause.toLowerCase(java.util.Locale.ROOT).startsWith("statuscategory")) {
        predicates.add(i -> i.status.done);
      } else if (m.group(2) != null) {
        Instant at = LocalDateTime.parse(m.group(2), MINUTE).atZone(zone).toInstant();
        switch (m.group(1)) {
          case ">=" -> {
            predicates.add(i -> !i.updated.isBefore(at));
            if (at.isAfter(lower)) lower = at;
          }
          case ">" -> predicates.add(i -> i.updated.isAfter(at));
          case "<" -> predicates.add(i -> i.updated.isBefore(at));
          default -> predicates.add(i -> !i.updated.isAfter(at));
        }
      } else if (m.group(3) != null) {
        Instant at = now.minusSeconds(86_400L * Integer.parseInt(m.group(3)));
        predicates.add(i -> !i.updated.isBefore(at));
      } else {
        String list = m.group(4) != null ? m.group(4) : m.group(5);
        List<String> keys =
            List.of(list.split(",")).stream().map(s -> s.trim().replace("\"", "")).toList();
        predicates.add(i -> keys.contains(i.project.key()));
      }
    }
    rest.append(where.substring(last));
    String leftover = rest.toString().replaceAll("(?i)\\bAND\\b|[()\\s]", "");
    if (!leftover.isEmpty()) {
      throw new IllegalArgumentException(
          "Error in the JQL Query: unsupported near '" + leftover + "'");
    }
    return new JqlFilter(lower, predicates);
  }

  boolean matches(SimIssue issue) {
    for (Predicate<SimIssue> p : predicates) {
      if (!p.test(issue)) return false;
    }
    return true;
  }
}
