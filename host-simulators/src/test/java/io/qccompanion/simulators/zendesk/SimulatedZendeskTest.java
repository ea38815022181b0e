package io.qccompanion.simulators.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.simulators.SimOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SimulatedZendeskTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final SimulatedZendesk DEMO =
      SimulatedZendesk.start(SimulatedZendesk.defaults().now(NOW).build());
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  static void stop() {
    DEMO.close();
  }

  private HttpResponse<String> get(SimulatedZendesk zendesk, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(zendesk.baseUrl() + path));
    if (authorization != null) request.header("Authorization", authorization);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(SimulatedZendesk zendesk) {
    String pair = zendesk.options().email() + "/token:" + zendesk.options().apiToken();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void defaultsGiveAboutFourThousandClosedTicketsOverTwelveWeeksAcrossTwentyAgents() {
    assertThat(DEMO.closedTicketIds()).hasSizeBetween(3900, 4000);
    assertThat(DEMO.agents()).hasSize(20);
    assertThat(DEMO.groups())
        .extracting(Group::name)
        .containsExactly("Billing", "Technical Support", "Customer Care");
    assertThat(DEMO.agents()).extracting(Agent::skill).allMatch(s -> s > 0 && s < 1);
    double min = DEMO.agents().stream().mapToDouble(Agent::skill).min().orElseThrow();
    double max = DEMO.agents().stream().mapToDouble(Agent::skill).max().orElseThrow();
    assertThat(max - min).isGreaterThan(0.4);
  }

  @Test
  void theSameSeedGivesTheSameAccount() throws Exception {
    SimOptions options =
        SimulatedZendesk.defaults().ticketCount(300).agentCount(5).now(NOW).build();
    try (var a = SimulatedZendesk.start(options);
        var b = SimulatedZendesk.start(options);
        var c = SimulatedZendesk.start(options.newBuilder().seed(7).build())) {
      String path = "/api/v2/incremental/tickets/cursor.json?start_time=0&include=metric_sets";
      String first = get(a, path, basic(a)).body().replace(a.baseUrl(), "");
      assertThat(get(b, path, basic(b)).body().replace(b.baseUrl(), "")).isEqualTo(first);
      assertThat(get(c, path, basic(c)).body().replace(c.baseUrl(), "")).isNotEqualTo(first);
      assertThat(a.agents()).isEqualTo(b.agents());
    }
  }

  @Test
  void skilledAgentsGetBetterCsatAndFewerReopens() throws Exception {
    Map<Long, int[]> byAgent = new HashMap<>(); // good, bad, reopened, tickets
    JsonNode page =
        json(
            get(
                DEMO,
                "/api/v2/incremental/tickets/cursor?start_time=0&per_page=1000&include=metric_sets",
                basic(DEMO)));
    Map<Long, Integer> reopens = new HashMap<>();
    page.path("metric_sets")
        .forEach(m -> reopens.put(m.path("ticket_id").asLong(), m.path("reopens").asInt()));
    while (true) {
      for (JsonNode t : page.path("tickets")) {
        if (t.path("assignee_id").isNull()) continue;
        int[] c = byAgent.computeIfAbsent(t.path("assignee_id").asLong(), k -> new int[4]);
        String score = t.path("satisfaction_rating").path("score").asText();
        if (score.equals("good")) c[0]++;
        if (score.equals("bad")) c[1]++;
        if (reopens.getOrDefault(t.path("id").asLong(), 0) > 0) c[2]++;
        c[3]++;
      }
      if (page.path("end_of_stream").asBoolean()) break;
      page =
          json(
              get(
                  DEMO,
                  "/api/v2/incremental/tickets/cursor?include=metric_sets&cursor="
                      + page.path("after_cursor").asText(),
                  basic(DEMO)));
      page.path("metric_sets")
          .forEach(m -> reopens.put(m.path("ticket_id").asLong(), m.path("reopens").asInt()));
    }
    List<Agent> bySkill =
        DEMO.agents().stream().sorted((x, y) -> Double.compare(x.skill(), y.skill())).toList();
    double[] weak = rates(byAgent, bySkill.subList(0, 5));
    double[] strong = rates(byAgent, bySkill.subList(15, 20));

    assertThat(strong[0]).isGreaterThan(weak[0] + 0.1);
    assertThat(strong[1]).isLessThan(weak[1]);
  }

  private static double[] rates(Map<Long, int[]> byAgent, List<Agent> agents) {
    int good = 0, rated = 0, reopened = 0, tickets = 0;
    for (Agent a : agents) {
      int[] c = byAgent.getOrDefault(a.id(), new int[4]);
      good += c[0];
      rated += c[0] + c[1];
      reopened += c[2];
      tickets += c[3];
    }
    return new double[] {(double) good / rated, (double) reopened / tickets};
  }

  @Test
  void answersWithAndWithoutTheJsonSuffixAndOnlyToTheApiUser() throws Exception {
    HttpResponse<String> plain = get(DEMO, "/api/v2/users/me", basic(DEMO));
    HttpResponse<String> suffixed = get(DEMO, "/api/v2/users/me.json", basic(DEMO));
    HttpResponse<String> bearer =
        get(DEMO, "/api/v2/users/me", "Bearer " + DEMO.options().apiToken());
    HttpResponse<String> anonymous = get(DEMO, "/api/v2/users/me", null);
    HttpResponse<String> wrong = get(DEMO, "/api/v2/users/me", "Bearer nope");

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(json(plain).path("user").path("role").asText()).isEqualTo("admin");
    assertThat(suffixed.body()).isEqualTo(plain.body());
    assertThat(bearer.statusCode()).isEqualTo(200);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  void servesMetricsTagsAndMultiMessageConversations() throws Exception {
    long id = DEMO.closedTicketIds().get(10);

    JsonNode metric = json(get(DEMO, "/api/v2/tickets/" + id + "/metrics.json", basic(DEMO)));
    JsonNode tags = json(get(DEMO, "/api/v2/tickets/" + id + "/tags", basic(DEMO)));

    assertThat(metric.path("ticket_metric").path("ticket_id").asLong()).isEqualTo(id);
    assertThat(tags.path("tags").size()).isGreaterThanOrEqualTo(2);
    assertThat(DEMO.commentsOf(id)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(DEMO.commentsOf(id).get(0).body()).hasSizeGreaterThan(20);
  }

  /**
   * Each ticket draws its own writing habits and language (they once all shared one seed, so no
   * ticket was foreign): about one in 30 is in German, Spanish or French, and some customers wait
   * more than a day for the answer to a follow-up, not only for the first reply.
   */
  @Test
  void aboutOneTicketInThirtyIsInAnotherLanguageAndSomeFollowUpsWaitDays() {
    List<Long> ids = DEMO.closedTicketIds();
    Map<String, Integer> foreign = new HashMap<>();
    int lateFollowUps = 0;
    for (long id : ids) {
      List<Comment> comments = DEMO.commentsOf(id);
      String opening = comments.get(0).body();
      for (String hello : List.of("Hallo,", "Hola,", "Bonjour,"))
        if (opening.startsWith(hello)) foreign.merge(hello, 1, Integer::sum);
      if (waitsADayForAnAnswerToAFollowUp(comments)) lateFollowUps++;
    }
    int total = foreign.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(total / (double) ids.size()).isBetween(0.02, 0.045);
    assertThat(foreign).containsOnlyKeys("Hallo,", "Hola,", "Bonjour,");
    assertThat(lateFollowUps).isGreaterThan(ids.size() / 100);
  }

  private static boolean waitsADayForAnAnswerToAFollowUp(List<Comment> comments) {
    boolean answered = false;
    Instant waiting = null;
    for (Comment c : comments) {
      boolean customer = c.authorId() >= DataGenerator.REQUESTER_ID_BASE;
      if (customer && c.publicComment() && waiting == null) waiting = c.createdAt();
      else if (!customer && c.publicComment() && waiting != null) {
        if (answered && java.time.Duration.between(waiting, c.createdAt()).toHours() >= 24)
          return true;
        answered = true;
        waiting = null;
      }
    }
    return false;
  }

  @Test
  void faultsHitOnlyTheNextRequests() throws Exception {
    try (var zendesk =
        SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(10).now(NOW).build())) {
      zendesk.faults().rateLimitNext(1, java.time.Duration.ofSeconds(3)).serverErrorNext(1);

      HttpResponse<String> limited = get(zendesk, "/api/v2/users/me", basic(zendesk));
      HttpResponse<String> failed = get(zendesk, "/api/v2/users/me", basic(zendesk));
      HttpResponse<String> ok = get(zendesk, "/api/v2/users/me", basic(zendesk));

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("3");
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(zendesk.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void generatesOneHundredThousandTicketsInMemory() {
    try (var big =
        SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(100_000).now(NOW).build())) {
      assertThat(big.closedTicketIds()).hasSizeGreaterThan(99_000);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return SimJson.MAPPER.readTree(response.body());
  }
}
