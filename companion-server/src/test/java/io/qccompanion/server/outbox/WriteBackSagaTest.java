package io.qccompanion.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.WriteResult;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Write-back as a saga of steps: resumes after a crash or failure, keeps its lease while busy. */
class WriteBackSagaTest {
  static WriteBackFixture setup;
  static TestApp app;
  static Api qc;

  TwoStepSink sink;
  String evaluationId;

  /** A host with a non-idempotent note step and an idempotent labels step. */
  static final class TwoStepSink implements FeedbackSink {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> notesOnHost = new CopyOnWriteArrayList<>();
    volatile Error crashInLabels;
    volatile ConnectorException failLabels;
    volatile ConnectorException applyNoteThenFail;
    volatile CountDownLatch inNote;
    volatile CountDownLatch releaseNote;

    @Override
    public List<String> steps() {
      return List.of("note", "labels");
    }

    @Override
    public WriteResult writeStep(
        String step, FeedbackNote note, boolean unknown, Map<String, WriteResult> done)
        throws ConnectorException {
      calls.add(step + (unknown ? "?" : ""));
      if (step.equals("note")) {
        if (unknown && notesOnHost.contains(note.idempotencyKey()))
          return new WriteResult(WriteResult.Outcome.ALREADY_PRESENT, "n1", "found");
        if (inNote != null) {
          inNote.countDown();
          await(releaseNote);
        }
        notesOnHost.add(note.idempotencyKey());
        ConnectorException e = applyNoteThenFail;
        applyNoteThenFail = null;
        if (e != null) throw e;
        return new WriteResult(WriteResult.Outcome.WRITTEN, "n1", "note added");
      }
      Error crash = crashInLabels;
      crashInLabels = null;
      if (crash != null) throw crash;
      ConnectorException e = failLabels;
      if (e != null) throw e;
      assertThat(done.get("note").hostReference()).isEqualTo("n1");
      return new WriteResult(WriteResult.Outcome.WRITTEN, null, "labels added");
    }

    @Override
    public WriteResult publish(FeedbackNote note) {
      throw new AssertionError("the worker writes step by step");
    }

    @Override
    public Optional<WriteResult> find(FeedbackNote note) {
      throw new AssertionError("the note step looks for itself");
    }

    private static void await(CountDownLatch latch) {
      try {
        latch.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @BeforeAll
  static void start() {
    setup = WriteBackFixture.start();
    app = setup.app();
    qc = setup.qc();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void submit() {
    app.c().db().run(h -> h.execute("UPDATE outbox SET status = 'DONE' WHERE status = 'PENDING'"));
    sink = new TwoStepSink();
    String ticket = setup.ticket();
    evaluationId =
        qc.post("/api/v1/evaluations", Map.of("ticketId", ticket)).json().get("id").asText();
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + evaluationId + "/submit",
            Map.of("answers", TicketFixture.answersWithAccuracyFailed()));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
  }

  private WriteBackWorker worker(Duration lease, int maxAttempts) {
    return setup.worker(sink, lease, maxAttempts, (id, detail) -> {}, new SimpleMeterRegistry());
  }

  private void later(Duration d) {
    app.clock().advance(d);
  }

  @Test
  void aCrashBetweenStepsResumesWithTheLabelsAndNeverRepeatsTheNote() {
    sink.crashInLabels = new Error("process killed between the steps");
    try (WriteBackWorker first = worker(Duration.ofMinutes(2), 10)) {
      assertThatThrownBy(first::runOnce).hasMessageContaining("process killed");
    }
    later(Duration.ofHours(2));
    try (WriteBackWorker second = worker(Duration.ofMinutes(2), 10)) {
      assertThat(second.runOnce()).isEqualTo(1);
    }

    // The expired lease marks the outcome unknown; the note step is done and is not repeated.
    assertThat(sink.calls).containsExactly("note", "labels", "labels?");
    assertThat(sink.notesOnHost).hasSize(1);
    var writeBack = qc.get("/api/v1/evaluations/" + evaluationId).json().get("writeBack");
    assertThat(writeBack.get("status").asText()).isEqualTo("DONE");
    assertThat(writeBack.get("outcome").asText()).isEqualTo("WRITTEN");
    assertThat(writeBack.get("steps").findValuesAsText("name")).containsExactly("note", "labels");
    assertThat(writeBack.get("detail").asText()).contains("note added").contains("labels added");
  }

  @Test
  void aFailureAfterTheNoteWasAppliedLooksBeforeWritingAgain() {
    sink.applyNoteThenFail =
        ConnectorException.outcomeUnknown(503, "Outcome unknown: 503 after apply", null);
    try (WriteBackWorker worker = worker(Duration.ofMinutes(2), 10)) {
      worker.runOnce();
      later(Duration.ofHours(2));
      assertThat(worker.runOnce()).isEqualTo(1);
    }
    assertThat(sink.calls).containsExactly("note", "note?", "labels");
    assertThat(sink.notesOnHost).hasSize(1);
  }

  @Test
  void aFailedStepIsShownWithWhyAndWhichStep() {
    sink.failLabels = ConnectorException.permanent(400, "Field 'labels' cannot be set");
    try (WriteBackWorker worker = worker(Duration.ofMinutes(2), 10)) {
      worker.runOnce();
    }
    var writeBack = qc.get("/api/v1/evaluations/" + evaluationId).json().get("writeBack");
    assertThat(writeBack.get("status").asText()).isEqualTo("FAILED");
    assertThat(writeBack.get("failedStep").asText()).isEqualTo("labels");
    assertThat(writeBack.get("detail").asText()).contains("cannot be set");
    assertThat(writeBack.get("steps").findValuesAsText("name")).containsExactly("note");
  }

  @Test
  void theLeaseIsRenewedWhileAStepWaitsSoNoOtherInstanceClaimsTheRow() throws Exception {
    sink.inNote = new CountDownLatch(1);
    sink.releaseNote = new CountDownLatch(1);
    Duration lease = Duration.ofMillis(600);
    try (WriteBackWorker slow = worker(lease, 10);
        WriteBackWorker other = worker(lease, 10)) {
      Thread busy = new Thread(slow::runOnce);
      busy.start();
      assertThat(sink.inNote.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 5; i++) {
        Thread.sleep(300);
        later(Duration.ofMillis(300)); // the lease would have run out twice without renewal
        assertThat(other.runOnce()).isZero();
      }
      sink.releaseNote.countDown();
      busy.join(10_000);
    }
    assertThat(sink.notesOnHost).hasSize(1);
    assertThat(sink.calls).containsExactly("note", "labels");
  }
}
