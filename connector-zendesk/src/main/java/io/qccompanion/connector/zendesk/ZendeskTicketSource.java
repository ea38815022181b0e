package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads closed tickets with Zendesk's cursor-based incremental export, side-loading metric sets,
 * users and groups so one request per 1000 tickets carries everything the companion needs.
 */
public final class ZendeskTicketSource implements TicketSource {
  static final String SIDE_LOADS = "metric_sets,users,groups";
  private static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

  private final ConnectionSettings settings;
  private final ZendeskOptions options;
  private final Clock clock;
  private final ZendeskHttp http;
  private final RequestRateLimiter exportLimiter;
  private final TicketMapper mapper;

  ZendeskTicketSource(
      ConnectionSettings settings, Clock clock, Sleeper sleeper, ZendeskHttp.Factory http) {
    this.settings = settings;
    this.options = ZendeskOptions.of(settings);
    this.clock = clock;
    this.http = http.open(settings, options, sleeper);
    this.exportLimiter =
        options.exportRequestsPerMinute() > 0
            ? new RequestRateLimiter(options.exportRequestsPerMinute(), clock, sleeper)
            : null;
    this.mapper =
        new TicketMapper(settings.connectionId(), settings.baseUrl(), options.handleTimeField());
  }

  @Override
  public Page fetchClosedSince(Checkpoint from, int pageHint) throws ConnectorException {
    ExportCheckpoint position =
        from.isInitial()
            ? new ExportCheckpoint(null, initialStartTime())
            : ExportCheckpoint.parse(from);
    HttpUrl.Builder url =
        exportUrl().addQueryParameter("per_page", Integer.toString(options.exportPerPage()));
    url.addQueryParameter("include", SIDE_LOADS);
    if (position.cursor() == null) {
      url.addQueryParameter("start_time", Long.toString(position.startTime()));
    } else {
      url.addQueryParameter("cursor", position.cursor());
    }
    JsonNode body = http.get(url.build(), exportLimiter);
    if (!body.path("tickets").isArray() || !body.path("end_of_stream").isBoolean()) {
      throw ConnectorException.transientFailure(
          200, null, "Zendesk export answer has no tickets or end_of_stream on " + where(), null);
    }
    try {
      return toPage(body, position);
    } catch (RuntimeException e) {
      // A ticket without the fields every export ticket has (id, updated_at): report, never
      // return the rest of the page.
      throw ConnectorException.transientFailure(
          200, null, "Zendesk export answer has an unreadable ticket on " + where(), e);
    }
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
        .next(new ExportCheckpoint(next, position.startTime()).toCheckpoint())
        .done(body.path("end_of_stream").asBoolean())
        .build();
  }

  private long initialStartTime() {
    Instant latest = clock.instant().minusSeconds(60); // Zendesk: at least a minute in the past
    Instant start =
        settings.startFrom() != null ? settings.startFrom() : latest.minus(DEFAULT_LOOKBACK);
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
