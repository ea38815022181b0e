package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.HostTeam;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import io.qccompanion.model.TicketSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads closed tickets with Zendesk's cursor-based incremental export, side-loading metric sets,
 * users and groups so one request per 1000 tickets carries everything the companion needs, and
 * their conversations with the ticket event export ({@link TicketEventExport}, one request per 1000
 * comments).
 */
public final class ZendeskTicketSource implements TicketSource {
  static final String SIDE_LOADS = "metric_sets,users,groups";

  private final ConnectionSettings settings;
  private final ZendeskOptions options;
  private final Clock clock;
  private final ZendeskHttp http;
  private final TicketMapper mapper;

  ZendeskTicketSource(
      ConnectionSettings settings, Clock clock, Sleeper sleeper, ZendeskHttp.Factory http) {
    this.settings = settings;
    this.options = ZendeskOptions.of(settings);
    this.clock = clock;
    this.http = http.open(settings, options, clock, sleeper);
    this.mapper =
        new TicketMapper(settings.connectionId(), settings.baseUrl(), options.handleTimeField());
  }

  @Override
  public Page fetchClosedSince(Checkpoint from, int pageHint) throws ConnectorException {
    ExportCheckpoint position =
        from.isInitial()
            ? new ExportCheckpoint(null, initialStartTime(), null)
            : ExportCheckpoint.parse(from);
    HttpUrl.Builder url =
        exportUrl().addQueryParameter("per_page", Integer.toString(options.exportPerPage()));
    url.addQueryParameter("include", SIDE_LOADS);
    if (position.cursor() == null) {
      url.addQueryParameter("start_time", Long.toString(position.startTime()));
    } else {
      url.addQueryParameter("cursor", position.cursor());
    }
    JsonNode body = http.getExport(url.build());
    if (!body.path("tickets").isArray() || !body.path("end_of_stream").isBoolean()) {
      throw ConnectorException.transientFailure(
          200, null, "Zendesk export answer has no tickets or end_of_stream on " + where(), null);
    }
    Page page;
    try {
      page = toPage(body, position);
    } catch (RuntimeException e) {
      // A ticket without the fields every export ticket has (id, updated_at): report, never
      // return the rest of the page.
      throw ConnectorException.transientFailure(
          200, null, "Zendesk export answer has an unreadable ticket on " + where(), e);
    }
    return options.conversations() ? withConversations(page, body, position) : page;
  }

  /**
   * Reads the comments written up to this page's last update from the ticket event export: every
   * comment of the page's tickets is then known. Comments of tickets not in this page (still open,
   * or stored earlier) come along in {@link Page#conversations()}; the server keeps them for
   * tickets it stores. One request per 1000 comments.
   */
  private Page withConversations(Page page, JsonNode body, ExportCheckpoint position)
      throws ConnectorException {
    long until = page.done() ? Long.MAX_VALUE : 0;
    Map<String, String> roles = new HashMap<>();
    for (JsonNode user : body.path("users"))
      roles.put(user.path("id").asText(), user.path("role").asText());
    for (JsonNode ticket : body.path("tickets")) {
      Instant updated = TicketMapper.instantOrNull(ticket.path("updated_at"));
      if (updated != null) until = Math.max(until, updated.getEpochSecond());
    }
    long from =
        position.eventsTime() != null
            ? position.eventsTime()
            : position.startTime() - options.conversationLookback().toSeconds();
    TicketEventExport.Result events =
        new TicketEventExport(http).read(Math.max(0, from), until, roles);
    Map<String, List<Message>> others = new HashMap<>(events.byTicket());
    List<Ticket> tickets = new ArrayList<>();
    for (Ticket t : page.tickets()) {
      List<Message> messages = others.remove(t.externalId());
      tickets.add(messages == null ? t : t.newBuilder().conversation(messages).build());
    }
    ExportCheckpoint next = ExportCheckpoint.parse(page.next());
    return page.newBuilder()
        .tickets(tickets)
        .conversations(others)
        .next(new ExportCheckpoint(next.cursor(), next.startTime(), events.next()).toCheckpoint())
        .build();
  }

  private Page toPage(JsonNode body, ExportCheckpoint position) {
    Map<String, JsonNode> metrics = new HashMap<>();
    for (JsonNode set : body.path("metric_sets")) metrics.put(set.path("ticket_id").asText(), set);
    List<Ticket> tickets = new ArrayList<>();
    for (JsonNode ticket : body.path("tickets")) {
      String status = ticket.path("status").asText();
      if ("deleted".equals(status) || !options.closedStatuses().contains(status)) continue;
      JsonNode metric =
          metrics.getOrDefault(ticket.path("id").asText(), ZendeskHttp.JSON.nullNode());
      tickets.add(mapper.map(ticket, metric));
    }
    List<HostUser> users = new ArrayList<>();
    for (JsonNode user : body.path("users")) {
      String role = user.path("role").asText();
      if (role.equals("agent") || role.equals("admin")) {
        users.add(
            HostUser.builder()
                .id(user.path("id").asText())
                .name(TicketMapper.textOrNull(user.path("name")))
                .email(TicketMapper.textOrNull(user.path("email")))
                .role(role)
                .build());
      }
    }
    List<HostTeam> teams = new ArrayList<>();
    for (JsonNode group : body.path("groups")) {
      teams.add(
          HostTeam.builder()
              .id(group.path("id").asText())
              .name(group.path("name").asText())
              .build());
    }
    JsonNode after = body.path("after_cursor");
    String next = after.isTextual() ? after.asText() : position.cursor();
    return Page.builder()
        .tickets(tickets)
        .users(users)
        .teams(teams)
        .next(
            new ExportCheckpoint(next, position.startTime(), position.eventsTime()).toCheckpoint())
        .done(body.path("end_of_stream").asBoolean())
        .build();
  }

  private long initialStartTime() {
    Instant latest = clock.instant().minusSeconds(60); // Zendesk: at least a minute in the past
    Instant start =
        settings.startFrom() != null
            ? settings.startFrom()
            : latest.minus(ConnectionSettings.DEFAULT_START);
    return (start.isAfter(latest) ? latest : start).getEpochSecond();
  }

  private HttpUrl.Builder exportUrl() {
    return http.url("api", "v2", "incremental", "tickets", "cursor");
  }

  @Override
  public List<Message> fetchConversation(String externalId) throws ConnectorException {
    return new ConversationReader(http).read(externalId);
  }

  @Override
  public ConnectionCheck check() {
    return new ConnectionChecker(http, options, clock).run(exportUrl());
  }

  /** Requests sent to Zendesk by this source, retries included. */
  public long requestCount() {
    return http.requestCount();
  }

  private String where() {
    return options.host() + " (connection '" + options.connectionName() + "')";
  }

  @Override
  public void close() {
    http.close();
  }
}
