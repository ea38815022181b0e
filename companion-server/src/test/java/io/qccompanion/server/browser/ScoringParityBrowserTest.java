package io.qccompanion.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.microsoft.playwright.Page;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.ScoreResult;
import io.qccompanion.server.scoring.ScoringEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The panel's live score (scoring.js) must agree with the server's ScoringEngine. */
@Tag("browser")
class ScoringParityBrowserTest {
  private static final String DEFINITION =
      """
      {"name": "Parity", "description": "", "passMark": 85, "sections": [
        {"name": "A", "criteria": [
          {"id": "greet", "name": "Greet", "scale": "BINARY", "weight": 1, "critical": true,
           "naAllowed": false, "compliance": false, "points": [], "rootCauses": []},
          {"id": "accuracy", "name": "Accuracy", "scale": "ONE_TO_FIVE", "weight": 3, "critical": true,
           "naAllowed": true, "compliance": false, "points": [], "rootCauses": []}]},
        {"name": "B", "criteria": [
          {"id": "process", "name": "Process", "scale": "POINTS", "weight": 2, "critical": false,
           "naAllowed": false, "compliance": false, "points": [0, 3, 7, 10], "rootCauses": []},
          {"id": "tone", "name": "Tone", "scale": "ONE_TO_FIVE", "weight": 0.5, "critical": false,
           "naAllowed": true, "compliance": false, "points": [], "rootCauses": []}]}]}""";

  @Test
  void liveScoreInTheBrowserMatchesTheServerOnGeneratedAnswers() {
    ScorecardDefinition def = Json.read(DEFINITION, ScorecardDefinition.class);
    var engine = new ScoringEngine();
    var random = new Random(42);
    List<Map<String, Answer>> cases = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      var answers = new LinkedHashMap<String, Answer>();
      answers.put("greet", value(random.nextDouble() < 0.9 ? 1 : 0));
      answers.put("accuracy", random.nextInt(6) == 0 ? na() : value(1 + random.nextInt(5)));
      answers.put("process", value(List.of(0, 3, 7, 10).get(random.nextInt(4))));
      answers.put("tone", random.nextInt(4) == 0 ? na() : value(1 + random.nextInt(5)));
      cases.add(answers);
    }
    try (BrowserFixture fx = new BrowserFixture()) {
      Page page = fx.anonymous();
      page.navigate(fx.url("/login"));
      page.addScriptTag(new Page.AddScriptTagOptions().setUrl(fx.url("/assets/scoring.js")));
      String browser =
          (String)
              page.evaluate(
                  "([def, cases]) => JSON.stringify(cases.map(a => Scoring.score(def, a)))",
                  List.of(
                      Json.read(DEFINITION, Map.class), Json.read(Json.write(cases), List.class)));
      List<Map<String, Object>> js = Json.read(browser, new TypeReference<>() {});
      for (int i = 0; i < cases.size(); i++) {
        ScoreResult server = engine.score(def, cases.get(i));
        Map<String, Object> live = js.get(i);
        String which = "case " + i + " " + Json.write(cases.get(i));
        assertThat(live.get("score") == null ? null : ((Number) live.get("score")).doubleValue())
            .as(which)
            .isEqualTo(server.score());
        assertThat(live.get("passed")).as(which).isEqualTo(server.passed());
        assertThat(live.get("criticalFail")).as(which).isEqualTo(server.criticalFail());
      }
    }
  }

  private static Answer value(double v) {
    return new Answer(v, false, List.of(), null);
  }

  private static Answer na() {
    return new Answer(null, true, List.of(), null);
  }
}
