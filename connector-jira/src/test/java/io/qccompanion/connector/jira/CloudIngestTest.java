package io.qccompanion.connector.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.Csat;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CloudIngestTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  final Fixtures fixtures = new Fixtures();

  static final String ISSUE =
      """
      {"id":"10042","key":"SUP-42","self":"https://acme.atlassian.net/rest/api/3/issue/10042",
       "fields":{"summary":"Refund for order 4711 not received",
         "status":{"id":"10002","name":"Done","statusCategory":{"id":3,"key":"done","name":"Done"}},
         "assignee":{"accountId":"712020:bob","displayName":"Bob Novak","emailAddress":"bob@acme.com"},
         "reporter":{"accountId":"qm:carol","displayName":"Carol","accountType":"customer"},
         "project":{"id":"10000","key":"SUP","name":"Customer Support"},
         "created":"2026-11-02T09:00:00.000+0100","updated":"2026-11-03T15:30:00.000+0100",
         "resolutiondate":"2026-11-03T15:30:00.000+0100","labels":["billing","vip"],
         "priority":{"name":"High"},"issuetype":{"name":"Support"},
         "customfield_10100":{"value":"Tier 2","id":"20002"}}}
      """;

  static final String CHANGELOG =
      """
      {"issueChangeLogs":[{"issueId":"10042","changeHistories":[
        {"id":"1","created":"2026-11-02T09:05:00.000+0100","items":[
          {"field":"assignee","fieldId":"assignee","from":null,"to":"712020:alice"},
          {"field":"status","fieldId":"status","from":"1","to":"3"}]},
        {"id":"2","created":"2026-11-02T11:00:00.000+0100","items":[
          {"field":"status","fieldId":"status","from":"3","to":"10002"}]},
        {"id":"4","created":"2026-11-03T15:30:00.000+0100","items":[
          {"field":"status","fieldId":"status","from":"3","to":"10002"}]},
        {"id":"3","created":"2026-11-03T09:00:00.000+0100","items":[
          {"field":"status","fieldId":"status","from":"10002","to":"3"},
          {"field":"assignee","fieldId":"assignee","from":"712020:alice","to":"712020:bob"}]}
      ]}]}
      """;

  @BeforeEach
  void stubUserAndStatuses() {
    wm.stubFor(
        get("/rest/api/3/myself")
            .willReturn(okJson("{\"accountId\":\"557058:qc\",\"timeZone\":\"Europe/Berlin\"}")));
    wm.stubFor(
        get("/rest/api/3/status")
            .willReturn(
                okJson(
                    """
                    [{"id":"3","name":"In Progress","statusCategory":{"id":4,"key":"indeterminate"}},
                     {"id":"10002","name":"Done","statusCategory":{"id":3,"key":"done"}}]
                    """)));
  }

  @Test
  void searchesWithExplicitFieldsInTheUsersZoneAndFetchesChangelogsInBulk() throws Exception {
    wm.stubFor(
        post("/rest/api/3/search/jql")
            .willReturn(okJson("{\"issues\":[" + ISSUE + "],\"isLast\":true}")));
    wm.stubFor(post("/rest/api/3/changelog/bulkfetch").willReturn(okJson(CHANGELOG)));
    var settings =
        Fixtures.cloud(
            wm.baseUrl(), Map.of("projects", "SUP,HELP", "field.team", "customfield_10100"));

    Page page;
    try (JiraSource source = fixtures.provider.openSource(settings, Clock.systemUTC())) {
      page = source.fetchClosedSince(Checkpoint.INITIAL, 500);
    }

    Ticket t = page.tickets().get(0);
    assertThat(t.externalId()).isEqualTo("10042");
    assertThat(t.assigneeId()).isEqualTo("712020:bob");
    assertThat(t.assigneeAtSolveId()).isEqualTo("712020:bob");
    assertThat(t.reopenCount()).isEqualTo(1);
    assertThat(t.tags()).containsExactly("billing", "vip");
    assertThat(t.teamId()).isEqualTo("20002");
    assertThat(t.priority()).isEqualTo("High");
    assertThat(t.channel()).isEqualTo("Support");
    assertThat(t.resolutionMinutes()).isEqualTo(30 * 60 + 30);
    assertThat(t.url()).isEqualTo(wm.baseUrl() + "/browse/SUP-42");
    assertThat(page.users())
        .singleElement()
        .satisfies(u -> assertThat(u.email()).isEqualTo("bob@acme.com"));
    assertThat(page.teams())
        .singleElement()
        .satisfies(team -> assertThat(team.name()).isEqualTo("Tier 2"));
    assertThat(page.done()).isTrue();
    wm.verify(
        postRequestedFor(urlEqualTo("/rest/api/3/search/jql"))
            .withRequestBody(
                matchingJsonPath(
                    "$.jql",
                    containing(
                        "statusCategory = Done AND project in (\"SUP\", \"HELP\") AND updated >="
                            + " \"2020-01-01 00:59\" ORDER BY updated ASC, id ASC")))
            .withRequestBody(matchingJsonPath("$.fields[?(@ == 'customfield_10100')]"))
            .withRequestBody(matchingJsonPath("$.maxResults", containing("500"))));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo("/rest/api/3/changelog/bulkfetch"))
            .withRequestBody(matchingJsonPath("$.issueIdsOrKeys[0]", containing("10042"))));
  }

  /** Comments as the v3 API returns them (ADF bodies), alternating customer and agent. */
  static String comments(String issueId, String... bodies) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < bodies.length; i++) {
      if (i > 0) out.append(',');
      boolean customer = i % 2 == 0;
      out.append(
          """
          {"id":"%s%d","author":{"accountId":"%s","accountType":"%s"},
           "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
             {"type":"text","text":"%s"}]}]},
           "created":"2026-11-02T09:0%d:00.000+0100","jsdPublic":true}
          """
              .formatted(
                  issueId,
                  i,
                  customer ? "qm:carol" : "712020:bob",
                  customer ? "customer" : "atlassian",
                  bodies[i],
                  i));
    }
    return out.toString();
  }

  /** {@link #ISSUE} as {@code issueId} with the first comments inline and {@code total} in all. */
  static String withComments(String issueId, int total, String... inline) {
    return ISSUE
        .replace("\"id\":\"10042\"", "\"id\":\"" + issueId + "\"")
        .replace(
            "\"priority\":{",
            "\"comment\":{\"startAt\":0,\"maxResults\":"
                + inline.length
                + ",\"total\":"
                + total
                + ",\"comments\":["
                + comments(issueId, inline)
                + "]},\"priority\":{");
  }

  @Test
  void readsConversationsInlineAndOnlyOverflowingIssuesAgain() throws Exception {
    String inline = withComments("10042", 2, "My refund is missing", "Refund sent today");
    String overflowing = withComments("10043", 3, "First", "Second");
    wm.stubFor(
        post("/rest/api/3/search/jql")
            .willReturn(
                okJson("{\"issues\":[" + inline + "," + overflowing + "],\"isLast\":true}")));
    wm.stubFor(post("/rest/api/3/changelog/bulkfetch").willReturn(okJson(CHANGELOG)));
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/10043/comment"))
            .willReturn(
                okJson(
                    "{\"startAt\":0,\"maxResults\":100,\"total\":3,\"comments\":["
                        + comments("10043", "First", "Second", "Third")
                        + "]}")));

    Page page;
    try (JiraSource source =
        fixtures.provider.openSource(Fixtures.cloud(wm.baseUrl(), Map.of()), Clock.systemUTC())) {
      page = source.fetchClosedSince(Checkpoint.INITIAL, 500);
    }

    assertThat(page.tickets().get(0).conversation())
        .extracting(Message::body)
        .containsExactly("My refund is missing", "Refund sent today");
    assertThat(page.tickets().get(0).conversation())
        .extracting(Message::authorKind)
        .containsExactly(Message.AuthorKind.CUSTOMER, Message.AuthorKind.AGENT);
    assertThat(page.tickets().get(1).conversation())
        .extracting(Message::body)
        .containsExactly("First", "Second", "Third");
    wm.verify(
        postRequestedFor(urlEqualTo("/rest/api/3/search/jql"))
            .withRequestBody(matchingJsonPath("$.fields[?(@ == 'comment')]")));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/issue/10043/comment")));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/rest/api/3/issue/10042/comment")));
  }

  @Test
  void customJqlIsWrappedSoTheTimeBoundStillApplies() throws Exception {
    wm.stubFor(
        post("/rest/api/3/search/jql").willReturn(okJson("{\"issues\":[],\"isLast\":true}")));
    var settings = Fixtures.cloud(wm.baseUrl(), Map.of("jql", "project = SUP OR labels = vip"));

    try (JiraSource source = fixtures.provider.openSource(settings, Clock.systemUTC())) {
      Page page = source.fetchClosedSince(Checkpoint.INITIAL, 100);
      assertThat(page.tickets()).isEmpty();
      assertThat(page.done()).isTrue();
    }

    wm.verify(
        postRequestedFor(urlEqualTo("/rest/api/3/search/jql"))
            .withRequestBody(
                matchingJsonPath(
                    "$.jql", containing("(project = SUP OR labels = vip) AND updated >="))));
  }

  @Test
  void readsTheConversationAsPlainTextOnlyWhenAsked() throws Exception {
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/10042/comment"))
            .willReturn(
                okJson(
                    """
                    {"startAt":0,"maxResults":100,"total":2,"comments":[
                      {"id":"1","author":{"accountId":"qm:carol","accountType":"customer"},
                       "created":"2026-11-02T09:00:00.000+0000","jsdPublic":true,
                       "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                         {"type":"text","text":"Where is my "},{"type":"text","text":"refund?"}]}]}},
                      {"id":"2","author":{"accountId":"712020:bob","accountType":"atlassian"},
                       "created":"2026-11-02T10:00:00.000+0000",
                       "visibility":{"type":"role","value":"Administrators"},
                       "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                         {"type":"text","text":"Checked with finance."}]}]}}]}
                    """)));
    var settings = Fixtures.cloud(wm.baseUrl(), Map.of());

    List<Message> messages;
    try (JiraSource source = fixtures.provider.openSource(settings, Clock.systemUTC())) {
      messages = source.fetchConversation("10042");
    }

    assertThat(messages)
        .extracting(Message::authorRole, Message::publicMessage, Message::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("customer", true, "Where is my refund?"),
            org.assertj.core.groups.Tuple.tuple("agent", false, "Checked with finance."));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/issue/10042/comment")));
  }

  @Test
  void readsJsmCsatLazilyPerRequest() throws Exception {
    wm.stubFor(
        get("/rest/servicedeskapi/request/HELP-7/feedback")
            .willReturn(
                okJson("{\"type\":\"csat\",\"rating\":2,\"comment\":{\"body\":\"Slow\"}}")));
    wm.stubFor(
        get("/rest/servicedeskapi/request/HELP-8/feedback")
            .willReturn(aResponse().withStatus(404).withBody("{\"errorMessage\":\"none\"}")));
    var settings = Fixtures.cloud(wm.baseUrl(), Map.of("flavor", "jsm"));

    try (JiraSource source = fixtures.provider.openSource(settings, Clock.systemUTC())) {
      assertThat(source.fetchCsat("HELP-7")).isEqualTo(new Csat(Csat.Rating.BAD, 2, "Slow"));
      assertThat(source.fetchCsat("HELP-8")).isEqualTo(Csat.NONE);
    }
    wm.verify(getRequestedFor(urlEqualTo("/rest/servicedeskapi/request/HELP-7/feedback")));
  }
}
