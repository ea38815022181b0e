package io.qccompanion.server.outbox;

import io.qccompanion.model.WriteResult;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Claims due outbox rows one at a time under a lease and records what became of them. Every update
 * after the claim checks the lease token, so a worker whose lease ran out cannot overwrite the row
 * another worker now holds.
 */
final class OutboxLeases {
  private final Database db;
  private final Clock clock;
  private final String owner;
  private final Duration lease;

  OutboxLeases(Database db, Clock clock, String owner, Duration lease) {
    this.db = db;
    this.clock = clock;
    this.owner = owner;
    this.lease = lease;
  }

  /**
   * Claims the most overdue pending row. A row whose earlier lease expired was being published when
   * its worker stopped, so its outcome is unknown and the next worker looks for the note first.
   */
  Optional<OutboxRow> claim() {
    String token = owner + "/" + Ids.newId();
    long now = clock.millis();
    String pick =
        """
        SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
          AND (lease_until IS NULL OR lease_until < :now)
          AND connection_id NOT IN (SELECT id FROM connections WHERE status = 'PAUSED')
        ORDER BY next_attempt_at, id LIMIT 1
        """
            + (db.isSqlite() ? "" : " FOR UPDATE SKIP LOCKED");
    return db.write(
        h -> {
          int claimed =
              h.createUpdate(
                      """
                      UPDATE outbox SET lease_owner = :token, lease_until = :until, updated_at = :now,
                        outcome_unknown = CASE WHEN lease_until IS NULL THEN outcome_unknown ELSE 1 END
                      WHERE id = (%s) AND status = 'PENDING'
                        AND (lease_until IS NULL OR lease_until < :now)
                      """
                          .formatted(pick))
                  .bind("token", token)
                  .bind("until", now + lease.toMillis())
                  .bind("now", now)
                  .execute();
          if (claimed == 0) return Optional.<OutboxRow>empty();
          return h.createQuery("SELECT * FROM outbox WHERE lease_owner = ?")
              .bind(0, token)
              .map(
                  (rs, ctx) ->
                      new OutboxRow(
                          rs.getString("id"),
                          rs.getString("evaluation_id"),
                          rs.getInt("revision"),
                          rs.getString("connection_id"),
                          rs.getInt("attempts"),
                          rs.getInt("outcome_unknown") == 1,
                          token,
                          StepState.read(rs.getString("steps"))))
              .findOne();
        });
  }

  /**
   * Records the steps done so far while keeping the lease, so a crash before the next step resumes
   * there instead of repeating this one.
   */
  void stepsDone(OutboxRow row, Map<String, WriteResult> steps) {
    db.run(
        h ->
            h.createUpdate(
                    "UPDATE outbox SET steps = :steps, failed_step = NULL, outcome_unknown = 0,"
                        + " updated_at = :now WHERE id = :id AND lease_owner = :token")
                .bind("steps", StepState.write(steps))
                .bind("now", clock.millis())
                .bind("id", row.id())
                .bind("token", row.leaseToken())
                .execute());
  }

  /**
   * Extends the lease of a row still in flight (a slow host call must not let another instance
   * claim it); false when the lease was lost.
   */
  boolean renew(OutboxRow row) {
    long now = clock.millis();
    return db.write(
            h ->
                h.createUpdate(
                        "UPDATE outbox SET lease_until = :until"
                            + " WHERE id = :id AND lease_owner = :token")
                    .bind("until", now + lease.toMillis())
                    .bind("id", row.id())
                    .bind("token", row.leaseToken())
                    .execute())
        == 1;
  }

  /** The note is on the host (or fell back): done for good. */
  void done(OutboxRow row, WriteResult result) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("outcome", result.outcome().name());
    binds.put("detail", result.detail());
    binds.put("ref", result.hostReference());
    update(
        row,
        "status = 'DONE', attempts = attempts + 1, outcome = :outcome, detail = :detail,"
            + " host_reference = :ref, outcome_unknown = 0",
        binds);
  }

  /** Try again at {@code when}; {@code counted} says whether this was a real attempt. */
  void retry(
      OutboxRow row,
      long when,
      boolean counted,
      boolean outcomeUnknown,
      String step,
      String detail) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("step", step);
    binds.put("when", when);
    binds.put("inc", counted ? 1 : 0);
    binds.put("unknown", outcomeUnknown ? 1 : 0);
    binds.put("detail", detail);
    update(
        row,
        "next_attempt_at = :when, attempts = attempts + :inc, outcome_unknown = :unknown,"
            + " failed_step = :step, detail = :detail",
        binds);
  }

  /** Give up: the row stays FAILED for an admin to see. */
  void fail(OutboxRow row, String step, String detail) {
    Map<String, Object> binds = new HashMap<>();
    binds.put("detail", detail);
    binds.put("step", step);
    update(
        row,
        "status = 'FAILED', attempts = attempts + 1, failed_step = :step, detail = :detail",
        binds);
  }

  long pending() {
    return db.read(
        h ->
            h.createQuery("SELECT count(*) FROM outbox WHERE status = 'PENDING'")
                .mapTo(Long.class)
                .one());
  }

  private void update(OutboxRow row, String set, Map<String, Object> binds) {
    db.run(
        h ->
            h.createUpdate(
                    "UPDATE outbox SET "
                        + set
                        + ", lease_owner = NULL, lease_until = NULL, updated_at = :now"
                        + " WHERE id = :id AND lease_owner = :token")
                .bindMap(binds)
                .bind("now", clock.millis())
                .bind("id", row.id())
                .bind("token", row.leaseToken())
                .execute());
  }
}
