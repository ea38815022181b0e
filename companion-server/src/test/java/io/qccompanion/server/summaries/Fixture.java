package io.qccompanion.server.summaries;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Rows inserted straight into the V1/V2 tables: teams, agents, QCs, tickets, evaluations, answers
 * and sampling decisions, with the values the tests' expectations are computed from by hand.
 */
final class Fixture {
  private final Handle h;

  Fixture(Handle h) {
    this.h = h;
  }

  static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  Fixture team(String id) {
    h.execute("INSERT INTO teams (id, name, created_at) VALUES (?, ?, 0)", id, "Team " + id);
    return this;
  }

  Fixture agent(String id, String team) {
    h.execute(
        "INSERT INTO agents (id, name, team_id, active, started_at, created_at)"
            + " VALUES (?, ?, ?, 1, 0, 0)",
        id,
        "Agent " + id,
        team);
    return this;
  }

  Fixture qc(String id) {
    h.execute(
        "INSERT INTO users (id, email, name, role, created_at) VALUES (?, ?, ?, 'QC', 0)",
        id,
        id + "@fixture.test",
        "QC " + id);
    return this;
  }

  Fixture connection(String id, String host) {
    h.execute(
        "INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,"
            + " closed_statuses, options, start_from, interval_seconds, attribution, status,"
            + " created_at, updated_at) VALUES (?, ?, ?, 'https://x', 'token', 'x', '[]', '{}', 0,"
            + " 300, 'ASSIGNEE', 'ACTIVE', 0, 0)",
        id,
        "conn " + id,
        host);
    return this;
  }

  Fixture scorecard() {
    h.execute(
        "INSERT INTO scorecards (id, name, draft, created_at, updated_at)"
            + " VALUES ('sc', 'Default', '{}', 0, 0)");
    h.execute(
        "INSERT INTO scorecard_versions (id, scorecard_id, version, definition, published_at)"
            + " VALUES ('scv', 'sc', 1, '{}', 0)");
    return this;
  }

  /** A solved ticket; {@code handleSeconds} may be null; csat GOOD, BAD or UNOFFERED. */
  Fixture ticket(
      String id,
      String connection,
      String host,
      String agent,
      String team,
      String solvedAt,
      int reopens,
      Integer handleSeconds,
      String csat) {
    long solved = at(solvedAt);
    h.execute(
        "INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, status, agent_id,"
            + " team_id, created_at, updated_at, solved_at, reopen_count, handle_time_seconds,"
            + " csat_rating, payload, ingested_at) VALUES (?, ?, ?, ?, ?, 'closed', ?, ?, ?, ?, ?, ?,"
            + " ?, ?, '{}', ?)",
        id,
        connection,
        host,
        id,
        "KEY-" + id,
        agent,
        team,
        solved,
        solved,
        solved,
        reopens,
        handleSeconds,
        csat,
        solved);
    return this;
  }

  Fixture ticketAgent(String ticket, String agent) {
    h.execute("INSERT INTO ticket_agents (ticket_id, agent_id) VALUES (?, ?)", ticket, agent);
    return this;
  }

  /** An evaluation; {@code submittedAt} null for drafts. */
  Fixture evaluation(
      String id,
      String ticket,
      String agent,
      String team,
      String qc,
      String kind,
      String status,
      double score,
      boolean passed,
      boolean critical,
      String submittedAt) {
    Long submitted = submittedAt == null ? null : at(submittedAt);
    h.execute(
        "INSERT INTO evaluations (id, ticket_id, agent_id, team_id, scorecard_version_id, qc_id,"
            + " kind, status, score, passed, critical_fail, answers, created_at, updated_at,"
            + " submitted_at) VALUES (?, ?, ?, ?, 'scv', ?, ?, ?, ?, ?, ?, '[]', 0, 0, ?)",
        id,
        ticket,
        agent,
        team,
        qc,
        kind,
        status,
        score,
        passed ? 1 : 0,
        critical ? 1 : 0,
        submitted);
    return this;
  }

  Fixture answer(
      String evaluation,
      String criterion,
      boolean notApplicable,
      boolean failed,
      String rootCauses) {
    h.execute(
        "INSERT INTO evaluation_answers (evaluation_id, criterion_id, section, criterion, points,"
            + " max_points, not_applicable, failed, critical, root_causes)"
            + " VALUES (?, ?, 'Main', ?, ?, 1, ?, ?, 0, ?)",
        evaluation,
        criterion,
        criterion.substring(0, 1).toUpperCase() + criterion.substring(1),
        failed ? 0.0 : 1.0,
        notApplicable ? 1 : 0,
        failed ? 1 : 0,
        rootCauses);
    return this;
  }

  Fixture decision(
      String id,
      String ticket,
      String agent,
      String team,
      boolean selected,
      String reasons,
      String decidedAt) {
    h.execute(
        "INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, reasons,"
            + " status, week_start, decided_at) VALUES (?, ?, ?, ?, ?, ?, 'DONE', 0, ?)",
        id,
        ticket,
        agent,
        team,
        selected ? 1 : 0,
        reasons,
        at(decidedAt));
    return this;
  }

