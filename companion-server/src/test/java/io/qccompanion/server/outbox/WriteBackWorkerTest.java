package io.qccompanion.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBackWorkerTest {
  static WriteBackFixture setup;
  static TestApp app;
  static Api qc;

  FakeSink sink;
  SimpleMeterRegistry meters;
  List<String> rejected;
  String evaluationId;

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
  void submitAnEvaluation() {
    sink = new FakeSink();
    meters = new SimpleMeterRegistry();
    rejected = new CopyOnWriteArrayList<>();
    String ticket = setup.ticket();
    var created = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
    evaluationId = created.json().get("id").asText();
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + evaluationId + "/submit",
            Map.of(
                "answers",
                TicketFixture.answersWithAccuracyFailed(),
                "coachingNote",
                "Check the KB first",
                "overallComment",
                "Kind but wrong"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
  }

  @AfterEach
  void settleLeftovers() {
    app.c().db().run(h -> h.execute("UPDATE outbox SET status = 'DONE' WHERE status = 'PENDING'"));
  }

  private WriteBackWorker worker(int maxAttempts) {
    return setup.worker(
        sink, Duration.ofMinutes(2), maxAttempts, (id, detail) -> rejected.add(id), meters);
  }

  private Map<String, Object> row() {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT * FROM outbox WHERE evaluation_id = ?")
                    .bind(0, evaluationId)
                    .mapToMap()
                    .one());
  }

  private static long number(Object o) {
    return ((Number) o).longValue();
  }

  @Test
  void publishesTheNoteAndRecordsTheOutcome() {
    assertThat(worker(10).runOnce()).isEqualTo(1);
    assertThat(sink.published).hasSize(1);
    FeedbackNote note = sink.published.get(0);
    assertThat(note.idempotencyKey()).isEqualTo("qc-" + evaluationId + "-r1");
    assertThat(note.evaluationUrl())
        .isEqualTo("https://qc.example.test/evaluations/" + evaluationId);
    assertThat(note.scorePercent()).isEqualTo(50.0);
    assertThat(note.passed()).isFalse();
    assertThat(note.coachingNote()).isEqualTo("Check the KB first");
    assertThat(note.overallComment()).isEqualTo("Kind but wrong");
    assertThat(note.qcName()).isNotBlank();
    assertThat(note.failedCriteria())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.criterion()).isEqualTo("accuracy");
              assertThat(f.rootCauses()).containsExactly("kb");
              assertThat(f.comment()).isEqualTo("wrong macro");
            });
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("DONE");
    assertThat(row.get("outcome")).isEqualTo("WRITTEN");
    assertThat(row.get("host_reference")).isEqualTo("c-qc-" + evaluationId + "-r1");
    assertThat(number(row.get("attempts"))).isEqualTo(1);
    assertThat(meters.counter("qc.outbox.written").count()).isEqualTo(1);
    var writeBack = qc.get("/api/v1/evaluations/" + evaluationId).json().get("writeBack");
    assertThat(writeBack.get("status").asText()).isEqualTo("DONE");
    assertThat(writeBack.get("outcome").asText()).isEqualTo("WRITTEN");
  }

  @Test
  void waitsWhileTheConnectionIsPausedAndWritesAfterResume() {
    setConnectionStatus("PAUSED");
    try {
      assertThat(worker(10).runOnce()).isZero();
      assertThat(sink.published).isEmpty();
    } finally {
      setConnectionStatus("ACTIVE");
    }
    assertThat(worker(10).runOnce()).isEqualTo(1);
    assertThat(sink.published).hasSize(1);
  }

  private void setConnectionStatus(String status) {
    app.c()
        .db()
        .run(
            h ->
                h.createUpdate("UPDATE connections SET status = ? WHERE id = ?")
                    .bind(0, status)
                    .bind(1, setup.connection())
                    .execute());
  }

  @Test
  void retriesATransientFailureNoSoonerThanRetryAfter() {
    sink.failNext(
        ConnectorException.transientFailure(429, Duration.ofSeconds(120), "rate limited", null));
    var worker = worker(10);
    long before = app.clock().millis();
    assertThat(worker.runOnce()).isEqualTo(1);
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(number(row.get("attempts"))).isEqualTo(1);
    assertThat(number(row.get("outcome_unknown"))).isZero();
    assertThat(number(row.get("next_attempt_at"))).isGreaterThanOrEqualTo(before + 120_000);
    app.clock().advance(Duration.ofSeconds(100));
    assertThat(worker.runOnce()).isZero();
    app.clock().advance(Duration.ofSeconds(21));
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(row().get("status")).isEqualTo("DONE");
    assertThat(sink.looked).isEmpty();
    assertThat(sink.onHost).hasSize(1);
  }

  @Test
  void afterAnUnknownOutcomeLooksForTheNoteBeforePublishingAgain() {
    sink.applyThenFail(
        ConnectorException.transientFailure(0, null, "read timed out", new IOException("timeout")));
    var worker = worker(10);
    worker.runOnce();
    assertThat(number(row().get("outcome_unknown"))).isEqualTo(1);
    app.clock().advance(Duration.ofMinutes(5));
    assertThat(worker.runOnce()).isEqualTo(1);
    assertThat(sink.looked).hasSize(1);
    assertThat(sink.published).hasSize(1);
    assertThat(sink.onHost).hasSize(1);
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("DONE");
    assertThat(row.get("outcome")).isEqualTo("ALREADY_PRESENT");
  }

  @Test
  void fiveHundredAfterSendingAlsoCountsAsUnknown() {
    sink.failNext(ConnectorException.transientFailure(503, null, "unavailable", null));
    var worker = worker(10);
    worker.runOnce();
    app.clock().advance(Duration.ofMinutes(5));
    worker.runOnce();
    assertThat(sink.looked).hasSize(1);
    assertThat(sink.published).hasSize(2);
    assertThat(sink.onHost).hasSize(1);
    assertThat(row().get("outcome")).isEqualTo("WRITTEN");
  }

  @Test
  void rejectedCredentialsKeepTheRowPendingUncountedAndReportTheConnection() {
    sink.failNext(ConnectorException.credentials(401, "token revoked"));
    worker(10).runOnce();
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(number(row.get("attempts"))).isZero();
    assertThat(row.get("lease_owner")).isNull();
    assertThat(rejected).containsExactly(setup.connection());
  }

  @Test
  void permanentFailureMarksTheRowFailed() {
    sink.failNext(ConnectorException.permanent(404, "ticket 42 no longer exists"));
    worker(10).runOnce();
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(row.get("detail")).isEqualTo("ticket 42 no longer exists");
    assertThat(meters.counter("qc.outbox.failed").count()).isEqualTo(1);
    var writeBack = qc.get("/api/v1/evaluations/" + evaluationId).json().get("writeBack");
    assertThat(writeBack.get("status").asText()).isEqualTo("FAILED");
    assertThat(writeBack.get("detail").asText()).contains("no longer exists");
  }

  @Test
  void givesUpAfterMaxAttempts() {
    sink.failNext(ConnectorException.transientFailure(429, null, "busy", null));
    sink.failNext(ConnectorException.transientFailure(429, null, "busy", null));
    var worker = worker(2);
    worker.runOnce();
    app.clock().advance(Duration.ofHours(2));
    worker.runOnce();
    Map<String, Object> row = row();
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(number(row.get("attempts"))).isEqualTo(2);
    assertThat((String) row.get("detail")).startsWith("gave up after 2 attempts");
  }

  @Test
  void fellBackOutcomeIsCounted() {
    sink.ticketClosed = true;
    worker(10).runOnce();
    assertThat(row().get("outcome")).isEqualTo("FELL_BACK");
    assertThat(row().get("detail")).isEqualTo("ticket closed: tags only");
    assertThat(meters.counter("qc.outbox.fell_back").count()).isEqualTo(1);
  }

  @Test
  void leaseKeepsASecondWorkerOffARowBeingPublished() throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    sink.beforePublish =
        () -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    var first = worker(10);
    var second = worker(10);
    var thread = new Thread(first::runOnce);
    thread.start();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(second.runOnce()).isZero();
    release.countDown();
    thread.join(10_000);
    assertThat(sink.published).hasSize(1);
    assertThat(row().get("status")).isEqualTo("DONE");
  }

  @Test
  void pendingGaugeCountsQueuedRows() {
    worker(10);
    assertThat(meters.get("qc.outbox.pending").gauge().value()).isEqualTo(1.0);
  }
}
