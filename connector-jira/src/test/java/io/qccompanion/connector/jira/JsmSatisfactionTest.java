package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.Csat;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSM request feedback comes with the search (the Satisfaction field), not per request. */
class JsmSatisfactionTest {
  final Fixtures fixtures = new Fixtures();

  List<Ticket> drain(JiraSource source) throws Exception {
    List<Ticket> all = new ArrayList<>();
    Checkpoint next = Checkpoint.INITIAL;
    for (int i = 0; i < 100; i++) {
      Page page = source.fetchClosedSince(next, 1000);
      all.addAll(page.tickets());
      next = page.next();
      if (page.done()) return all;
    }
    throw new AssertionError("never done");
  }

  @Test
  void ratingsOfResolvedRequestsAreIngestedWithoutExtraRequests() throws Exception {
    try (SimulatedJira jira = WriteBackTest.start("jsm")) {
      long withField;
      long without;
      List<Ticket> tickets;
      try (JiraSource source =
          fixtures.provider.openSource(
              Fixtures.sim(
                  jira,
                  Map.of("flavor", "jsm", "field.satisfaction", SimulatedJira.SATISFACTION_FIELD)),
              Clock.systemUTC())) {
        tickets = drain(source);
        withField = source.requestCount();
      }
      try (JiraSource source =
          fixtures.provider.openSource(
              Fixtures.sim(jira, Map.of("flavor", "jsm")), Clock.systemUTC())) {
        drain(source);
        without = source.requestCount();
      }

      List<Ticket> rated = tickets.stream().filter(t -> t.csat().rated()).toList();
      assertThat(rated).isNotEmpty().allMatch(t -> t.key().startsWith("HELP-"));
      assertThat(rated)
          .allSatisfy(
              t ->
                  assertThat(t.csat().rating())
                      .isEqualTo(t.csat().score() >= 4 ? Csat.Rating.GOOD : Csat.Rating.BAD));
      assertThat(tickets.stream().filter(t -> t.key().startsWith("SUP-")))
          .allMatch(t -> !t.csat().rated());
      assertThat(withField).isEqualTo(without);
      assertThat(tickets.stream().filter(t -> t.key().startsWith("HELP-")))
          .allMatch(t -> "service_desk".equals(t.customFields().get("projectTypeKey")));
    }
  }
}
