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

  ConnectionCheck run() {
    List<ConnectionCheck.Item> items = new ArrayList<>();
    String timeZone = null;
    try {
      JsonNode me = http.get(http.url(options.api() + "/myself").build());
      if (!me.path("active").asBoolean(true)) {
        items.add(
            new ConnectionCheck.Item(
                "credentials",
                false,
                "The API user of connection '"
                    + settings.name()
                    + "' is deactivated"
                    + SERVICE_ACCOUNT_ADVICE));
        return new ConnectionCheck(items, null, null);
      }
      timeZone = me.path("timeZone").asText(null);
      items.add(
          new ConnectionCheck.Item(
              "credentials", true, "Signed in as " + me.path("displayName").asText("?")));
      items.add(
          new ConnectionCheck.Item(
              "time zone", timeZone != null, timeZone == null ? "Jira reported none" : timeZone));
      items.addAll(permissions());
      items.add(search());
    } catch (ConnectorException e) {
      String detail = e.getMessage();
      if (e.credentialsInvalid()) detail += SERVICE_ACCOUNT_ADVICE;
      items.add(new ConnectionCheck.Item("credentials", false, detail));
    }
    return new ConnectionCheck(items, timeZone, null);
  }

  private List<ConnectionCheck.Item> permissions() throws ConnectorException {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("BROWSE_PROJECTS", "browse projects");
    wanted.put("ADD_COMMENTS", "add comments");
    JsonNode answer =
        http.get(
            http.url(options.api() + "/mypermissions")
                .addQueryParameter("permissions", String.join(",", wanted.keySet()))
                .build());
    List<ConnectionCheck.Item> items = new ArrayList<>();
    wanted.forEach(
        (key, name) -> {
          boolean have = answer.path("permissions").path(key).path("havePermission").asBoolean();
          items.add(
              new ConnectionCheck.Item(
                  name,
                  have,
                  have ? "granted" : "missing permission " + key + " for the API user"));
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
                java.util.Set.of());
        if (!answer.ok()) {
          return new ConnectionCheck.Item(
              "search", false, "search answered " + answer.status() + ": " + answer.text());
        }
      }
      return new ConnectionCheck.Item("search", true, "JQL search reachable");
    } catch (ConnectorException e) {
      return new ConnectionCheck.Item("search", false, e.getMessage());
    }
  }
}
