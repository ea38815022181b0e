package io.qccompanion.server.sampling;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Words a QC reads for sampling reasons and competency tiers ("Reopened by the customer"). */
public final class ReasonLabels {
  private ReasonLabels() {}

  private static final Map<String, String> REASONS =
      Map.of(
          "RANDOM", "Random pick",
          "RISK_TIER", "Agent's tier rate",
          "QUOTA_TOPUP", "Weekly minimum top-up",
          "MANUAL", "Picked by hand",
          "REPLACEMENT", "Replaces a skipped ticket",
          "CAPPED", "Weekly maximum reached");

  private static final Map<String, String> TRIGGERS =
      Map.of(
          "reopened", "Reopened by the customer",
          "bad_csat", "Customer rated it bad",
          "handle_time", "Handle time over the limit");

  private static final Map<String, String> TIERS =
      Map.of(
          "NEW", "New agent",
          "STANDARD", "Standard",
          "PROVEN", "Proven",
          "AT_RISK", "At risk");

  /** The label of one stored reason, e.g. {@code TRIGGER:reopened}. */
  public static String reason(String code) {
    if (code == null) return null;
    if (REASONS.containsKey(code)) return REASONS.get(code);
    int colon = code.indexOf(':');
    if (colon > 0) {
      String kind = code.substring(0, colon);
      String name = code.substring(colon + 1);
      if (kind.equals("TRIGGER")) {
        if (TRIGGERS.containsKey(name)) return TRIGGERS.get(name);
        if (name.startsWith("tag:")) return "Tagged “" + name.substring(4) + "”";
        if (name.startsWith("keyword:")) return "Subject mentions “" + name.substring(8) + "”";
        return "Trigger: " + name.replace('_', ' ');
      }
      if (kind.equals("AUTOQA")) return "Automatic check: " + name.replace('_', ' ');
    }
    return code.replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  public static List<String> reasons(List<String> codes) {
    return codes == null ? List.of() : codes.stream().map(ReasonLabels::reason).toList();
  }

  /** The label of a competency tier. */
  public static String tier(String tier) {
    return tier == null ? null : TIERS.getOrDefault(tier, tier);
  }
}
