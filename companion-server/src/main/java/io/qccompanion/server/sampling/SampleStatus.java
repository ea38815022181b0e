package io.qccompanion.server.sampling;

/** Values of {@code sample_decisions.status}. */
final class SampleStatus {
  /** Selected and waiting for (or in) grading; done once a non-draft evaluation exists. */
  public static final String OPEN = "OPEN";

  /** Not selected; a pool for quota top-ups and replacements. */
  public static final String SKIPPED = "SKIPPED";

  /** Selected, then replaced by a QC; {@code replaced_by} points at the substitute decision. */
  public static final String REPLACED = "REPLACED";

  /**
   * Open work: selected, not replaced, with no non-draft regular evaluation of the pair yet. Use on
   * {@code sample_decisions d}.
   */
  static final String OPEN_WORK =
      """
      d.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.ticket_id = d.ticket_id
        AND (e.agent_id = d.agent_id OR e.agent_id IS NULL) AND e.kind = 'REGULAR'
        AND e.status <> 'DRAFT')""";

  private SampleStatus() {}
}
