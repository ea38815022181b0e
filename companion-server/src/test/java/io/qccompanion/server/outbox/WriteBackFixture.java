package io.qccompanion.server.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;

/** What the write-back tests share: a team with an agent, a connection and a live scorecard. */
record WriteBackFixture(
    TestApp app, TicketFixture tickets, Api qc, String team, String agent, String connection) {

  static WriteBackFixture start() {
    TestApp app = TestApp.start();
    var fx = new TicketFixture(app.c());
    String team = fx.team("Support");
    String agent = fx.agent("Ana Lopez", team);
    String connection = fx.connection();
    fx.scorecard(team, true);
    return new WriteBackFixture(app, fx, app.as(Role.QC), team, agent, connection);
  }

  /** A new e-mail ticket of the agent. */
  String ticket() {
    return tickets.ticket(connection, agent, team, "email");
  }

  /** A worker writing to {@code sink} with 30 s to 1 h backoff and no wait between rows. */
  WriteBackWorker worker(
      FeedbackSink sink,
      Duration lease,
      int maxAttempts,
      ConnectionHealth health,
      MeterRegistry meters) {
    var policy =
        new WriteBackWorker.Policy(
            maxAttempts,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            lease,
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            () -> Long.MAX_VALUE);
    return new WriteBackWorker(
        app.c().db(), app.clock(), id -> sink, health, meters, "https://qc.example.test/", policy);
  }
}
