package io.qccompanion.connector.zendesk;

import static io.qccompanion.model.ConnectionOption.Type.INTEGER;
import static io.qccompanion.model.ConnectionOption.Type.STRING;
import static io.qccompanion.model.ConnectionOption.Type.TEXT;
import static io.qccompanion.model.ConnectionOption.Type.URL;

import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.connector.http.RetryLoop;
import io.qccompanion.model.ConnectionOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The options {@link ZendeskOptions} and {@link PanelTokenVerifier} read, as declared to admins.
 */
final class ZendeskConnectionOptions {
  private ZendeskConnectionOptions() {}

  static final List<ConnectionOption> ALL =
      Stream.of(
              Stream.of(
                  option("export.requestsPerMinute", INTEGER, "10")
                      .help(
                          "Requests per minute for the incremental export: 10, or 30 with the High Volume"
                              + " API add-on; 0 switches the limiter off.")
                      .build(),
                  option("export.perPage", INTEGER, "1000")
                      .help("Tickets per export page (Zendesk's maximum is 1000).")
                      .build(),
                  option("conversations", ConnectionOption.Type.BOOLEAN, "true")
                      .help("Read every ticket's comments in bulk with the ticket event export.")
                      .build(),
                  option("conversations.lookbackDays", INTEGER, "30")
                      .help(
                          "Days before the first export start the comment read begins, for comments"
                              + " of tickets solved shortly after it.")
                      .build(),
                  option("field.handleTime", STRING, null)
                      .help("Id of a numeric ticket field holding handle time in seconds.")
                      .build(),
                  option("field.score", STRING, null)
                      .help("Id of a numeric ticket field that receives the score percent.")
                      .build(),
                  option("field.status", STRING, null)
                      .help("Id of a drop-down ticket field that receives qc_pass or qc_fail.")
                      .build(),
                  option("tags.graded", STRING, "qc_graded")
                      .help("Tag added to every graded ticket.")
                      .build(),
                  option("tags.fail", STRING, "qc_fail")
                      .help("Tag added when the evaluation failed.")
                      .build(),
                  option("panel.publicKey", TEXT, null)
                      .help(
                          "PEM public key of the sidebar app (signed URLs); needed for panel login.")
                      .build(),
                  option("panel.audience", URL, null)
                      .help("Expected aud of the panel token: the app installation URL.")
                      .build(),
                  option("panel.issuer", STRING, null)
                      .help("Expected iss of the panel token; defaults to the base URL's host.")
                      .build(),
                  option("http.connectTimeoutMillis", INTEGER, "10000")
                      .help("Connect timeout.")
                      .build(),
                  option("http.readTimeoutMillis", INTEGER, "60000")
                      .help("Read and write timeout.")
                      .build()),
              RetryLoop.Policy.options(ZendeskHttp.MAX_RETRY_AFTER).stream(),
              RequestBudget.OPTIONS.stream())
          .flatMap(options -> options)
          .toList();

  private static ConnectionOption.Builder option(
      String name, ConnectionOption.Type type, String defaultValue) {
    return ConnectionOption.builder(name).type(type).defaultValue(defaultValue);
  }
}
