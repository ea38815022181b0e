package io.qccompanion.server.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scorecards.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {
  private final ScoringEngine engine = new ScoringEngine();

  static Criterion binary(String id, double weight) {
    return new Criterion(id, id, null, Scale.BINARY, null, weight, false, false, false, List.of());
  }

  static Criterion withNa(Criterion c) {
    return new Criterion(
        c.id(),
        c.name(),
        null,
        c.scale(),
        c.points(),
        c.weight(),
        true,
        c.critical(),
        c.compliance(),
        c.rootCauses());
  }

  static Criterion critical(Criterion c) {
    return new Criterion(
        c.id(),
        c.name(),
        null,
        c.scale(),
        c.points(),
        c.weight(),
        c.naAllowed(),
        true,
        c.compliance(),
        c.rootCauses());
  }

  static Criterion fiveScale(String id, double weight) {
    return new Criterion(
        id, id, null, Scale.ONE_TO_FIVE, null, weight, false, false, false, List.of());
  }

  static Criterion points(String id, double weight, Double... values) {
    return new Criterion(
        id, id, null, Scale.POINTS, List.of(values), weight, false, false, false, List.of());
  }

  static ScorecardDefinition card(double passMark, Criterion... criteria) {
    return new ScorecardDefinition(
        "QA", null, passMark, List.of(new Section("Main", List.of(criteria))));
  }

  static Answer value(double v) {
    return new Answer(v, null, null, null);
  }

  static Answer na() {
    return new Answer(null, true, null, null);
  }

  static Map<String, Answer> answers(Object... pairs) {
    Map<String, Answer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Answer) pairs[i + 1]);
    return m;
  }

  private String fieldOf(Runnable call) {
    try {
      call.run();
    } catch (Invalid p) {
      assertThat(p.wellFormed()).as("a 400, not a 422").isFalse();
      return p.field();
    }
    throw new AssertionError("expected a 400");
  }

  @Test
  void weightsScaleEachCriterionsShare() {
    var def = card(90, binary("a", 3), binary("b", 1));
    var r = engine.score(def, answers("a", value(1), "b", value(0)));
    assertThat(r.score()).isEqualTo(75.0);
    assertThat(r.passed()).isFalse();
    assertThat(r.failed()).extracting(CriterionResult::criterionId).containsExactly("b");
  }

  @Test
  void allYesScoresHundredAndPasses() {
    var r =
        engine.score(
            card(90, binary("a", 1), binary("b", 2)), answers("a", value(1), "b", value(1)));
    assertThat(r.score()).isEqualTo(100.0);
    assertThat(r.passed()).isTrue();
    assertThat(r.failed()).isEmpty();
  }

  @Test
  void notApplicableLeavesTheDenominator() {
    var def = card(90, binary("a", 1), withNa(binary("b", 5)), binary("c", 1));
    var r = engine.score(def, answers("a", value(1), "b", na(), "c", value(0)));
    assertThat(r.score()).isEqualTo(50.0);
    assertThat(r.criteria().get(1).notApplicable()).isTrue();
    assertThat(r.criteria().get(1).points()).isNull();
  }

  @Test
  void allNotApplicableIsNotScorable() {
    var def = card(90, withNa(binary("a", 1)), withNa(fiveScale("b", 1)));
    var r = engine.score(def, answers("a", na(), "b", na()));
    assertThat(r.score()).isNull();
    assertThat(r.passed()).isNull();
    assertThat(r.criticalFail()).isFalse();
  }

  @Test
  void notApplicableWhereNotAllowedNamesTheAnswer() {
    var def = card(90, binary("a", 1));
    assertThat(fieldOf(() -> engine.score(def, answers("a", na()))))
        .isEqualTo("/answers/a/notApplicable");
  }

  @Test
  void failedCriticalBinaryZeroesTheScore() {
    var def = card(50, critical(binary("safety", 1)), binary("b", 9));
    var r = engine.score(def, answers("safety", value(0), "b", value(1)));
    assertThat(r.score()).isEqualTo(0.0);
    assertThat(r.criticalFail()).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(r.complianceFlag()).isTrue();
  }

  @Test
  void criticalOnOneToFiveFailsAtTwoOrLess() {
    var def = card(50, critical(fiveScale("tone", 1)), binary("b", 1));
    var atThree = engine.score(def, answers("tone", value(3), "b", value(1)));
    assertThat(atThree.criticalFail()).isFalse();
    assertThat(atThree.score()).isEqualTo(75.0);
    assertThat(atThree.failed()).extracting(CriterionResult::criterionId).containsExactly("tone");
    var atTwo = engine.score(def, answers("tone", value(2), "b", value(1)));
    assertThat(atTwo.criticalFail()).isTrue();
    assertThat(atTwo.score()).isEqualTo(0.0);
  }

  @Test
  void criticalPointsFailBelowFullMarks() {
    var def = card(50, critical(points("id", 1, 0.0, 5.0, 10.0)));
    assertThat(engine.score(def, answers("id", value(5))).criticalFail()).isTrue();
    assertThat(engine.score(def, answers("id", value(10))).criticalFail()).isFalse();
  }

  @Test
  void notApplicableCriticalDoesNotFail() {
    var def = card(90, withNa(critical(binary("a", 1))), binary("b", 1));
    var r = engine.score(def, answers("a", na(), "b", value(1)));
    assertThat(r.criticalFail()).isFalse();
    assertThat(r.score()).isEqualTo(100.0);
  }

  @Test
  void complianceCriterionFlagsWithoutZeroing() {
    var gdpr =
        new Criterion("gdpr", "GDPR", null, Scale.BINARY, null, 1.0, false, false, true, List.of());
    var r = engine.score(card(0, gdpr, binary("b", 1)), answers("gdpr", value(0), "b", value(1)));
    assertThat(r.complianceFlag()).isTrue();
    assertThat(r.criticalFail()).isFalse();
    assertThat(r.score()).isEqualTo(50.0);
  }

  @Test
  void oneToFiveEarnsQuartersOfFullMarks() {
    var def = card(90, fiveScale("a", 1));
    assertThat(engine.score(def, answers("a", value(1))).score()).isEqualTo(0.0);
    assertThat(engine.score(def, answers("a", value(2))).score()).isEqualTo(25.0);
    assertThat(engine.score(def, answers("a", value(4))).score()).isEqualTo(75.0);
    assertThat(engine.score(def, answers("a", value(5))).score()).isEqualTo(100.0);
  }

  @Test
  void oneToFiveRejectsFractionsAndOutOfRange() {
    var def = card(90, fiveScale("a", 1));
    assertThat(fieldOf(() -> engine.score(def, answers("a", value(0)))))
        .isEqualTo("/answers/a/value");
    assertThat(fieldOf(() -> engine.score(def, answers("a", value(6)))))
        .isEqualTo("/answers/a/value");
    assertThat(fieldOf(() -> engine.score(def, answers("a", value(2.5)))))
        .isEqualTo("/answers/a/value");
  }

  @Test
  void pointsScaleUsesHighestValueAsFullMarks() {
    var def = card(90, points("p", 1, 0.0, 5.0, 10.0), binary("b", 1));
    var r = engine.score(def, answers("p", value(5), "b", value(1)));
    assertThat(r.score()).isEqualTo(75.0);
    assertThat(r.criteria().get(0).maxPoints()).isEqualTo(10.0);
    assertThat(r.criteria().get(0).points()).isEqualTo(5.0);
  }

  @Test
  void pointsOutsideTheAllowedListAreRejected() {
    var def = card(90, points("p", 1, 0.0, 5.0, 10.0));
    assertThat(fieldOf(() -> engine.score(def, answers("p", value(7)))))
        .isEqualTo("/answers/p/value");
  }

  @Test
  void binaryAcceptsOnlyZeroOrOne() {
    var def = card(90, binary("a", 1));
    assertThat(fieldOf(() -> engine.score(def, answers("a", value(2)))))
        .isEqualTo("/answers/a/value");
  }

  @Test
  void roundsHalfUpOnceAtTheEnd() {
    var def = card(90, points("p", 1, 0.0, 2.0, 3.0));
    assertThat(engine.score(def, answers("p", value(2))).score()).isEqualTo(66.7);
    var thirds = card(90, binary("a", 1), binary("b", 1), binary("c", 1));
    assertThat(engine.score(thirds, answers("a", value(1), "b", value(0), "c", value(0))).score())
        .isEqualTo(33.3);
  }

  @Test
  void rawScoreOf8995RoundsTo90AndPassesAPassMarkOf90() {
    var def = card(90, binary("a", 1799), binary("b", 201));
    var r = engine.score(def, answers("a", value(1), "b", value(0)));
    assertThat(r.score()).isEqualTo(90.0);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void rawScoreOf8994RoundsTo899AndFails() {
    var def = card(90, binary("a", 4497), binary("b", 503));
    var r = engine.score(def, answers("a", value(1), "b", value(0)));
    assertThat(r.score()).isEqualTo(89.9);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void scoreEqualToPassMarkPasses() {
    var def = card(75, binary("a", 3), binary("b", 1));
    assertThat(engine.score(def, answers("a", value(1), "b", value(0))).passed()).isTrue();
  }

  @Test
  void missingAnswerOnSubmitNamesTheCriterion() {
    var def = card(90, binary("a", 1), binary("b", 1));
    assertThat(fieldOf(() -> engine.score(def, answers("a", value(1))))).isEqualTo("/answers/b");
  }

  @Test
  void answerWithoutValueOnSubmitNamesTheValue() {
    var def = card(90, binary("a", 1));
    assertThat(fieldOf(() -> engine.score(def, answers("a", new Answer(null, false, null, null)))))
        .isEqualTo("/answers/a/value");
  }

  @Test
  void unknownCriterionIsRejected() {
    var def = card(90, binary("a", 1));
    assertThat(fieldOf(() -> engine.check(def, answers("zzz", value(1)))))
        .isEqualTo("/answers/zzz");
  }

  @Test
  void draftCheckAllowsMissingAnswersButNotBadValues() {
    var def = card(90, binary("a", 1), fiveScale("b", 1));
    engine.check(def, answers("a", value(1)));
    engine.check(def, answers("b", new Answer(null, null, null, "thinking")));
    assertThat(fieldOf(() -> engine.check(def, answers("b", value(9)))))
        .isEqualTo("/answers/b/value");
  }

  @Test
  void rootCausesMustBeOptionsOfTheCriterion() {
    var c =
        new Criterion(
            "a", "A", null, Scale.BINARY, null, 1.0, false, false, false, List.of("kb", "tone"));
    var def = card(90, c);
    var ok =
        engine.score(def, answers("a", new Answer(0.0, null, List.of("kb"), "missed article")));
    assertThat(ok.failed().get(0).rootCauses()).containsExactly("kb");
    assertThat(ok.failed().get(0).comment()).isEqualTo("missed article");
    assertThat(
            fieldOf(
                () ->
                    engine.score(
                        def, answers("a", new Answer(0.0, null, List.of("kb", "luck"), null)))))
        .isEqualTo("/answers/a/rootCauses/1");
  }

  @Test
  void rootCausesOnAPassedCriterionAreRejected() {
    var c =
        new Criterion("a", "A", null, Scale.BINARY, null, 1.0, false, false, false, List.of("kb"));
    assertThatThrownBy(
            () ->
                engine.score(card(90, c), answers("a", new Answer(1.0, null, List.of("kb"), null))))
        .isInstanceOfSatisfying(
            Invalid.class, p -> assertThat(p.field()).isEqualTo("/answers/a/rootCauses"));
  }

  @Test
  void naAnswerWithAValueIsRejected() {
    var def = card(90, withNa(binary("a", 1)));
    assertThat(fieldOf(() -> engine.score(def, answers("a", new Answer(1.0, true, null, null)))))
        .isEqualTo("/answers/a/value");
  }
}
