package io.qccompanion.connector.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionCheckTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  final Fixtures fixtures = new Fixtures();

  private ConnectionCheck check(String baseUrl) {
    try (JiraSource source =
        fixtures.provider.openSource(Fixtures.cloud(baseUrl, Map.of()), Clock.systemUTC())) {
      return source.check();
    }
  }

  @Test
  void reportsCredentialsTimeZonePermissionsAndSearch() {
    try (SimulatedJira jira =
        SimulatedJira.start(
            SimulatedJira.defaults().issueCount(20).timeZone(ZoneId.of("Asia/Tokyo")).build())) {
      ConnectionCheck check = check(jira.baseUrl());

      assertThat(check.ok()).isTrue();
      assertThat(check.timeZone()).isEqualTo("Asia/Tokyo");
      assertThat(check.items())
          .extracting(ConnectionCheck.Item::name)
          .containsExactly("credentials", "time zone", "browse projects", "add comments", "search");
    }
  }

  @Test
  void revokedTokenFailsWithAdviceToUseAServiceAccount() {
    try (SimulatedJira jira =
        SimulatedJira.start(SimulatedJira.defaults().issueCount(20).build())) {
      jira.faults().revokeCredentials();

      ConnectionCheck check = check(jira.baseUrl());

      assertThat(check.ok()).isFalse();
      assertThat(check.items())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.name()).isEqualTo("credentials");
                assertThat(i.detail())
                    .contains("Jira rejected the API token for 127.0.0.1 (401)")
                    .contains("dedicated, active service account");
              });
    }
  }

  @Test
  void deactivatedApiUserFailsTheCredentialsCheck() {
    wm.stubFor(
        get("/rest/api/3/myself")
            .willReturn(
                okJson("{\"accountId\":\"557058:qc\",\"active\":false,\"timeZone\":\"UTC\"}")));

    ConnectionCheck check = check(wm.baseUrl());

    assertThat(check.ok()).isFalse();
    assertThat(check.items().get(0).detail()).contains("deactivated").contains("service account");
  }

  @Test
  void missingCommentPermissionIsNamed() {
    wm.stubFor(
        get("/rest/api/3/myself")
            .willReturn(
                okJson("{\"accountId\":\"557058:qc\",\"active\":true,\"timeZone\":\"UTC\"}")));
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/3/mypermissions"))
            .willReturn(
                okJson(
                    """
                    {"permissions":{
                      "BROWSE_PROJECTS":{"key":"BROWSE_PROJECTS","havePermission":true},
                      "ADD_COMMENTS":{"key":"ADD_COMMENTS","havePermission":false}}}
                    """)));
    wm.stubFor(
        post("/rest/api/3/search/jql").willReturn(okJson("{\"issues\":[],\"isLast\":true}")));

    ConnectionCheck check = check(wm.baseUrl());

    assertThat(check.ok()).isFalse();
    assertThat(check.items())
        .filteredOn(i -> !i.ok())
        .singleElement()
        .satisfies(i -> assertThat(i.detail()).contains("ADD_COMMENTS"));
    wm.verify(
        getRequestedFor(urlPathEqualTo("/rest/api/3/mypermissions"))
            .withQueryParam("permissions", equalTo("BROWSE_PROJECTS,ADD_COMMENTS")));
  }
}
