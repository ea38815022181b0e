package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Page;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures ingest cost against the simulated Zendesk: requests per 1000 tickets (goal at most 1.1)
 * and tickets per second, next to a baseline that exports without side-loads and reads metrics per
 * ticket. Run with {@code mvn -B -pl connector-zendesk -am verify -Dsurefire.excludedGroups=
 * -Dgroups=benchmark}.
 */
@Tag("benchmark")
class IngestBenchmarkTest {
  private static final int TICKETS = Integer.getInteger("benchmark.tickets", 100_000);
  private static final int BASELINE_TICKETS = 2_000;

  @Test
  void ingestsOneHundredThousandTicketsWithAboutOneRequestPerThousand() throws Exception {
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    long generationStart = System.nanoTime();
    try (var zendesk =
        SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(TICKETS).now(now).build())) {
      double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
      ConnectionSettings settings =
          zendesk.connectionSettings("bench", Map.of("export.requestsPerMinute", "0"));
      SpecValidation.violations(new okhttp3.Request.Builder().url(zendesk.baseUrl()).build());

      long started = System.nanoTime();
      long tickets = 0;
      long pages = 0;
      long messages = 0;
      long requests;
      try (var source =
          new ZendeskTicketSource(settings, Clock.systemUTC(), Sleeper.REAL, SpecValidation.HTTP)) {
        Checkpoint next = Checkpoint.INITIAL;
        while (true) {
          Page page = source.fetchClosedSince(next, 1000);
          pages++;
          tickets += page.tickets().size();
          messages += page.tickets().stream().mapToLong(t -> t.conversation().size()).sum();
          next = page.next();
          if (page.done()) break;
        }
        requests = source.requestCount();
      }
      double seconds = (System.nanoTime() - started) / 1e9;

      long[] baseline = baseline(zendesk, settings);
      long[] conversationBaseline = conversationBaseline(zendesk, settings);
      double conversationPerThousand = (requests - pages) * 1000.0 / tickets;
      double conversationBaselinePerThousand =
          conversationBaseline[1] * 1000.0 / conversationBaseline[0];
      double baselineSeconds = baseline[2] / 1e9;

      double perThousand = requests * 1000.0 / tickets;
      double baselinePerThousand = baseline[1] * 1000.0 / baseline[0];
      String report =
          String.format(
              Locale.ROOT,
              "Zendesk ingest benchmark%n"
                  + "  simulated account: %d closed tickets generated in %.1f s%n"
                  + "  connector (cursor export, per_page=1000, include=metric_sets,users,groups):%n"
                  + "    %d tickets, %d export requests, %.1f s -> %.2f requests/1000 tickets, %.0f"
                  + " tickets/s%n"
                  + "  baseline (export without side-loads + GET /tickets/{id}/metrics per ticket, %d tickets):%n"
                  + "    %d requests, %.1f s -> %.0f requests/1000 tickets, %.0f tickets/s%n"
                  + "  ratio: %.0fx fewer requests with side-loads%n"
                  + "  conversations (ticket event export, include=comment_events): %d messages of"
                  + " the closed tickets, %d requests -> %.2f requests/1000 tickets%n"
                  + "  conversation baseline (GET /tickets/{id}/comments per ticket, %d tickets):"
                  + " %.0f requests/1000 tickets%n"
                  + "  total with conversations: %.2f requests/1000 tickets%n",
              zendesk.closedTicketIds().size(),
              generationSeconds,
              tickets,
              pages,
              seconds,
              pages * 1000.0 / tickets,
              tickets / seconds,
              baseline[0],
              baseline[1],
              baselineSeconds,
              baselinePerThousand,
              baseline[0] / baselineSeconds,
              baselinePerThousand / ((double) pages * 1000 / tickets),
              messages,
              requests - pages,
              conversationPerThousand,
              conversationBaseline[0],
              conversationBaselinePerThousand,
              perThousand);
      System.out.println(report);
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "zendesk-benchmark.txt"), report);

      assertThat(tickets).isEqualTo(zendesk.closedTicketIds().size());
      assertThat(pages * 1000.0 / tickets).isLessThanOrEqualTo(1.1);
      assertThat(conversationPerThousand).isLessThanOrEqualTo(10.0);
    }
  }

  /** {tickets, requests} for reading conversations one ticket at a time, on a sample. */
  private static long[] conversationBaseline(SimulatedZendesk zendesk, ConnectionSettings settings)
      throws Exception {
    ZendeskOptions options = ZendeskOptions.of(settings);
    List<Long> sample = zendesk.closedTicketIds().subList(0, BASELINE_TICKETS);
    try (ZendeskHttp http =
        SpecValidation.HTTP.open(settings, options, Clock.systemUTC(), Sleeper.REAL)) {
      for (long id : sample) new ConversationReader(http).read(Long.toString(id));
      return new long[] {sample.size(), http.requestCount()};
    }
  }

  /** {tickets, requests, nanos} for the naive approach on a sample. */
  private static long[] baseline(SimulatedZendesk zendesk, ConnectionSettings settings)
      throws Exception {
    ZendeskOptions options = ZendeskOptions.of(settings);
    long started = System.nanoTime();
    long tickets = 0;
    try (ZendeskHttp http =
        SpecValidation.HTTP.open(settings, options, Clock.systemUTC(), Sleeper.REAL)) {
      HttpUrl url =
          http.url("api", "v2", "incremental", "tickets", "cursor")
              .addQueryParameter("per_page", "1000")
              .addQueryParameter("start_time", Long.toString(settings.startFrom().getEpochSecond()))
              .build();
      while (tickets < BASELINE_TICKETS) {
        JsonNode page = http.get(url);
        for (JsonNode ticket : page.path("tickets")) {
          String status = ticket.path("status").asText();
          if (!status.equals("solved") && !status.equals("closed")) continue;
          http.get(http.url("api", "v2", "tickets", ticket.path("id").asText(), "metrics").build());
          if (++tickets == BASELINE_TICKETS) break;
        }
        if (page.path("end_of_stream").asBoolean()) break;
        url =
            http.url("api", "v2", "incremental", "tickets", "cursor")
                .addQueryParameter("per_page", "1000")
                .addQueryParameter("cursor", page.path("after_cursor").asText())
                .build();
      }
      return new long[] {tickets, http.requestCount(), System.nanoTime() - started};
    }
  }
}
