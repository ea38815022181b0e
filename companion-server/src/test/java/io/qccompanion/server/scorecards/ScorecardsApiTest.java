package io.qccompanion.server.scorecards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorecardsApiTest {
  static TestApp app;
  static Api admin;
  static Api qc;
  static Api agent;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
    agent = app.as(Role.AGENT);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Map<String, Object> criterion(String id, String scale, double weight) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", id);
    c.put("name", "Criterion " + id);
    c.put("guidance", "what good looks like");
    c.put("scale", scale);
    c.put("weight", weight);
    return c;
  }

  static Map<String, Object> draft(List<Map<String, Object>> sections) {
    Map<String, Object> d = new HashMap<>();
    d.put("name", "Email QA");
    d.put("sections", sections);
    return d;
  }

  static Map<String, Object> section(String name, Map<String, Object>... criteria) {
    return Map.of("name", name, "criteria", List.of(criteria));
  }

  static Map<String, Object> validDraft() {
    return draft(
        List.of(
            section("Opening", criterion("greeting", "BINARY", 1)),
            section("Resolution", criterion("accuracy", "ONE_TO_FIVE", 3))));
  }

  private static String fieldOf(Map<String, Object> body) {
    var answer = admin.post("/api/v1/scorecards", body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    return answer.json().get("field").asText();
  }

  @Test
  void publishedVersionsNeverChange() {
    var created = admin.post("/api/v1/scorecards", validDraft());
    assertThat(created.status()).isEqualTo(201);
    JsonNode card = created.json();
    assertThat(card.get("passMark").asDouble()).isEqualTo(90.0);
    String id = card.get("id").asText();

    var v1 = admin.post("/api/v1/scorecards/" + id + "/publish", "");
    assertThat(v1.status()).isEqualTo(201);
    assertThat(v1.json().get("version").asInt()).isEqualTo(1);
    String v1Id = v1.json().get("id").asText();
    String v1Definition =
        admin.get("/api/v1/scorecard-versions/" + v1Id).json().get("definition").toString();

    var changed = validDraft();
    changed.put("name", "Email QA 2027");
    changed.put("passMark", 85);
    assertThat(admin.put("/api/v1/scorecards/" + id, changed).status()).isEqualTo(200);
    assertThat(admin.get("/api/v1/scorecard-versions/" + v1Id).json().get("definition").toString())
        .isEqualTo(v1Definition);

    var v2 = admin.post("/api/v1/scorecards/" + id + "/publish", "");
    assertThat(v2.json().get("version").asInt()).isEqualTo(2);
    assertThat(v2.json().get("definition").get("passMark").asDouble()).isEqualTo(85.0);
    assertThat(admin.get("/api/v1/scorecard-versions/" + v1Id).json().get("definition").toString())
        .isEqualTo(v1Definition);
    JsonNode versions = qc.get("/api/v1/scorecards/" + id).json().get("versions");
    assertThat(versions).hasSize(2);
    int audited =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM audit_events WHERE entity_id = ? AND action LIKE 'scorecard.%'")
                        .bind(0, id)
                        .mapTo(Integer.class)
                        .one());
    assertThat(audited).isEqualTo(4);
  }

  @Test
  void weightMustBePositive() {
    var d = validDraft();
    ((Map<String, Object>)
            ((List<?>) ((Map<?, ?>) ((List<?>) d.get("sections")).get(1)).get("criteria")).get(0))
        .put("weight", 0);
    assertThat(fieldOf(d)).isEqualTo("/sections/1/criteria/0/weight");
  }

  @Test
  void duplicateCriterionIdsAreRejected() {
    var d =
        draft(
            List.of(
                section("A", criterion("greeting", "BINARY", 1)),
                section("B", criterion("greeting", "BINARY", 1))));
    assertThat(fieldOf(d)).isEqualTo("/sections/1/criteria/0/id");
  }

  @Test
  void emptySectionsAreRejected() {
    var d = draft(List.of(Map.of("name", "Empty", "criteria", List.of())));
    assertThat(fieldOf(d)).isEqualTo("/sections/0/criteria");
    assertThat(fieldOf(draft(List.of()))).isEqualTo("/sections");
  }

  @Test
  void pointsScaleNeedsValues() {
    var c = criterion("steps", "POINTS", 1);
    assertThat(fieldOf(draft(List.of(section("A", c))))).isEqualTo("/sections/0/criteria/0/points");
    c.put("points", List.of(0, 5, 5));
    assertThat(fieldOf(draft(List.of(section("A", c))))).isEqualTo("/sections/0/criteria/0/points");
  }

  @Test
  void criticalCriterionMustBeAbleToFail() {
    var c = criterion("id-check", "POINTS", 1);
    c.put("points", List.of(10));
    c.put("critical", true);
    assertThat(fieldOf(draft(List.of(section("A", c)))))
        .isEqualTo("/sections/0/criteria/0/critical");
  }

  @Test
  void badScaleAndUnknownFieldsNameTheField() {
    var c = criterion("a", "STARS", 1);
    assertThat(fieldOf(draft(List.of(section("A", c))))).isEqualTo("/sections/0/criteria/0/scale");
    var d = validDraft();
    d.put("colour", "red");
    assertThat(fieldOf(d)).isEqualTo("/colour");
    var bad = validDraft();
    bad.put("passMark", 120);
    assertThat(fieldOf(bad)).isEqualTo("/passMark");
    var slug = draft(List.of(section("A", criterion("Has Spaces", "BINARY", 1))));
    assertThat(fieldOf(slug)).isEqualTo("/sections/0/criteria/0/id");
    var team = validDraft();
    team.put("teamId", "nope");
    assertThat(fieldOf(team)).isEqualTo("/teamId");
  }

  @Test
  void onlyAdminsWriteAndAgentsCannotList() {
    assertThat(qc.post("/api/v1/scorecards", validDraft()).status()).isEqualTo(403);
    assertThat(qc.get("/api/v1/scorecards").status()).isEqualTo(200);
    assertThat(agent.get("/api/v1/scorecards").status()).isEqualTo(403);
  }

  @Test
  void archivedScorecardsAreFrozenAndHiddenFromTheList() {
    String id = admin.post("/api/v1/scorecards", validDraft()).json().get("id").asText();
    assertThat(admin.post("/api/v1/scorecards/" + id + "/archive", "").status()).isEqualTo(200);
    assertThat(admin.put("/api/v1/scorecards/" + id, validDraft()).status()).isEqualTo(409);
    assertThat(admin.post("/api/v1/scorecards/" + id + "/publish", "").status()).isEqualTo(409);
    assertThat(ids(admin.get("/api/v1/scorecards").json())).doesNotContain(id);
    assertThat(ids(admin.get("/api/v1/scorecards?includeArchived=true").json())).contains(id);
  }

  @Test
  void unknownScorecardIs404() {
    assertThat(admin.post("/api/v1/scorecards/nope/publish", "").status()).isEqualTo(404);
    assertThat(qc.get("/api/v1/scorecard-versions/nope").status()).isEqualTo(404);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
