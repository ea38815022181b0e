package io.qccompanion.server.auditpack;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The mapping from each kind of record in the audit pack to the clause of the standard it
 * evidences; admins edit it (defaults from our SOP's sections, migration V81).
 */
final class AuditPackClauses {
  private final Clock clock;
  private final AuditLog audit;

  public AuditPackClauses(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /** One row of the mapping. */
  public record Clause(String recordKind, String clause, String title) {}

  /** The mapping in the order of the pack's index. */
  public List<Clause> list(Handle h) {
    return h.createQuery(
            "SELECT record_kind, clause, title FROM audit_pack_clauses ORDER BY position, record_kind")
        .map((rs, ctx) -> new Clause(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  Map<String, Clause> byKind(Handle h) {
    Map<String, Clause> out = new LinkedHashMap<>();
    list(h).forEach(c -> out.put(c.recordKind(), c));
    return out;
  }

  /** Maps {@code recordKind} to another clause. */
  public Clause put(Handle h, String actorId, String recordKind, String clause, String title) {
    Clause before = byKind(h).get(recordKind);
    if (before == null) throw new NotFound("record kind", recordKind);
    String c = Fields.required(clause, "/clause").strip();
    String t = Fields.required(title, "/title").strip();
    if (c.isEmpty()) throw Invalid.malformed("/clause", "/clause must not be blank");
    if (t.isEmpty()) throw Invalid.malformed("/title", "/title must not be blank");
    h.createUpdate(
            """
            UPDATE audit_pack_clauses SET clause = :c, title = :t, updated_at = :now, updated_by = :by
            WHERE record_kind = :k""")
        .bind("c", c)
        .bind("t", t)
        .bind("now", clock.millis())
        .bind("by", actorId)
        .bind("k", recordKind)
        .execute();
    Clause after = new Clause(recordKind, c, t);
    audit.record(h, actorId, "audit_pack.clause", "audit_pack_clause", recordKind, before, after);
    return after;
  }
}
