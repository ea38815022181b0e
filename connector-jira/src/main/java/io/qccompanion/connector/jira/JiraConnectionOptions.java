package io.qccompanion.connector.jira;

import static io.qccompanion.model.ConnectionOption.Type.CHOICE;
import static io.qccompanion.model.ConnectionOption.Type.INTEGER;
import static io.qccompanion.model.ConnectionOption.Type.STRING;
import static io.qccompanion.model.ConnectionOption.Type.TEXT;
import static io.qccompanion.model.ConnectionOption.Type.URL;

import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.connector.http.RetryLoop;
import io.qccompanion.model.ConnectionOption;
import java.util.List;
import java.util.stream.Stream;

/** The options {@link JiraOptions} and {@link ForgeTokenVerifier} read, as declared to admins. */
final class JiraConnectionOptions {
  private JiraConnectionOptions() {}

  static final List<ConnectionOption> ALL =
      Stream.of(
              Stream.of(
                  option("flavor", CHOICE, "cloud")
                      .choices(List.of("cloud", "jsm", "dc"))
                      .help(
                          "cloud (v3 API), jsm (cloud plus Service Management notes and CSAT), dc.")
                      .build(),
                  option("jql", STRING, null)
                      .help("Custom filter; the connector adds the updated window and the order.")
                      .build(),
                  option("projects", STRING, null)
                      .help(
                          "Comma-separated project keys for the default Done filter; empty = all.")
                      .build(),
                  option("field.team", STRING, null)
                      .help(
                          "Field whose value is the team, e.g. customfield_10100; default the project.")
                      .build(),
                  option("field.channel", STRING, null)
                      .help("Field whose value is the channel; default the issue type.")
                      .build(),
                  option("visibility.type", CHOICE, "role")
                      .choices(List.of("role", "group"))
                      .help("Restrict the QC comment to a role or a group.")
                      .build(),
                  option("visibility.value", STRING, "Administrators")
                      .help("Role or group name the QC comment is visible to.")
                      .build(),
                  option("labels.graded", STRING, "qc-graded")
                      .help("Label added to every graded issue; empty for none.")
                      .build(),
                  option("labels.fail", STRING, "qc-fail").help("Label added on a fail.").build(),
                  option("field.score", STRING, null)
                      .help("Numeric custom field receiving the score percent.")
                      .build(),
                  option("property", STRING, "qc-companion")
                      .help("Issue property holding the idempotency keys of written notes.")
                      .build(),
                  option("panel.appId", STRING, null)
                      .help(
                          "Forge app id, the expected aud of Forge invocation tokens; needed for the panel.")
                      .build(),
                  option("panel.jwksUrl", URL, ForgeTokenVerifier.DEFAULT_JWKS_URL)
                      .help("JWKS for Forge invocation token signatures.")
                      .build(),
                  option("panel.jwks", TEXT, null)
                      .help("Inline JWKS JSON instead of the URL.")
                      .build(),
                  option("http.timeoutSeconds", INTEGER, "30")
                      .help("Read and write timeout.")
                      .build(),
                  option("field.satisfaction", STRING, null)
                      .help("Id of the JSM Satisfaction field; CSAT is then read with the search.")
                      .build()),
              RetryLoop.Policy.options(JiraHttp.MAX_RETRY_AFTER).stream(),
              RequestBudget.OPTIONS.stream())
          .flatMap(options -> options)
          .toList();

  private static ConnectionOption.Builder option(
      String name, ConnectionOption.Type type, String defaultValue) {
    return ConnectionOption.builder(name).type(type).defaultValue(defaultValue);
  }
}
