package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.demo.Demo;
import io.qccompanion.server.demo.DemoClock;
import io.qccompanion.server.demo.DemoHosts;
import io.qccompanion.server.testing.Api;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo, scaled down, seeded exactly as {@code demo} seeds it (simulated hosts, real connectors,
 * twelve weeks of grading); the AutoQA worker run to completion then scores every closed ticket
 * that has a stored conversation, on both hosts.
 */
class DemoCoverageTest {
  static final int TICKETS_PER_HOST = 160;
  static final int AGENTS_PER_HOST = 3;

  @Test
  void autoQaCoversEveryClosedDemoTicketWithAConversationOnEachHost() throws Exception {
    Path dir = Files.createTempDirectory("qc-demo-coverage");
    var clock = new DemoClock();
    try (var hosts =
        new DemoHosts(
            42,
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            TICKETS_PER_HOST,
            AGENTS_PER_HOST)) {
      var config =
          CompanionConfig.newBuilder()
              .host("127.0.0.1")
              .port(0)
              .databaseUrl("jdbc:sqlite:" + dir.resolve("qc.db"))
              .secretKey(Base64.getEncoder().encodeToString(new byte[32]))
              .schedulers(false)
              .build();
      try (var app = new CompanionApp(config, clock)) {
        new Demo(app, hosts, clock, new PrintStream(OutputStream.nullOutputStream())).setUp();
        app.start();
        int rounds = 0;
        while (app.autoQa().worker().runOnce(200) > 0) rounds++;
        assertThat(rounds).isPositive();

        JsonNode status = admin(app).get("/api/v1/autoqa/status").json();
        List<String> hostsSeen = new ArrayList<>();
        for (JsonNode row : status.get("coverage")) {
          hostsSeen.add(row.get("host").asText());
          assertThat(row.get("withConversation").asLong()).as(row.toString()).isPositive();
          assertThat(row.get("closedTickets").asLong())
              .isGreaterThanOrEqualTo(row.get("withConversation").asLong());
          assertThat(row.get("scored").asLong())
              .as(row.toString())
              .isEqualTo(row.get("withConversation").asLong());
          assertThat(row.get("coverage").asDouble()).as(row.toString()).isEqualTo(1.0);
        }
        assertThat(hostsSeen).containsExactly("jira", "zendesk");
        // what the status counts as scored is really in the store, with a result
        long stored =
            app.db()
                .read(
                    h ->
                        h.createQuery(
                                "SELECT COUNT(*) FROM auto_evaluations WHERE status = 'SCORED'")
                            .mapTo(Long.class)
                            .one());
        long withConversation = 0;
        for (JsonNode row : status.get("coverage"))
          withConversation += row.get("withConversation").asLong();
        assertThat(stored).isEqualTo(withConversation);
        System.out.println("[demo coverage] " + status.get("coverage"));
      }
    }
  }

  private static Api admin(CompanionApp app) {
    String token =
        app.db()
            .write(
                h -> {
                  String id =
                      h.createQuery("SELECT id FROM users WHERE email = 'admin@demo.test'")
                          .mapTo(String.class)
                          .one();
                  return app.tokens().create(h, id, "coverage test").token();
                });
    return new Api("http://127.0.0.1:" + app.port(), token);
  }
}
