package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.WriteResult;
import io.qccompanion.simulators.Faults;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Drives the sink step by step like the outbox worker (retry a failed step, telling it when the
 * outcome is unknown) under every fault the simulated Jira injects, and counts what landed.
 */
class ExactlyOnceTest {
  final Fixtures fixtures = new Fixtures();

  record Fault(String name, Consumer<Faults> inject) {}

  static final List<Fault> FAULTS =
      List.of(
          new Fault("none", f -> {}),
          new Fault(
              "5xx after the comment was applied", f -> f.serverErrorAfterApplyNext(1, "POST")),
          new Fault("connection dropped after apply", f -> f.dropAfterApplyNext(1, "POST")),
          new Fault("503 before apply", f -> f.serverErrorNext(1)),
          new Fault("labels edit answers 503 six times", f -> f.serverErrorAfterApplyNext(0)),
          new Fault("429 with a short Retry-After", f -> f.rateLimitNext(1, Duration.ofSeconds(1))),
          new Fault("malformed answer", f -> f.malformedNext(1)));

  /** Runs the steps with up to 8 attempts each, as the worker does across polls. */
  static Map<String, WriteResult> drive(FeedbackSink sink, FeedbackNote note, Runnable beforeStep2)
      throws ConnectorException {
    Map<String, WriteResult> done = new LinkedHashMap<>();
    for (String step : sink.steps()) {
      if (!done.isEmpty()) beforeStep2.run();
      boolean unknown = false;
      for (int attempt = 1; ; attempt++) {
        try {
          done.put(step, sink.writeStep(step, note, unknown, done));
          break;
        } catch (ConnectorException e) {
          if (!e.retryable() || attempt == 8) throw e;
          unknown = unknown || e.isOutcomeUnknown();
        }
      }
    }
    return done;
  }

  @Test
  void everyEvaluationLandsExactlyOnceUnderEveryFault() throws Exception {
    try (SimulatedJira jira = WriteBackTest.start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      List<String> keys = jira.doneKeys("SUP");
      int rounds = Math.min(keys.size(), FAULTS.size() * 3);
      List<String> report = new ArrayList<>();
      int duplicates = 0;
      int missing = 0;
      int unlabelled = 0;
      for (int i = 0; i < rounds; i++) {
        Fault fault = FAULTS.get(i % FAULTS.size());
        String key = keys.get(i);
        FeedbackNote note = WriteBackTest.note(key, 1, false);
        jira.faults().reset();
        fault.inject().accept(jira.faults());
        Runnable beforeFields =
            fault.name().startsWith("labels")
                ? () -> jira.faults().reset().serverErrorNext(6)
                : () -> {};
        drive(sink, note, beforeFields);
        long copies =
            jira.commentsOf(key).stream().filter(c -> c.contains("[QC ref qc-ev42-r1]")).count();
        if (copies > 1) duplicates++;
        if (copies == 0) missing++;
        if (!jira.labelsOf(key).containsAll(List.of("qc-graded", "qc-fail"))) unlabelled++;
        report.add(fault.name() + ": " + copies + " note(s)");
      }
      System.out.printf(
          "Jira exactly-once: %d write-backs under %d fault kinds: %d duplicate, %d missing,"
              + " %d without labels%n",
          rounds, FAULTS.size(), duplicates, missing, unlabelled);
      assertThat(duplicates).as(report.toString()).isZero();
      assertThat(missing).as(report.toString()).isZero();
      assertThat(unlabelled).as(report.toString()).isZero();
      assertThat(SpecValidation.violations).isEmpty();
    }
  }

  @Test
  void aTimeoutAfterJiraAppliedTheCommentIsNotResentBlind() throws Exception {
    try (SimulatedJira jira = WriteBackTest.start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(
                Fixtures.sim(jira, Map.of("http.timeoutSeconds", "1")), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(0);
      FeedbackNote note = WriteBackTest.note(key, 1, false);
      jira.faults().delay(Duration.ofMillis(2500));
      ConnectorException timeout = null;
      try {
        sink.writeStep(JiraFeedbackSink.COMMENT, note, false, Map.of());
      } catch (ConnectorException e) {
        timeout = e;
      }
      assertThat(timeout).isNotNull();
      assertThat(timeout.isOutcomeUnknown()).isTrue();
      Thread.sleep(2000); // Jira finishes applying after the client gave up
      jira.faults().reset();

      WriteResult retry = sink.writeStep(JiraFeedbackSink.COMMENT, note, true, Map.of());

      assertThat(retry.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(jira.commentsOf(key)).hasSize(1);
    }
  }

  @Test
  void aRetryAfterLongerThanTheCapIsHandedBackNotWaited() throws Exception {
    try (SimulatedJira jira = WriteBackTest.start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String key = jira.doneKeys("SUP").get(0);
      jira.faults().rateLimitNext(1, Duration.ofSeconds(600), "concurrent-requests");
      ConnectorException limited = null;
      try {
        sink.writeStep(
            JiraFeedbackSink.COMMENT, WriteBackTest.note(key, 1, false), false, Map.of());
      } catch (ConnectorException e) {
        limited = e;
      }
      assertThat(limited).isNotNull();
      assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(600));
      assertThat(fixtures.sleeps).noneMatch(d -> d.toSeconds() >= 600);
      assertThat(jira.commentsOf(key)).isEmpty();
    }
  }

  @Test
  void writeBackCostsTwoRequestsWhenNothingGoesWrong() throws Exception {
    try (SimulatedJira jira = WriteBackTest.start("cloud");
        JiraSink sink =
            fixtures.provider.openSink(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      List<String> keys = jira.doneKeys("SUP").subList(0, 10);
      long before = sink.requestCount();
      for (String key : keys) drive(sink, WriteBackTest.note(key, 1, false), () -> {});
      double perEvaluation = (sink.requestCount() - before) / (double) keys.size();
      System.out.printf("Jira write-back: %.1f requests per evaluation%n", perEvaluation);
      assertThat(perEvaluation).isEqualTo(2.0);
      for (String key : keys) {
        assertThat(jira.commentsOf(key)).hasSize(1);
        assertThat(jira.propertyOf(key, "qc-companion").toString()).contains("qc-ev42-r1");
      }
    }
  }
}
