package io.qccompanion.simulators.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.simulators.SimOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedJiraTest {
  static final SimOptions OPTIONS =
      SimulatedJira.defaults()
          .seed(9)
          .issueCount(300)
          .now(Instant.parse("2026-11-20T12:00:00Z"))
          .build();

  @Test
  void sameSeedGivesTheSameAgentsAndIssues() {
    try (SimulatedJira a = SimulatedJira.start(OPTIONS);
        SimulatedJira b = SimulatedJira.start(OPTIONS)) {
      assertThat(a.agents()).isEqualTo(b.agents()).hasSize(8);
      assertThat(a.keys()).isEqualTo(b.keys());
      assertThat(a.agents()).allSatisfy(ag -> assertThat(ag.skill()).isBetween(0.0, 1.0));
      assertThat(a.agents()).extracting(SimulatedJira.Agent::projectKey).contains("SUP", "HELP");
    }
  }

  @Test
  void rejectsRequestsWithoutValidCredentials() throws Exception {
    try (SimulatedJira jira = SimulatedJira.start(OPTIONS)) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/3/myself"))
                      .header("Authorization", "Bearer wrong")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(jira.requestCount()).isEqualTo(1);
    }
  }
}
