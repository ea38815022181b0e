package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;

/** Checks a connection: the API user, its time zone, its permissions and the search. */
final class JiraConnectionCheck {
  static final String SERVICE_ACCOUNT_ADVICE =
      "; use a dedicated, active service account so grades do not stop when a person leaves";

  private final ConnectionSettings settings;
  private final JiraOptions options;
  private final JiraHttp http;
  private final JiraTicketSource source;

  JiraConnectionCheck(
      ConnectionSettings settings, JiraOptions options, JiraHttp http, JiraTicketSource source) {
    this.settings = settings;
    this.options = options;
    this.http = http;
    this.source = source;
  }

  /**
   * Signs in first (nothing else can work without it), then checks permissions and the search
   * independently, so a missing permission is reported as such and the search is still tried.
   */
  ConnectionCheck run() {
    List<ConnectionCheck.Item> items = new ArrayList<>();
    String timeZone;
    try {
      JsonNode me = http.get(http.url(options.api() + "/myself").build());
      if (!me.path("active").asBoolean(true)) {
        items.add(
            ConnectionCheck.Item.failed(
                "credentials",
                ConnectionCheck.Problem.CREDENTIALS,
                "The API user of connection '"
                    + settings.name()
                    + "' is deactivated"
                    + SERVICE_ACCOUNT_ADVICE,
                "Reactivate the API user, or set the token of an active one."));
        return new ConnectionCheck(items, null, null);
      }
      timeZone = me.path("timeZone").asText(null);
      items.add(
          ConnectionCheck.Item.passed(
              "credentials", "Signed in as " + me.path("displayName").asText("?")));
    } catch (ConnectorException e) {
      ConnectionCheck.Item failed = ConnectionCheck.Item.failed("credentials", e);
      if (failed.problem() == ConnectionCheck.Problem.CREDENTIALS)
        failed =
            ConnectionCheck.Item.failed(
                failed.name(),
                failed.problem(),
                failed.detail() + SERVICE_ACCOUNT_ADVICE,
                failed.action());
      items.add(failed);
      return new ConnectionCheck(items, null, null);
    }
    items.add(
        timeZone != null
            ? ConnectionCheck.Item.passed("time zone", timeZone)
            : ConnectionCheck.Item.failed(
                "time zone",
                ConnectionCheck.Problem.CONFIGURATION,
                "Jira reported none",
                "Set a time zone on the API user's profile: JQL dates are read in it."));
    items.addAll(permissions());
    items.add(search());
    return new ConnectionCheck(items, timeZone, null);
  }

  private List<ConnectionCheck.Item> permissions() {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("BROWSE_PROJECTS", "browse projects");
    wanted.put("ADD_COMMENTS", "add comments");
    JiraHttp.Answer answer;
    try {
      answer =
          http.send(
              new Request.Builder()
                  .url(
                      http.url(options.api() + "/mypermissions")
                          .addQueryParameter("permissions", String.join(",", wanted.keySet()))
                          .build())
                  .get(),
              true,
              java.util.Set.of(403));
    } catch (ConnectorException e) {
      return List.of(ConnectionCheck.Item.failed("permissions", e));
    }
    if (!answer.ok())
      return List.of(
          ConnectionCheck.Item.failed(
              "permissions",
              answer.status() == 403
                  ? ConnectionCheck.Problem.PERMISSION
                  : ConnectionCheck.Problem.CONFIGURATION,
              "Jira answered "
                  + answer.status()
                  + " to mypermissions: "
                  + JiraHttp.abbreviate(answer.text()),
              "Grant the API user Browse projects and Add comments in the projects' permission"
                  + " scheme."));
    List<ConnectionCheck.Item> items = new ArrayList<>();
    wanted.forEach(
        (key, name) -> {
          boolean have =
              answer.body().path("permissions").path(key).path("havePermission").asBoolean();
          items.add(
              have
                  ? ConnectionCheck.Item.passed(name, "granted")
                  : ConnectionCheck.Item.failed(
                      name,
                      ConnectionCheck.Problem.PERMISSION,
                      "missing permission " + key + " for the API user",
                      "Ask a Jira admin to grant "
                          + key
                          + " to the API user (or its group) in the permission scheme of the"
                          + " projects you sync."));
        });
    return items;
  }

  private ConnectionCheck.Item search() {
    try {
      String jql = source.baseJql() + " AND updated >= -1d";
      if (options.dataCenter()) {
        http.get(
            http.url("/rest/api/2/search")
                .addQueryParameter("jql", jql)
                .addQueryParameter("maxResults", "1")
                .addQueryParameter("fields", "id")
                .build());
      } else {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jql", jql);
        body.put("fields", List.of("id"));
        body.put("maxResults", 1);
        JiraHttp.Answer answer =
            http.send(
                new Request.Builder()
                    .url(http.url("/rest/api/3/search/jql").build())
                    .post(http.json(body)),
                true,
                java.util.Set.of(403));
        if (!answer.ok()) {
          return ConnectionCheck.Item.failed(
              "search",
              answer.status() == 403
                  ? ConnectionCheck.Problem.PERMISSION
                  : ConnectionCheck.Problem.CONFIGURATION,
              "search answered " + answer.status() + ": " + JiraHttp.abbreviate(answer.text()),
              answer.status() == 400
                  ? "Fix the connection's jql or projects option: Jira refused the filter."
                  : "Grant the API user Browse projects on the projects you sync.");
        }
      }
      return ConnectionCheck.Item.passed("search", "JQL search reachable");
    } catch (ConnectorException e) {
      return ConnectionCheck.Item.failed("search", e);
    }
  }
}
