package io.qccompanion.server.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.HostUser;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.Schema;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention really forgets: a customer's name and e-mail (ticket subject, requester, conversation,
 * CSAT comment, evaluation comment and coaching note) and a deactivated user's name and e-mail
 * (user record, audit snapshots) are found nowhere in the database after the period, checked in
 * every text column of every table read from the schema, so a table added later is covered.
 */
class RetentionForgetsTest {
  private static final String CUSTOMER = "Zelda Quixote";
  private static final String CUSTOMER_EMAIL = "zelda.quixote@customer.test";
  private static final String GONE = "Vernon Goneaway";
  private static final String GONE_EMAIL = "vernon.goneaway@example.test";
  private static final List<String> MARKERS =
      List.of("quixote", "zelda", CUSTOMER_EMAIL, "goneaway", GONE_EMAIL);

  @Test
  void nothingPersonalRemainsAnywhereAfterThePeriod() {
    try (TestApp app = TestApp.start()) {
      var fx = new WorkflowFixture(app);
      Api admin = app.as(Role.ADMIN);
      var fake = new FakeConnector(FakeConnector.ZENDESK);
      app.c().connectors().register(fake);
      String connectionId = connection(admin);
      fake.users.add(
          HostUser.builder()
              .id("a1")
              .name("Ana Lopez")
              .email("ana@acme.test")
              .role("agent")
              .build());
      fake.users.add(
          HostUser.builder()
              .id("req-1")
              .name(CUSTOMER)
              .email(CUSTOMER_EMAIL)
              .role("end-user")
              .build());
      Instant solved = app.clock().instant().minus(Duration.ofDays(2));
      fake.tickets.add(
          FakeConnector.ticket("5001", "a1", solved)
              .newBuilder()
              .subject("Refund for " + CUSTOMER)
              .csat(
                  new io.qccompanion.model.Csat(
                      io.qccompanion.model.Csat.Rating.BAD, null, CUSTOMER + " is not happy"))
              .conversation(
                  List.of(
                      message(
                          "m1", "Hello, I am " + CUSTOMER + " (" + CUSTOMER_EMAIL + ")", solved),
                      message("m2", "Thanks " + CUSTOMER + ", refunded.", solved)))
              .build());
      app.c().sync().syncOnce(connectionId, 10);
      String ticketId =
          app.c()
              .db()
              .read(
                  h ->
                      h.createQuery("SELECT id FROM tickets WHERE external_id = '5001'")
                          .mapTo(String.class)
                          .one());
      assertThat(hits(app)).as("seeded").isNotEmpty();

      Api qc = app.as(Role.QC);
      var created =
          qc.post(
              "/api/v1/evaluations",
              Map.of(
                  "ticketId",
                  ticketId,
                  "scorecardVersionId",
                  fx.versionId,
                  "kind",
                  "REGULAR",
                  "answers",
                  WorkflowFixture.answers(1, 4, 1),
                  "overallComment",
                  CUSTOMER + " was upset about the refund",
                  "coachingNote",
                  "Call " + CUSTOMER_EMAIL + " back"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      String evaluationId = created.json().get("id").asText();
      assertThat(qc.post("/api/v1/evaluations/" + evaluationId + "/submit", Map.of()).status())
          .isEqualTo(200);

      var user =
          admin.post(
              "/api/v1/users",
              Map.of(
                  "email",
                  GONE_EMAIL,
                  "name",
                  GONE,
                  "role",
                  "QC",
                  "password",
                  "correct horse battery"));
      assertThat(user.status()).as(user.text()).isEqualTo(201);
      String goneId = user.json().get("id").asText();
      assertThat(admin.patch("/api/v1/users/" + goneId, Map.of("active", false)).status())
          .isEqualTo(200);

      app.clock().advance(Duration.ofDays(400));
      var dry = admin.post("/api/v1/retention/run?dryRun=true", Map.of()).json().get("counts");
      assertThat(dry.get("tickets (conversation anonymised)").asInt()).isEqualTo(1);
      assertThat(dry.get("evaluations").asInt()).isEqualTo(1);
      assertThat(dry.get("users (deactivated longer than the period, anonymised)").asInt())
          .isEqualTo(1);
      assertThat(dry.get("audit_events (snapshots cleared)").asInt()).isPositive();
      assertThat(hits(app)).as("a dry run changes nothing").isNotEmpty();

      var run = admin.post("/api/v1/retention/run?dryRun=false", Map.of());
      assertThat(run.status()).as(run.text()).isEqualTo(200);
      assertThat(hits(app)).as("personal data left after the purge").isEmpty();
      // what is not personal stays: the ticket's facts and the active agent
      String goneName =
          app.c()
              .db()
              .read(
                  h ->
                      h.createQuery("SELECT name FROM users WHERE id = ?")
                          .bind(0, goneId)
                          .mapTo(String.class)
                          .one());
      assertThat(goneName).isEqualTo("Former user");
      int tickets =
          app.c()
              .db()
              .read(
                  h ->
                      h.createQuery("SELECT count(*) FROM tickets WHERE id = ?")
                          .bind(0, ticketId)
                          .mapTo(Integer.class)
                          .one());
      assertThat(tickets).isEqualTo(1);
    }
  }

  @Test
  void thePeriodMayBeShorterThanTwelveMonths() {
    try (TestApp app = TestApp.start()) {
      Api admin = app.as(Role.ADMIN);
      assertThat(admin.put("/api/v1/retention/settings", Map.of("months", 3)).status())
          .isEqualTo(200);
      assertThat(admin.get("/api/v1/retention/settings").json().get("months").asInt()).isEqualTo(3);
      assertThat(admin.put("/api/v1/retention/settings", Map.of("months", 0)).status())
          .isEqualTo(400);
    }
  }

  /** Every {@code table.column} holding one of the markers, case-insensitively. */
  static List<String> hits(TestApp app) {
    var db = app.c().db();
    List<String> found = new ArrayList<>();
    for (var table : Schema.textColumns(db).entrySet())
      for (String column : table.getValue()) {
        String sql =
            "SELECT count(*) FROM %s WHERE %s"
                .formatted(
                    table.getKey(),
                    String.join(
                        " OR ",
                        MARKERS.stream()
                            .map(m -> "lower(CAST(" + column + " AS TEXT)) LIKE ?")
                            .toList()));
        int n =
            db.read(
                h -> {
                  var q = h.createQuery(sql);
                  for (int i = 0; i < MARKERS.size(); i++)
                    q.bind(i, "%" + MARKERS.get(i).toLowerCase(Locale.ROOT) + "%");
                  return q.mapTo(Integer.class).one();
                });
        if (n > 0) found.add(table.getKey() + "." + column + " (" + n + ")");
      }
    return found;
  }

  private static Message message(String id, String body, Instant at) {
    return Message.builder()
        .id(id)
        .authorId("req-1")
        .authorKind(Message.AuthorKind.CUSTOMER)
        .publicMessage(true)
        .createdAt(at)
        .body(body)
        .build();
  }

  private static String connection(Api admin) {
    var created =
        admin.post(
            "/api/v1/connections",
            Map.of(
                "name", "acme",
                "host", "zendesk",
                "baseUrl", "https://acme.zendesk.com",
                "authKind", "API_TOKEN",
                "username", "svc-qc@acme.test",
                "secret", "zd-secret-token-123"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().at("/connection/id").asText();
  }
}
