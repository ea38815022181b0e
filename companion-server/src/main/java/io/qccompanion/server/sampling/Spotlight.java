package io.qccompanion.server.sampling;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.domain.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Signals found after sampling (AutoQA's {@code AUTOQA:<signal>}) select a ticket that the random
 * draw skipped, like a trigger: the decision becomes an open sample with the signals among its
 * reasons and inclusion probability 1 (a signal selects with certainty), then open work is
 * assigned.
 */
public final class Spotlight {
  private final Clock clock;
  private final SamplingPolicies policies;
  private final Assigner assigner;

  Spotlight(Clock clock, SamplingPolicies policies, Assigner assigner) {
    this.clock = clock;
    this.policies = policies;
    this.assigner = assigner;
  }

  /** Selects the ticket's skipped decisions for {@code reasons}; returns how many it selected. */
  public int raise(Handle h, String ticketId, List<String> reasons) {
    if (reasons.isEmpty()) return 0;
    record Skipped(String id, String teamId, String reasons) {}
    List<Skipped> skipped =
        h.createQuery(
                "SELECT id, team_id, reasons FROM sample_decisions WHERE ticket_id = ? AND status = 'SKIPPED' ORDER BY id")
            .bind(0, ticketId)
            .map((rs, c) -> new Skipped(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list();
    Instant now = clock.instant();
    for (Skipped s : skipped) {
      List<String> all = new ArrayList<>(readReasons(s.reasons()));
      for (String r : reasons) if (!all.contains(r)) all.add(r);
      int days = policies.effective(h, s.teamId()).config().dueBusinessDays();
      h.createUpdate(
              """
              UPDATE sample_decisions SET selected = 1, status = 'OPEN', reasons = ?,
                inclusion_probability = 1, due_at = ? WHERE id = ? AND status = 'SKIPPED'""")
          .bind(0, Json.write(all))
          .bind(1, Weeks.plusBusinessDays(now, days).toEpochMilli())
          .bind(2, s.id())
          .execute();
    }
    if (!skipped.isEmpty()) assigner.assignOpen(h);
    return skipped.size();
  }

  private static List<String> readReasons(String json) {
    try {
      return Json.MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("sample_decisions.reasons is not a JSON list", e);
    }
  }
}
