package io.qccompanion.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.simulators.SupportReplies;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as {@code scripts/demo.sh} builds it: agents in every competency tier, and conversations
 * in which AutoQA finds every kind of problem the simulators write (and good tickets too),
 * including long waits for the answer to a follow-up and tickets in German, Spanish and French,
 * each detected as its language.
 */
class DemoDataTest {
  /** What AutoQA must find at least once, as SQL over its stored results. */
  static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("typos", "check_id = 'spelling_grammar' AND value > 2");
    KINDS.put("missing greeting", "check_id = 'greeting' AND pass = 0");
    KINDS.put("missing closing", "check_id = 'closing' AND pass = 0");
    KINDS.put("no empathy", "check_id = 'empathy' AND pass = 0");
    KINDS.put("no apology to an unhappy customer", "check_id = 'apology' AND pass = 0");
    KINDS.put("customer unhappy at the end", "check_id = 'sentiment_end' AND pass = 0");
    KINDS.put("escalation words", "check_id = 'escalation' AND pass = 0");
    KINDS.put("slow first reply", "check_id = 'first_reply' AND pass = 0");
    KINDS.put(
        "long wait for the answer to a follow-up",
        "check_id = 'longest_wait' AND pass = 0 AND ticket_id IN (SELECT ticket_id FROM"
            + " auto_check_results WHERE check_id = 'first_reply' AND pass = 1)");
  }

  /** The languages the simulated Zendesk writes a few tickets in. */
  static final List<String> FOREIGN = List.of("de", "es", "fr");

  /**
   * Scored tickets the simulator wrote in {@code language} (their subject says), and detected as
   * it.
   */
  static int detected(CompanionApp app, String language) {
    return app.db()
        .read(
            h ->
                h.createQuery(
                        """
                        SELECT COUNT(*) FROM auto_evaluations a JOIN tickets t ON t.id = a.ticket_id
                        WHERE a.status = 'SCORED' AND t.subject = ? AND a.language = ?""")
                    .bind(0, SupportReplies.foreignSubject(language))
                    .bind(1, language)
                    .mapTo(Integer.class)
                    .one());
  }

  @TempDir Path dir;

  // One demo set-up (the costly part) for both questions.
  @Test
  void demoHasAgentsInEveryTierAndAutoQaFindsEveryKindOfProblem() {
    var clock = new DemoClock();
    var log = new ByteArrayOutputStream();
    try (var hosts = new DemoHosts(42, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        var app = new CompanionApp(config(), clock)) {
      new Demo(app, hosts, clock, new PrintStream(log, true, StandardCharsets.UTF_8)).setUp();
      Map<String, Integer> tiers =
          app.db()
              .read(
                  h -> {
                    Map<String, Integer> out = new TreeMap<>();
                    h.createQuery(
                            """
                            SELECT tier, COUNT(DISTINCT agent_id) FROM sample_decisions
                            WHERE week_start = (SELECT MAX(week_start) FROM sample_decisions)
                            GROUP BY tier""")
                        .map((rs, c) -> out.put(rs.getString(1), rs.getInt(2)))
                        .list();
                    return out;
                  });
      System.out.println("demo tiers this week: " + tiers);
      assertThat(tiers).containsKeys("NEW", "STANDARD", "PROVEN", "AT_RISK");

      app.start();
      Map<String, Integer> found = new LinkedHashMap<>();
      int scored = 0;
      while (scored < 1200) {
        int batch = app.autoQa().scoreNow(100);
        scored += batch;
        for (var kind : KINDS.entrySet())
          found.put(
              kind.getKey(),
              app.db()
                  .read(
                      h ->
                          h.createQuery(
                                  "SELECT COUNT(*) FROM auto_check_results WHERE "
                                      + kind.getValue())
                              .mapTo(Integer.class)
                              .one()));
        found.put("good: greeting, closing, no typos", good(app));
        for (String language : FOREIGN)
          found.put("written and detected in " + language, detected(app, language));
        if (batch == 0 || !found.containsValue(0)) break;
      }
      System.out.println("AutoQA findings in " + scored + " demo tickets: " + found);
      assertThat(found).doesNotContainValue(0);
      // every scored ticket the simulator wrote in another language is detected as that language
      Map<String, String> written = new TreeMap<>();
      for (String language : FOREIGN)
        written.put(SupportReplies.foreignSubject(language), language);
      var languages =
          app.db()
              .read(
                  h ->
                      h.createQuery(
                              """
                              SELECT t.subject, a.language FROM auto_evaluations a
                              JOIN tickets t ON t.id = a.ticket_id
                              WHERE a.status = 'SCORED' AND t.subject IN (<subjects>)""")
                          .bindList("subjects", List.copyOf(written.keySet()))
                          .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                          .list());
      assertThat(languages).isNotEmpty();
      for (var d : languages)
        assertThat(d.getValue()).as(d.getKey()).isEqualTo(written.get(d.getKey()));
    }
  }

  private static int good(CompanionApp app) {
    return app.db()
        .read(
            h ->
                h.createQuery(
                        """
                        SELECT COUNT(*) FROM auto_evaluations a WHERE a.status = 'SCORED'
                          AND EXISTS (SELECT 1 FROM auto_check_results r WHERE r.ticket_id = a.ticket_id
                            AND r.check_id = 'greeting' AND r.pass = 1)
                          AND EXISTS (SELECT 1 FROM auto_check_results r WHERE r.ticket_id = a.ticket_id
                            AND r.check_id = 'closing' AND r.pass = 1)
                          AND EXISTS (SELECT 1 FROM auto_check_results r WHERE r.ticket_id = a.ticket_id
                            AND r.check_id = 'spelling_grammar' AND r.value = 0)""")
                    .mapTo(Integer.class)
                    .one());
  }

  private CompanionConfig config() {
    return CompanionConfig.newBuilder()
        .host("127.0.0.1")
        .port(0)
        .databaseUrl("jdbc:sqlite:" + dir.resolve("qc.db"))
        .secretKey(Base64.getEncoder().encodeToString(new byte[32]))
        .schedulers(false)
        .build();
  }
}
