package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Runs the connection check: who the API user is ({@code GET /api/v2/users/me}), whether it can
 * read tickets and reach the incremental export (one request with {@code per_page=1} each).
 */
final class ConnectionChecker {
  private static final String SERVICE_ACCOUNT =
      "; use a dedicated, active admin service account so staff changes never pause the sync";

  private final ZendeskHttp http;
  private final ZendeskOptions options;
  private final Clock clock;

  ConnectionChecker(ZendeskHttp http, ZendeskOptions options, Clock clock) {
    this.http = http;
    this.options = options;
    this.clock = clock;
  }

  ConnectionCheck run(HttpUrl.Builder exportUrl) {
    List<ConnectionCheck.Item> items = new ArrayList<>();
    String timeZone = null;
    try {
      JsonNode user = http.get(http.url("api", "v2", "users", "me").build()).path("user");
      timeZone = TicketMapper.textOrNull(user.path("time_zone"));
      items.add(credentials(user));
    } catch (ConnectorException e) {
      items.add(new ConnectionCheck.Item("credentials", false, e.getMessage()));
      if (e.credentialsInvalid()) {
        items.add(skipped("read tickets"));
        items.add(skipped("incremental export"));
        return new ConnectionCheck(items, null, http.rateLimitRemaining());
      }
    }
    items.add(
        probe(
            "read tickets",
            http.url("api", "v2", "tickets").addQueryParameter("per_page", "1").build(),
            "tickets are readable"));
    long oneHourAgo = clock.instant().minusSeconds(3600).getEpochSecond();
    items.add(
        probe(
            "incremental export",
            exportUrl
                .addQueryParameter("per_page", "1")
                .addQueryParameter("start_time", Long.toString(oneHourAgo))
                .build(),
            "export reachable; limited to "
                + options.exportRequestsPerMinute()
                + " requests a minute by option export.requestsPerMinute"));
    items.add(
        new ConnectionCheck.Item(
            "time zone",
            timeZone != null,
            timeZone != null ? "API user's time zone: " + timeZone : "time zone not reported"));
    return new ConnectionCheck(items, timeZone, http.rateLimitRemaining());
  }

  private ConnectionCheck.Item credentials(JsonNode user) {
    String who = user.path("name").asText("?") + " <" + user.path("email").asText("?") + ">";
    String role = user.path("role").asText("");
    if (user.path("id").isNull() || user.path("id").isMissingNode()) {
      return new ConnectionCheck.Item(
          "credentials", false, "Zendesk treated the request as anonymous" + SERVICE_ACCOUNT);
    }
    if (!user.path("active").asBoolean(true) || user.path("suspended").asBoolean(false)) {
      return new ConnectionCheck.Item(
          "credentials", false, who + " is deactivated or suspended" + SERVICE_ACCOUNT);
    }
    if (!role.equals("admin") && !role.equals("agent")) {
      return new ConnectionCheck.Item(
          "credentials",
          false,
          who + " has role '" + role + "'; an admin is needed" + SERVICE_ACCOUNT);
    }
    String note = role.equals("admin") ? "" : " (the incremental export needs an admin)";
    return new ConnectionCheck.Item(
        "credentials", true, "authenticated as " + who + ", role " + role + note);
  }

  private ConnectionCheck.Item probe(String name, HttpUrl url, String okDetail) {
    try {
      http.get(url);
      return new ConnectionCheck.Item(name, true, okDetail);
    } catch (ConnectorException e) {
      return new ConnectionCheck.Item(name, false, e.getMessage());
    }
  }

  private static ConnectionCheck.Item skipped(String name) {
    return new ConnectionCheck.Item(name, false, "not checked: credentials were rejected");
  }
}
