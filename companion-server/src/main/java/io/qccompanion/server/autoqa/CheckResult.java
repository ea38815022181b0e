package io.qccompanion.server.autoqa;

import java.util.List;

/**
 * The outcome of one check on one conversation.
 *
 * @param check the check id ({@link Check#id()} or {@code process:<rule name>})
 * @param value the raw measure in {@link Check#unit()}, or null when the check does not apply (no
 *     agent reply, no negative customer, a language without a grammar module)
 * @param target the team's target for the measure, or null when it has none
 * @param pass whether the value meets the target (or the check's own pass rule), null when it does
 *     not apply
 * @param evidence what was found, in conversation order
 * @param confidence 0..1, how far the method can be trusted on this input
 * @param note why a check does not apply or what the value is made of, for the reader
 */
record CheckResult(
    String check,
    Double value,
    Double target,
    Boolean pass,
    List<Evidence> evidence,
    double confidence,
    String note) {

  public CheckResult {
    if (check == null || check.isBlank()) throw new IllegalArgumentException("check is blank");
    if (confidence < 0 || confidence > 1)
      throw new IllegalArgumentException("confidence out of 0..1: " + confidence);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    note = note == null ? "" : note;
  }

  /** A result for a check that does not apply to this conversation. */
  public static CheckResult notApplicable(String check, String why) {
    return new CheckResult(check, null, null, null, List.of(), 1, why);
  }

  /** Whether the check applied. */
  public boolean applies() {
    return value != null;
  }
}
