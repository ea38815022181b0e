package io.qccompanion.server.summaries;

import static io.qccompanion.server.summaries.SummariesApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the dashboard asks of the summaries API: teams by name, presets, ranking, drill-down. */
class DashboardApiTest {
  static final String WEEK = SummariesApiTest.WEEK;
  static TestApp app;
  static Api admin;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    app.c().db().run(h -> Fixture.standard(h, app.c().summaries().aggregates()));
    admin = app.as(Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aTeamIsPickedByNameAndAnUnknownTeamIsAnErrorNotAnEmptySummary() {
    JsonNode byId = ok(admin, "/api/v1/summaries?" + WEEK + "&teamId=T1").get("total");
    JsonNode byName = ok(admin, "/api/v1/summaries?" + WEEK + "&teamId=team%20t1").get("total");
    assertThat(byName.get("evaluations").asLong()).isEqualTo(byId.get("evaluations").asLong());
    var unknown = admin.get("/api/v1/summaries?" + WEEK + "&teamId=Billing");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("teamId");
  }

  @Test
  void theLeagueTableIsRankedByQuality() {
    JsonNode rows =
        ok(admin, "/api/v1/summaries?" + WEEK + "&groupBy=agent&sort=quality").get("rows");
    List<Double> quality = new ArrayList<>();
    rows.forEach(r -> quality.add(r.at("/qualityPercent/value").asDouble()));
    assertThat(quality).hasSizeGreaterThan(1).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(admin.get("/api/v1/summaries?" + WEEK + "&sort=name").status()).isEqualTo(400);
  }

  @Test
  void thePartialCurrentWeekIsMarkedSoTrendsLeaveItOut() {
    // the test clock stands on Monday 2 November 2026
    JsonNode s = ok(admin, "/api/v1/summaries?from=2026-10-19&to=2026-11-08&bucket=week");
    assertThat(s.get("partial").asBoolean()).isTrue();
    assertThat(s.get("partialBuckets").toString()).isEqualTo("[\"2026-11-02\"]");
    assertThat(ok(admin, "/api/v1/summaries?" + WEEK).get("partial").asBoolean()).isFalse();
    JsonNode four = ok(admin, "/api/v1/summaries?period=4weeks").get("period");
    assertThat(four.get("from").asText()).isEqualTo("2026-10-12");
    assertThat(four.get("to").asText()).isEqualTo("2026-11-08");
    assertThat(ok(admin, "/api/v1/summaries?period=quarter").at("/period/from").asText())
        .isEqualTo("2026-10-01");
  }

  @Test
  void drillDownListsTheEvaluationsOfAnAgentOrARootCauseWithNames() {
    JsonNode a1 = ok(admin, "/api/v1/summaries/evaluations?" + WEEK + "&agentId=A1").get("items");
    assertThat(a1).isNotEmpty();
    a1.forEach(
        r -> {
          assertThat(r.get("agentId").asText()).isEqualTo("A1");
          assertThat(r.get("agentName").asText()).isEqualTo("Agent A1");
        });
    String cause =
        ok(admin, "/api/v1/summaries?" + WEEK).get("rootCauses").get(0).get("rootCause").asText();
    JsonNode byCause =
        ok(admin, "/api/v1/summaries/evaluations?" + WEEK + "&rootCause=" + cause).get("items");
    assertThat(byCause).isNotEmpty();
    JsonNode all = ok(admin, "/api/v1/summaries/evaluations?" + WEEK).get("items");
    assertThat(byCause.size()).isLessThan(all.size());
    assertThat(ok(admin, "/api/v1/summaries/evaluations?" + WEEK + "&rootCause=NOPE").get("items"))
        .isEmpty();
  }
}
