package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every KPI against values worked out by hand from {@link Fixture#standard}. Week of 2026-10-19:
 * counted evaluations e1..e5 score 100, 80, 0, 95, 70 (e6 is a draft, c1..c3 calibrations); tickets
 * t1..t7 solved, handle times 300, 600, 180, 420, 900, none, 120 seconds.
 */
class SummariesApiTest {
  static final String WEEK = "from=2026-10-19&to=2026-10-25";
  static TestApp app;
  static Api admin;
  static Api agentA1;
  static Api managerT1;
  static Api managerT2;
  static Api qc;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    app.c().db().run(h -> Fixture.standard(h, app.c().summaries().aggregates()));
    admin = app.as(Role.ADMIN);
    agentA1 = app.as(Role.AGENT, "A1", List.of());
    managerT1 = app.as(Role.MANAGER, null, List.of("T1"));
    managerT2 = app.as(Role.MANAGER, null, List.of("T2"));
    qc = app.as(Role.QC);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode ok(Api api, String path) {
    var answer = api.get(path);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  static Map<String, JsonNode> rowsByKey(JsonNode summary) {
    Map<String, JsonNode> rows = new HashMap<>();
    summary.get("rows").forEach(r -> rows.put(r.get("groupKey").asText(), r));
    return rows;
  }

  @Test
  void qualityCountsOnlySubmittedRegularEvaluations() {
    JsonNode total = ok(admin, "/api/v1/summaries?" + WEEK).get("total");
    assertThat(total.get("evaluations").asLong()).isEqualTo(5);
    // (100 + 80 + 0 + 95 + 70) / 5
    assertThat(total.at("/qualityPercent/value").asDouble()).isEqualTo(69.0);
    assertThat(total.get("passRatePercent").asDouble()).isEqualTo(40.0);
    assertThat(total.get("criticalFails").asLong()).isEqualTo(1);
    assertThat(total.get("scoreDistribution").toString())
        .isEqualTo("{\"0-50\":1,\"50-70\":0,\"70-80\":1,\"80-90\":1,\"90-100\":2}");
  }

  @Test
  void calibrationEvaluationsNeverCountInKpis() {
    Map<String, JsonNode> byQc = rowsByKey(ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=qc"));
    assertThat(byQc).doesNotContainKey("Q3");
    // Q1 graded e1 (100), e2 (80) and e5 (70) as REGULAR; its calibration c1 does not count.
    assertThat(byQc.get("Q1").get("evaluations").asLong()).isEqualTo(3);
    assertThat(byQc.get("Q1").at("/qualityPercent/value").asDouble()).isEqualTo(83.33);
    assertThat(byQc.get("Q1").has("ticketsClosed")).isFalse();
  }

  @Test
  void ticketKpisUseSolvedTicketsWithExplicitUnits() {
    JsonNode total = ok(admin, "/api/v1/summaries?" + WEEK).get("total");
    assertThat(total.get("ticketsClosed").asLong()).isEqualTo(7);
    // good 4 of rated 5 (t3, t7 unrated)
    assertThat(total.at("/csatPercent/value").asDouble()).isEqualTo(80.0);
    assertThat(total.get("csatRated").asLong()).isEqualTo(5);
    // no reopen: t1, t3, t4, t5, t7 = 5 of 7
    assertThat(total.at("/fcrPercent/value").asDouble()).isEqualTo(71.43);
    // 2520 s over 6 tickets = 420 s = 7 min; sorted 120 180 300 420 600 900: rank 3 and 6
    assertThat(total.at("/ahtMinutesMean/value").asDouble()).isEqualTo(7.0);
    assertThat(total.get("ahtMinutesP50").asDouble()).isEqualTo(5.0);
    assertThat(total.get("ahtMinutesP90").asDouble()).isEqualTo(15.0);
    // t1..t5 have a counted evaluation; t6 only a draft, t7 only calibrations
    assertThat(total.get("coveragePercent").asDouble()).isEqualTo(71.43);
  }

  @Test
  void agentByWeekReadsTheAggregateWithPerAgentKpis() {
    JsonNode s = ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=agent&bucket=week");
    assertThat(s.get("qualitySource").asText()).isEqualTo("aggregate");
    Map<String, JsonNode> rows = rowsByKey(s);
    assertThat(rows).containsOnlyKeys("A1", "A2", "A3");
    JsonNode a1 = rows.get("A1");
    assertThat(a1.get("groupLabel").asText()).isEqualTo("Agent A1");
    assertThat(a1.get("bucketStart").asText()).isEqualTo("2026-10-19");
    assertThat(a1.at("/qualityPercent/value").asDouble()).isEqualTo(60.0);
    assertThat(a1.get("passRatePercent").asDouble()).isEqualTo(33.33);
    assertThat(a1.get("criticalFails").asLong()).isEqualTo(1);
    assertThat(a1.at("/csatPercent/value").asDouble()).isEqualTo(50.0);
    assertThat(a1.at("/fcrPercent/value").asDouble()).isEqualTo(66.67);
    // (300 + 600 + 180) / 3 s = 6 min: on a "<= 6 min" target
    assertThat(a1.at("/ahtMinutesMean/value").asDouble()).isEqualTo(6.0);
    assertThat(a1.at("/ahtMinutesMean/onTarget").asBoolean()).isTrue();
    assertThat(a1.get("ahtMinutesP50").asDouble()).isEqualTo(5.0);
    assertThat(a1.get("ahtMinutesP90").asDouble()).isEqualTo(10.0);
    assertThat(a1.get("coveragePercent").asDouble()).isEqualTo(100.0);
    JsonNode a3 = rows.get("A3");
    assertThat(a3.at("/ahtMinutesMean/value").asDouble()).isEqualTo(8.5);
    assertThat(a3.get("ahtMinutesP50").asDouble()).isEqualTo(2.0);
    assertThat(a3.get("ahtMinutesP90").asDouble()).isEqualTo(15.0);
    assertThat(a3.get("coveragePercent").asDouble()).isEqualTo(50.0);
  }

  @Test
  void customRangeComputesFromScratchWithDailyBuckets() {
    JsonNode s =
        ok(admin, "/api/v1/summaries?from=2026-10-19&to=2026-10-21&groupBy=team&bucket=day");
    assertThat(s.get("qualitySource").asText()).isEqualTo("evaluations");
    assertThat(s.get("rows")).hasSize(3);
    assertThat(s.get("rows").get(2).get("bucketStart").asText()).isEqualTo("2026-10-21");
    assertThat(s.get("rows").get(2).at("/qualityPercent/value").asDouble()).isEqualTo(0.0);
    assertThat(s.at("/previousPeriod/from").asText()).isEqualTo("2026-10-16");
  }

  @Test
  void trendsCompareWithThePreviousPeriodOfEqualLength() {
    JsonNode s = ok(admin, "/api/v1/summaries?" + WEEK);
    assertThat(s.at("/previousPeriod/from").asText()).isEqualTo("2026-10-12");
    JsonNode total = s.get("total");
    // previous week: pe1 90, pe2 70; p1, p2 good, no reopens, 240 s and 360 s
    assertThat(total.at("/qualityPercent/previous").asDouble()).isEqualTo(80.0);
    assertThat(total.at("/qualityPercent/delta").asDouble()).isEqualTo(-11.0);
    assertThat(total.at("/csatPercent/delta").asDouble()).isEqualTo(-20.0);
    assertThat(total.at("/fcrPercent/delta").asDouble()).isEqualTo(-28.57);
    assertThat(total.at("/ahtMinutesMean/previous").asDouble()).isEqualTo(5.0);
    assertThat(total.at("/ahtMinutesMean/delta").asDouble()).isEqualTo(2.0);
    JsonNode a1 = rowsByKey(ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=agent")).get("A1");
    assertThat(a1.at("/qualityPercent/delta").asDouble()).isEqualTo(-20.0);
  }

  @Test
  void rootCausesAndFailingCriteriaAreRanked() {
    JsonNode s = ok(admin, "/api/v1/summaries?" + WEEK);
    JsonNode criteria = s.get("topFailingCriteria");
    assertThat(criteria).hasSize(2);
    assertThat(criteria.get(0).get("criterionId").asText()).isEqualTo("greeting");
    assertThat(criteria.get(0).get("failed").asLong()).isEqualTo(3);
    assertThat(criteria.get(0).get("answered").asLong()).isEqualTo(5);
    assertThat(criteria.get(0).get("failRatePercent").asDouble()).isEqualTo(60.0);
    assertThat(criteria.get(1).get("criterionId").asText()).isEqualTo("accuracy");
    assertThat(criteria.get(1).get("failed").asLong()).isEqualTo(2);
    JsonNode causes = s.get("rootCauses");
    assertThat(causes.toString())
        .isEqualTo(
            "[{\"rootCause\":\"KNOWLEDGE\",\"count\":3,\"sharePercent\":50.0},"
                + "{\"rootCause\":\"PROCESS\",\"count\":2,\"sharePercent\":33.33},"
                + "{\"rootCause\":\"TOOLING\",\"count\":1,\"sharePercent\":16.67}]");
    JsonNode rca = ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=rootCause").get("rows");
    assertThat(rca.get(0).get("groupKey").asText()).isEqualTo("KNOWLEDGE");
    assertThat(rca.get(0).get("failed").asLong()).isEqualTo(3);
    JsonNode byCriterion =
        ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=criterion").get("rows");
    assertThat(byCriterion.get(0).get("groupKey").asText()).isEqualTo("greeting");
    assertThat(byCriterion.get(0).get("failRatePercent").asDouble()).isEqualTo(60.0);
  }

  @Test
  void disputeRateAndOutcomes() {
    JsonNode d = ok(admin, "/api/v1/summaries?" + WEEK).get("disputes");
    assertThat(d.toString())
        .isEqualTo(
            "{\"evaluations\":5,\"disputed\":3,\"disputeRatePercent\":60.0,\"open\":1,"
                + "\"amended\":1,\"upheld\":1}");
  }

  @Test
  void calibrationVarianceComparesEachQcWithTheTicketMean() {
    JsonNode cal = ok(admin, "/api/v1/summaries?" + WEEK).get("calibration");
    Map<String, JsonNode> byQc = new HashMap<>();
    cal.forEach(c -> byQc.put(c.get("qcId").asText(), c));
    // t7: 90, 80, 100 -> mean 90
    assertThat(byQc.get("Q1").get("meanDeviation").asDouble()).isEqualTo(0.0);
    assertThat(byQc.get("Q2").get("meanDeviation").asDouble()).isEqualTo(-10.0);
    assertThat(byQc.get("Q3").get("meanAbsoluteDeviation").asDouble()).isEqualTo(10.0);
    assertThat(byQc.get("Q2").get("calibrations").asLong()).isEqualTo(1);
    assertThat(ok(admin, "/api/v1/summaries?from=2026-10-12&to=2026-10-18").get("calibration"))
        .isEmpty();
  }

  @Test
  void samplingCountsSelectedTicketsByReason() {
    JsonNode s = ok(admin, "/api/v1/summaries?" + WEEK).get("sampling");
    assertThat(s.get("decided").asLong()).isEqualTo(3);
    assertThat(s.get("selected").asLong()).isEqualTo(2);
    assertThat(s.at("/byReason/RANDOM").asLong()).isEqualTo(2);
    assertThat(s.at("/byReason/TRIGGER:bad_csat").asLong()).isEqualTo(1);
  }

  @Test
  void offTargetKpisAreFlaggedAgainstTheTeamsTargets() {
    JsonNode total = ok(admin, "/api/v1/summaries?" + WEEK).get("total");
    assertThat(total.at("/qualityPercent/target").asDouble()).isEqualTo(90.0);
    assertThat(total.at("/qualityPercent/comparator").asText()).isEqualTo(">=");
    assertThat(total.at("/ahtMinutesMean/comparator").asText()).isEqualTo("<=");
    assertThat(total.get("offTarget").toString())
        .isEqualTo("[\"qualityPercent\",\"csatPercent\",\"fcrPercent\",\"ahtMinutesMean\"]");

    var put = managerT1.put("/api/v1/targets/T1", Map.of("qualityPercent", 60, "csatPercent", 50));
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    Map<String, JsonNode> rows =
        rowsByKey(ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=agent&bucket=week"));
    assertThat(rows.get("A1").at("/qualityPercent/target").asDouble()).isEqualTo(60.0);
    assertThat(rows.get("A1").at("/qualityPercent/onTarget").asBoolean()).isTrue();
    assertThat(rows.get("A1").get("offTarget").toString()).isEqualTo("[\"fcrPercent\"]");
    assertThat(rows.get("A3").at("/qualityPercent/target").asDouble()).isEqualTo(90.0);
    assertThat(rows.get("A3").at("/qualityPercent/onTarget").asBoolean()).isFalse();
    JsonNode t1 = ok(admin, "/api/v1/targets/T1");
    assertThat(t1.at("/targets/csatPercent").asDouble()).isEqualTo(50.0);
    assertThat(t1.at("/targets/fcrPercent").asDouble()).isEqualTo(75.0);
    assertThat(t1.get("inherited").asBoolean()).isFalse();
  }

  @Test
  void targetsAreValidatedAndScoped() {
    assertThat(managerT2.put("/api/v1/targets/T1", Map.of("qualityPercent", 80)).status())
        .isEqualTo(403);
    assertThat(managerT2.put("/api/v1/targets/default", Map.of("qualityPercent", 80)).status())
        .isEqualTo(403);
    assertThat(qc.put("/api/v1/targets/T2", Map.of("qualityPercent", 80)).status()).isEqualTo(403);
    var bad = admin.put("/api/v1/targets/T2", Map.of("qualityPercent", 120));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/qualityPercent");
    var day = admin.put("/api/v1/targets/T2", Map.of("workingDays", List.of("FUNDAY")));
    assertThat(day.json().get("field").asText()).isEqualTo("/workingDays/0");
    assertThat(admin.put("/api/v1/targets/nope", Map.of()).status()).isEqualTo(404);
    JsonNode org = ok(admin, "/api/v1/targets/default").get("targets");
    assertThat(org.get("qualityPercent").asDouble()).isEqualTo(90.0);
    assertThat(org.get("csatPercent").asDouble()).isEqualTo(85.0);
    assertThat(org.get("fcrPercent").asDouble()).isEqualTo(75.0);
    assertThat(org.get("ahtMinutes").asDouble()).isEqualTo(6.0);
  }

  @Test
  void hostFilterKeepsOneHostsTickets() {
    JsonNode total = ok(admin, "/api/v1/summaries?" + WEEK + "&host=jira").get("total");
    assertThat(total.get("evaluations").asLong()).isEqualTo(1);
    assertThat(total.get("ticketsClosed").asLong()).isEqualTo(2);
    Map<String, JsonNode> byHost =
        rowsByKey(ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=host"));
    assertThat(byHost.get("zendesk").get("evaluations").asLong()).isEqualTo(4);
  }

  @Test
  void agentSeesOnlyTheirOwnSummary() {
    JsonNode own = ok(agentA1, "/api/v1/summaries?" + WEEK);
    assertThat(own.at("/total/evaluations").asLong()).isEqualTo(3);
    assertThat(own.at("/total/ticketsClosed").asLong()).isEqualTo(3);
    assertThat(own.get("calibration")).isEmpty();
    assertThat(agentA1.get("/api/v1/summaries?" + WEEK + "&agentId=A2").status()).isEqualTo(403);
    assertThat(agentA1.get("/api/v1/summaries?" + WEEK + "&teamId=T2").status()).isEqualTo(403);
    JsonNode rows = ok(agentA1, "/api/v1/summaries/evaluations?" + WEEK).get("items");
    assertThat(rows).hasSize(3);
    rows.forEach(r -> assertThat(r.get("agentId").asText()).isEqualTo("A1"));
  }

  @Test
  void managerSeesOnlyTheirTeams() {
    JsonNode s = ok(managerT2, "/api/v1/summaries?" + WEEK + "&groupBy=agent");
    assertThat(rowsByKey(s)).containsOnlyKeys("A3");
    assertThat(s.at("/total/evaluations").asLong()).isEqualTo(1);
    assertThat(managerT2.get("/api/v1/summaries?" + WEEK + "&teamId=T1").status()).isEqualTo(403);
    assertThat(managerT2.get("/api/v1/summaries?" + WEEK + "&agentId=A1").status()).isEqualTo(403);
    assertThat(ok(qc, "/api/v1/summaries?" + WEEK).at("/total/evaluations").asLong()).isEqualTo(5);
  }

  @Test
  void evaluationRowsAreKeysetPaginated() {
    JsonNode first = ok(admin, "/api/v1/summaries/evaluations?" + WEEK + "&limit=2");
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("id").asText()).isEqualTo("e1");
    String cursor = first.get("nextCursor").asText();
    JsonNode second =
        ok(admin, "/api/v1/summaries/evaluations?" + WEEK + "&limit=2&cursor=" + cursor);
    assertThat(second.get("items").get(0).get("id").asText()).isEqualTo("e3");
    JsonNode third =
        ok(
            admin,
            "/api/v1/summaries/evaluations?"
                + WEEK
                + "&limit=2&cursor="
                + second.get("nextCursor").asText());
    assertThat(third.get("items")).hasSize(1);
    assertThat(third.has("nextCursor")).isFalse();
  }

  @Test
  void badParametersNameTheField() {
    var groupBy = admin.get("/api/v1/summaries?" + WEEK + "&groupBy=planet");
    assertThat(groupBy.status()).isEqualTo(400);
    assertThat(groupBy.json().get("field").asText()).isEqualTo("groupBy");
    var reversed = admin.get("/api/v1/summaries?from=2026-10-25&to=2026-10-19");
    assertThat(reversed.json().get("field").asText()).isEqualTo("to");
    var date = admin.get("/api/v1/summaries?from=yesterday&to=2026-10-19");
    assertThat(date.json().get("field").asText()).isEqualTo("from");
    assertThat(admin.get("/api/v1/summaries?" + WEEK + "&format=xml").status()).isEqualTo(400);
  }
}
