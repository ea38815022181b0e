package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.WriteResult;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteBackTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  final Fixtures fixtures = new Fixtures();

  static SimulatedJira start(String flavor) {
    return SimulatedJira.start(
        SimulatedJira.defaults()
            .seed(3)
            .flavor(flavor)
            .issueCount(60)
            .now(NOW)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  static FeedbackNote note(String key, int revision, boolean passed) {
    return FeedbackNote.builder()
        .idempotencyKey("qc-ev42-r" + revision)
        .ticketExternalId(key)
        .ticketKey(key)
        .evaluationId("ev42")
        .revision(revision)
        .scorecardName("Support scorecard v3")
        .scorePercent(passed ? 95.0 : 62.5)
        .passed(passed)
        .failedCriteria(
            passed
                ? List.of()
                : List.of(
                    FeedbackNote.FailedCriterion.builder()
                        .section("Resolution")
                        .criterion("Verified the fix with the customer")
                        .rootCauses(List.of("Process not followed"))
                        .comment("Closed without confirmation")
                        .build()))
        .overallComment("Friendly tone, but the fix was not verified.")
        .coachingNote("Ask the customer to confirm before closing.")
        .qcName("Dana QC")
        .evaluationUrl("https://qc.example.com/evaluations/ev42")
        .build();
  }

  @Test
  void writesOneRestrictedAdfCommentLabelsAndAKeyOnlyProperty() throws Exception {
    try (SimulatedJira jira = start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(0);

      WriteResult result = sink.publish(note(key, 1, false));

      assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.WRITTEN);
      assertThat(jira.internalCommentsOf(key))
          .singleElement()
          .asString()
          .contains("QC grade: 62.5% - FAIL")
          .contains(
              "Resolution > Verified the fix with the customer - root cause: Process not followed")
          .contains("Coaching: Ask the customer to confirm before closing.")
          .contains("QC: Dana QC")
          .contains("[QC ref qc-ev42-r1]");
      assertThat(jira.labelsOf(key)).contains("qc-graded", "qc-fail");
      assertThat(jira.propertyOf(key, "qc-companion").toString())
          .contains("qc-ev42-r1")
          .doesNotContain("customer")
          .doesNotContain("62.5");
    }
  }

  @Test
  void publishingTheSameRevisionAgainWritesNothingNew() throws Exception {
    try (SimulatedJira jira = start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(0);
      sink.publish(note(key, 1, false));

      WriteResult again = sink.publish(note(key, 1, false));

      assertThat(again.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(jira.commentsOf(key)).hasSize(1);
    }
  }

  @Test
  void writesExactlyOneCommentWhenTheConnectionDropsAfterJiraAppliedIt() throws Exception {
    try (SimulatedJira jira = start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(1);
      jira.faults().dropAfterApplyNext(1, "POST");

      ConnectorException unknown =
          catchThrowableOfType(ConnectorException.class, () -> sink.publish(note(key, 1, false)));
      assertThat(unknown.retryable()).isTrue();
      assertThat(unknown).hasMessageContaining("Outcome unknown");

      assertThat(sink.find(note(key, 1, false)))
          .hasValueSatisfying(
              r -> assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT));
      WriteResult retry = sink.publish(note(key, 1, false));

      assertThat(retry.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(jira.commentsOf(key)).hasSize(1);
      assertThat(jira.labelsOf(key)).contains("qc-graded", "qc-fail");
    }
  }

  @Test
  void fallsBackToLabelsWhenTheWorkflowForbidsCommentsInDone() throws Exception {
    try (SimulatedJira jira = start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(2);
      jira.faults().forbidCommentsOnDone(true);

      WriteResult result = sink.publish(note(key, 1, false));

      assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.FELL_BACK);
      assertThat(result.detail()).contains("refused a comment on " + key + " (403");
      assertThat(jira.commentsOf(key)).isEmpty();
      assertThat(jira.labelsOf(key)).contains("qc-graded", "qc-fail");
      assertThat(sink.find(note(key, 1, false)))
          .hasValueSatisfying(
              r -> assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.FELL_BACK));
    }
  }

  @Test
  void anAmendedPassingRevisionAddsANoteAndRemovesTheFailLabel() throws Exception {
    try (SimulatedJira jira = start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(3);
      sink.publish(note(key, 1, false));

      sink.publish(note(key, 2, true));

      assertThat(jira.commentsOf(key)).hasSize(2);
      assertThat(jira.labelsOf(key)).contains("qc-graded").doesNotContain("qc-fail");
    }
  }

  @Test
  void jsmWritesAnInternalNoteNotVisibleToTheCustomer() throws Exception {
    try (SimulatedJira jira = start("jsm");
        JiraSink sink =
            fixtures.provider.openSink(
                Fixtures.sim(jira, Map.of("flavor", "jsm")), Clock.systemUTC())) {
      String key = jira.doneKeys("HELP").get(0);

      WriteResult result = sink.publish(note(key, 1, false));

      assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.WRITTEN);
      assertThat(jira.internalCommentsOf(key))
          .singleElement()
          .asString()
          .contains("QC grade: 62.5%");
      assertThat(jira.commentsOf(key)).hasSize(1);
    }
  }

  @Test
  void dataCenterWritesAPlainTextCommentWithVisibility() throws Exception {
    try (SimulatedJira jira = start("dc");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(0);

      WriteResult result = sink.publish(note(key, 1, false));
      WriteResult again = sink.publish(note(key, 1, false));

      assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.WRITTEN);
      assertThat(again.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(jira.internalCommentsOf(key))
          .singleElement()
          .asString()
          .contains("Open the evaluation in QC Companion: https://qc.example.com/evaluations/ev42");
    }
  }
}
