package io.qccompanion.server.summaries;

import io.qccompanion.server.domain.Json;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stored KPI targets: per team, falling back to the organisation default, then the SOP's. */
public final class KpiTargets {
  /** Scope key of the organisation default. */
  public static final String ORGANISATION = "*";

  /** Every stored row, keyed by scope ({@link #ORGANISATION} or a team id). */
  public Map<String, Targets> stored(Handle h) {
    Map<String, Targets> out = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM kpi_targets ORDER BY scope")
        .map((rs, ctx) -> Map.entry(rs.getString("scope"), targets(rs)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The organisation default in effect. */
  public Targets organisation(Handle h) {
    return find(h, ORGANISATION).orElse(Targets.DEFAULTS);
  }

  /** The targets in effect for {@code teamId} (null: the organisation's). */
  public Targets forTeam(Handle h, String teamId) {
    return resolver(stored(h)).of(teamId);
  }

  /** Looks up effective targets without further queries. */
  public static Resolver resolver(Map<String, Targets> stored) {
    Targets org = stored.getOrDefault(ORGANISATION, Targets.DEFAULTS);
    return teamId -> teamId == null ? org : stored.getOrDefault(teamId, org);
  }

  /** Effective targets by team id (null or unknown: the organisation's). */
  @FunctionalInterface
  public interface Resolver {
    Targets of(String teamId);
  }

  Optional<Targets> find(Handle h, String scope) {
    return h.createQuery("SELECT * FROM kpi_targets WHERE scope = :scope")
        .bind("scope", scope)
        .map((rs, ctx) -> targets(rs))
        .findOne();
  }

  /** Stores the targets of {@code scope}. */
  public void put(Handle h, String scope, Targets t, String userId, Instant now) {
    h.createUpdate(
            """
            INSERT INTO kpi_targets (scope, quality_percent, csat_percent, fcr_percent, aht_minutes,
              production_per_day, shift_hours, working_days, updated_at, updated_by)
            VALUES (:scope, :q, :c, :f, :a, :p, :s, :w, :at, :by)
            ON CONFLICT (scope) DO UPDATE SET quality_percent = excluded.quality_percent,
              csat_percent = excluded.csat_percent, fcr_percent = excluded.fcr_percent,
              aht_minutes = excluded.aht_minutes, production_per_day = excluded.production_per_day,
              shift_hours = excluded.shift_hours, working_days = excluded.working_days,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .bind("scope", scope)
        .bind("q", t.qualityPercent())
        .bind("c", t.csatPercent())
        .bind("f", t.fcrPercent())
        .bind("a", t.ahtMinutes())
        .bind("p", t.productionPerDay())
        .bind("s", t.shiftHours())
        .bind("w", Json.write(t.workingDays()))
        .bind("at", now.toEpochMilli())
        .bind("by", userId)
        .execute();
  }

  private static Targets targets(java.sql.ResultSet rs) throws java.sql.SQLException {
    List<DayOfWeek> days =
        Json.read(
            rs.getString("working_days"),
            new com.fasterxml.jackson.core.type.TypeReference<List<DayOfWeek>>() {});
    return new Targets(
        rs.getDouble("quality_percent"),
        rs.getDouble("csat_percent"),
        rs.getDouble("fcr_percent"),
        rs.getDouble("aht_minutes"),
        rs.getDouble("production_per_day"),
        rs.getDouble("shift_hours"),
        days);
  }
}
