package io.qccompanion.server.summaries;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.domain.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Stored KPI targets with the day each takes effect: per team, falling back to the organisation
 * default, then the SOP's ({@link Targets#DEFAULTS}). Every change is kept as history.
 */
final class KpiTargets {
  /** Scope key of the organisation default. */
  public static final String ORGANISATION = "*";

  private final Clock clock;

  public KpiTargets(Clock clock) {
    this.clock = clock;
  }

  /** One stored change: the targets of a scope from {@code effectiveFrom} on. */
  public record Change(
      LocalDate effectiveFrom, Targets targets, Instant updatedAt, String updatedBy) {}

  /** Today (UTC) on the injected clock. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The stored rows in effect today, keyed by scope ({@link #ORGANISATION} or a team id). */
  public Map<String, Targets> stored(Handle h) {
    return storedOn(h, today());
  }

  /** The stored rows in effect on {@code day}, keyed by scope. */
  public Map<String, Targets> storedOn(Handle h, LocalDate day) {
    Map<String, Targets> out = new LinkedHashMap<>();
    history(h)
        .forEach(
            (scope, changes) -> {
              Targets t = inEffect(changes, day);
              if (t != null) out.put(scope, t);
            });
    return out;
  }

  /** Every change per scope, oldest first. */
  public Map<String, List<Change>> history(Handle h) {
    Map<String, List<Change>> out = new LinkedHashMap<>();
    h.createQuery("SELECT * FROM kpi_target_history ORDER BY scope, effective_from")
        .map((rs, ctx) -> Map.entry(rs.getString("scope"), change(rs)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /** The changes of one scope, newest first. */
  public List<Change> history(Handle h, String scope) {
    List<Change> list = new ArrayList<>(history(h).getOrDefault(scope, List.of()));
    java.util.Collections.reverse(list);
    return list;
  }

  /** The organisation default in effect today. */
  public Targets organisation(Handle h) {
    return find(h, ORGANISATION).orElse(Targets.DEFAULTS);
  }

  /** The targets in effect today for {@code teamId} (null: the organisation's). */
  public Targets forTeam(Handle h, String teamId) {
    return resolver(stored(h)).of(teamId);
  }

  /** Looks up effective targets without further queries. */
  public static Resolver resolver(Map<String, Targets> stored) {
    Targets org = stored.getOrDefault(ORGANISATION, Targets.DEFAULTS);
    return teamId -> teamId == null ? org : stored.getOrDefault(teamId, org);
  }

  /** Looks up the targets in effect per team and day without further queries. */
  public DatedResolver datedResolver(Handle h) {
    Map<String, List<Change>> all = history(h);
    return (teamId, day) -> {
      Targets own = teamId == null ? null : inEffect(all.getOrDefault(teamId, List.of()), day);
      if (own != null) return own;
      Targets org = inEffect(all.getOrDefault(ORGANISATION, List.of()), day);
      return org == null ? Targets.DEFAULTS : org;
    };
  }

  /** Effective targets by team id (null or unknown: the organisation's). */
  @FunctionalInterface
  public interface Resolver {
    Targets of(String teamId);
  }

  /** Effective targets by team id and day. */
  @FunctionalInterface
  public interface DatedResolver {
    Targets on(String teamId, LocalDate day);
  }

  /** The targets a scope itself stores for today, if any. */
  Optional<Targets> find(Handle h, String scope) {
    return Optional.ofNullable(inEffect(history(h).getOrDefault(scope, List.of()), today()));
  }

  private static Targets inEffect(List<Change> oldestFirst, LocalDate day) {
    Targets found = null;
    for (Change c : oldestFirst) if (!c.effectiveFrom().isAfter(day)) found = c.targets();
    return found;
  }

  /** Stores the targets of {@code scope} from {@code effectiveFrom} on (replacing that day's). */
  public void put(
      Handle h, String scope, LocalDate effectiveFrom, Targets t, String userId, Instant now) {
    h.createUpdate(
            """
            INSERT INTO kpi_target_history (scope, effective_from, quality_percent, csat_percent,
              fcr_percent, aht_minutes, production_per_day, shift_hours, working_days, updated_at,
              updated_by)
            VALUES (:scope, :from, :q, :c, :f, :a, :p, :s, :w, :at, :by)
            ON CONFLICT (scope, effective_from) DO UPDATE SET
              quality_percent = excluded.quality_percent, csat_percent = excluded.csat_percent,
              fcr_percent = excluded.fcr_percent, aht_minutes = excluded.aht_minutes,
              production_per_day = excluded.production_per_day,
              shift_hours = excluded.shift_hours, working_days = excluded.working_days,
              updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .bind("scope", scope)
        .bind("from", effectiveFrom.toString())
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

  private static Change change(ResultSet rs) throws SQLException {
    List<DayOfWeek> days =
        Json.read(rs.getString("working_days"), new TypeReference<List<DayOfWeek>>() {});
    double production = rs.getDouble("production_per_day");
    Double productionPerDay = rs.wasNull() ? null : production;
    var t =
        new Targets(
            rs.getDouble("quality_percent"),
            rs.getDouble("csat_percent"),
            rs.getDouble("fcr_percent"),
            rs.getDouble("aht_minutes"),
            productionPerDay,
            rs.getDouble("shift_hours"),
            days);
    return new Change(
        LocalDate.parse(rs.getString("effective_from")),
        t,
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getString("updated_by"));
  }
}