  /**
   * The shared scenario: week of 2026-10-19 (current) and 2026-10-12 (previous); teams T1 (agents
   * A1, A2) and T2 (A3). Expected values are worked out in SummariesApiTest.
   */
  static void standard(Handle h, QualityAggregates aggregates) {
    var f = new Fixture(h);
    f.team("T1").team("T2").agent("A1", "T1").agent("A2", "T1").agent("A3", "T2");
    f.qc("Q1").qc("Q2").qc("Q3").connection("CZ", "zendesk").connection("CJ", "jira").scorecard();
    f.ticket("t1", "CZ", "zendesk", "A1", "T1", "2026-10-19T10:00:00Z", 0, 300, "GOOD");
    f.ticket("t2", "CZ", "zendesk", "A1", "T1", "2026-10-20T10:00:00Z", 1, 600, "BAD");
    f.ticket("t3", "CZ", "zendesk", "A1", "T1", "2026-10-21T10:00:00Z", 0, 180, "UNOFFERED");
    f.ticket("t4", "CZ", "zendesk", "A2", "T1", "2026-10-22T10:00:00Z", 0, 420, "GOOD");
    f.ticket("t5", "CJ", "jira", "A3", "T2", "2026-10-23T10:00:00Z", 0, 900, "GOOD");
    f.ticket("t6", "CZ", "zendesk", "A2", "T1", "2026-10-24T10:00:00Z", 2, null, "GOOD");
    f.ticket("t7", "CJ", "jira", "A3", "T2", "2026-10-25T10:00:00Z", 0, 120, "UNOFFERED");
    f.ticket("p1", "CZ", "zendesk", "A1", "T1", "2026-10-13T10:00:00Z", 0, 240, "GOOD");
    f.ticket("p2", "CZ", "zendesk", "A1", "T1", "2026-10-14T10:00:00Z", 0, 360, "GOOD");
    f.evaluation(
        "e1",
        "t1",
        "A1",
        "T1",
        "Q1",
        "REGULAR",
        "SUBMITTED",
        100,
        true,
        false,
        "2026-10-19T11:00:00Z");
    f.evaluation(
        "e2",
        "t2",
        "A1",
        "T1",
        "Q1",
        "REGULAR",
        "DISPUTED",
        80,
        false,
        false,
        "2026-10-20T11:00:00Z");
    f.evaluation(
        "e3", "t3", "A1", "T1", "Q2", "REGULAR", "AMENDED", 0, false, true, "2026-10-21T11:00:00Z");
    f.evaluation(
        "e4", "t4", "A2", "T1", "Q2", "REGULAR", "UPHELD", 95, true, false, "2026-10-22T11:00:00Z");
    f.evaluation(
        "e5",
        "t5",
        "A3",
        "T2",
        "Q1",
        "REGULAR",
        "SUBMITTED",
        70,
        false,
        false,
        "2026-10-23T11:00:00Z");
    f.evaluation("e6", "t6", "A2", "T1", "Q1", "REGULAR", "DRAFT", 50, false, false, null);
    f.evaluation(
        "c1",
        "t7",
        "A3",
        "T2",
        "Q1",
        "CALIBRATION",
        "SUBMITTED",
        90,
        true,
        false,
        "2026-10-25T11:00:00Z");
    f.evaluation(
        "c2",
        "t7",
        "A3",
        "T2",
        "Q2",
        "CALIBRATION",
        "SUBMITTED",
        80,
        false,
        false,
        "2026-10-25T11:00:00Z");
    f.evaluation(
        "c3",
        "t7",
        "A3",
        "T2",
        "Q3",
        "CALIBRATION",
        "SUBMITTED",
        100,
        true,
        false,
        "2026-10-25T11:00:00Z");
    f.evaluation(
        "pe1",
        "p1",
        "A1",
        "T1",
        "Q1",
        "REGULAR",
        "SUBMITTED",
        90,
        true,
        false,
        "2026-10-13T11:00:00Z");
    f.evaluation(
        "pe2",
        "p2",
        "A1",
        "T1",
        "Q1",
        "REGULAR",
        "SUBMITTED",
        70,
        false,
        false,
        "2026-10-14T11:00:00Z");
    f.answer("e1", "greeting", false, false, "[]").answer("e1", "accuracy", false, false, "[]");
    f.answer("e2", "greeting", false, true, "[\"KNOWLEDGE\"]")
        .answer("e2", "accuracy", false, false, "[]");
    f.answer("e2", "tone", true, false, "[]");
    f.answer("e3", "greeting", false, true, "[\"PROCESS\"]");
    f.answer("e3", "accuracy", false, true, "[\"KNOWLEDGE\", \"PROCESS\"]");
    f.answer("e4", "greeting", false, false, "[]")
        .answer("e4", "accuracy", false, true, "[\"TOOLING\"]");
    f.answer("e5", "greeting", false, true, "[\"KNOWLEDGE\"]")
        .answer("e5", "accuracy", false, false, "[]");
    f.answer("e6", "greeting", false, true, "[\"TOOLING\"]");
    f.answer("c1", "accuracy", false, true, "[\"TOOLING\"]");
    f.decision("d1", "t1", "A1", "T1", true, "[\"RANDOM\"]", "2026-10-19T10:05:00Z");
    f.decision(
        "d2", "t2", "A1", "T1", true, "[\"TRIGGER:bad_csat\", \"RANDOM\"]", "2026-10-20T10:05:00Z");
    f.decision("d3", "t3", "A1", "T1", false, "[\"RANDOM\"]", "2026-10-21T10:05:00Z");
    for (String e :
        new String[] {"e1", "e2", "e3", "e4", "e5", "e6", "c1", "c2", "c3", "pe1", "pe2"})
      aggregates.apply(h, e);
  }
}
