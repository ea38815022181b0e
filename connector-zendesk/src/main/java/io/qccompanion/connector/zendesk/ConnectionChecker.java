package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionCheck.Item;
import io.qccompanion.model.ConnectionCheck.Problem;
import io.qccompanion.model.ConnectorException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Runs the connection check: who the API user is ({@code GET /api/v2/users/me}), whether it can
 * read tickets and reach the incremental export (one request with {@code per_page=1} each). Every
 * failed item says what kind of problem it is and what to do (see docs/zendesk.md). When the
 * sign-in itself fails for a reason the other checks share (account, credentials, network), they
 * are not sent.
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
    List<Item> items = new ArrayList<>();
    String timeZone = null;
    try {
      JsonNode user = http.get(http.url("api", "v2", "users", "me").build()).path("user");
      timeZone = TicketMapper.textOrNull(user.path("time_zone"));
      items.add(credentials(user));
    } catch (ConnectorException e) {
      Item failed = failed("credentials", e);
      items.add(failed);
      if (failed.problem() != Problem.RATE_LIMIT && failed.problem() != Problem.HOST_ERROR) {
        items.add(skipped("read tickets", failed));
        items.add(skipped("incremental export", failed));
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
        timeZone != null
            ? Item.passed("time zone", "API user's time zone: " + timeZone)
            : Item.failed(
                "time zone",
                Problem.CONFIGURATION,
                "time zone not reported",
                "Set a time zone on the API user's profile in Zendesk (or the account default)."));
    return new ConnectionCheck(items, timeZone, http.rateLimitRemaining());
  }

  private Item credentials(JsonNode user) {
    String who = user.path("name").asText("?") + " <" + user.path("email").asText("?") + ">";
    String role = user.path("role").asText("");
    if (user.path("id").isNull() || user.path("id").isMissingNode()) {
      return Item.failed(
          "credentials",
          Problem.CREDENTIALS,
          "Zendesk treated the request as anonymous" + SERVICE_ACCOUNT,
          "Set the user name to the API user's e-mail address and the secret to an API token of"
              + " that account (Admin Center > Apps and integrations > Zendesk API, with token"
              + " access enabled).");
    }
    if (!user.path("active").asBoolean(true) || user.path("suspended").asBoolean(false)) {
      return Item.failed(
          "credentials",
          Problem.CREDENTIALS,
          who + " is deactivated or suspended" + SERVICE_ACCOUNT,
          "Reactivate or unsuspend the user in Zendesk, or set the token of an active admin.");
    }
    if (!role.equals("admin") && !role.equals("agent")) {
      return Item.failed(
          "credentials",
          Problem.PERMISSION,
          who + " has role '" + role + "'; an admin is needed" + SERVICE_ACCOUNT,
          "Make the API user an admin in Zendesk (Admin Center > People > Team members).");
    }
    String note = role.equals("admin") ? "" : " (the incremental export needs an admin)";
    return Item.passed("credentials", "authenticated as " + who + ", role " + role + note);
  }

  private Item probe(String name, HttpUrl url, String okDetail) {
    try {
      http.get(url);
      return Item.passed(name, okDetail);
    } catch (ConnectorException e) {
      return failed(name, e);
    }
  }

  /** Classifies a failed call by what Zendesk answered, with the action an admin can take. */
  private Item failed(String name, ConnectorException e) {
    int status = e.status();
    String connection = "connection '" + options.connectionName() + "'";
    if (status == 401 || (e.credentialsInvalid() && status != 403))
      return Item.failed(
          name,
          Problem.CREDENTIALS,
          e.getMessage(),
          "Create an API token in Admin Center > Apps and integrations > Zendesk API (token"
              + " access must be enabled), and set it with its owner's e-mail in "
              + connection
              + ".");
    if (status == 403)
      return Item.failed(
          name,
          Problem.PERMISSION,
          e.getMessage(),
          name.equals("incremental export")
              ? "The incremental export is for admins only: make the API user an admin, or use"
                  + " an admin's token."
              : "Give the API user agent access to all tickets (or make it an admin).");
    if (status == 404)
      return Item.failed(
          name,
          Problem.ACCOUNT_NOT_FOUND,
          "Zendesk knows no account at "
              + options.host()
              + " (404 for an endpoint every account has)",
          "Check the subdomain in the base URL: it is the first part of the address agents sign"
              + " in at, https://<subdomain>.zendesk.com.");
    if (status == 429)
      return Item.failed(
          name,
          Problem.RATE_LIMIT,
          e.getMessage(),
          "Wait"
              + (e.retryAfter() == null ? "" : " " + e.retryAfter().toSeconds() + " s")
              + " and test again. If it keeps happening, other integrations share the account's"
              + " rate limit: lower http.requestsPerMinute of "
              + connection
              + " or theirs.");
    if (status == 0)
      return Item.failed(
          name,
          Problem.NETWORK,
          e.getMessage(),
          "Check the base URL (https://<subdomain>.zendesk.com) and that this server can reach"
              + " it: DNS, proxy, firewall, TLS inspection.");
    if (status >= 500 || e.retryable())
      return Item.failed(
          name,
          Problem.HOST_ERROR,
          e.getMessage(),
          "Zendesk is failing; test again later and see status.zendesk.com.");
    return Item.failed(
        name,
        Problem.CONFIGURATION,
        e.getMessage(),
        "Check the connection's options and base URL (it must be the account's root URL).");
  }

  private static Item skipped(String name, Item cause) {
    return Item.failed(
        name,
        cause.problem(),
        "not checked: " + cause.name() + " failed",
        "Fix the " + cause.name() + " problem first, then test again.");
  }
}
