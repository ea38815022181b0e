package io.qccompanion.connector.zendesk;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Validates every request the connector sends against the official Zendesk Support API description
 * copied into test resources, failing the test on a violation. Only the gaps listed in
 * api-specs/README.md are tolerated, each for the exact path it concerns.
 */
final class SpecValidation implements Interceptor {
  private static final OpenApiInteractionValidator VALIDATOR = load();

  /** The HTTP factory every test uses: the real layer plus this validator. */
  static final ZendeskHttp.Factory HTTP =
      ZendeskHttp.Factory.withInterceptors(List.of(new SpecValidation()));

  /**
   * Parsed directly because the document has one schema defect the strict loader refuses ({@code
   * ConversationLogObject} is an array without {@code items}); it concerns no endpoint we call.
   */
  private static OpenApiInteractionValidator load() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(false);
    OpenAPI api =
        new OpenAPIV3Parser()
            .read(
                SpecValidation.class.getResource("/zendesk-support.yaml").toString(),
                null,
                options);
    return OpenApiInteractionValidator.createFor(api).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    List<String> violations = violations(request);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "request violates the Zendesk spec: "
              + request.method()
              + " "
              + request.url().encodedPath()
              + "\n  "
              + String.join("\n  ", violations));
    }
    return chain.proceed(request);
  }

  static List<String> violations(Request request) throws IOException {
    HttpUrl url = request.url();
    // Gap: every path also answers with a .json suffix (next_page/after_url links use it).
    String path = url.encodedPath().replaceFirst("\\.json$", "");
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), path);
    for (String name : url.queryParameterNames()) {
      builder.withQueryParam(name, url.queryParameterValues(name));
    }
    request.headers().names().forEach(name -> builder.withHeader(name, request.headers(name)));
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      builder.withBody(buffer.readUtf8());
      builder.withContentType(String.valueOf(request.body().contentType()));
    }
    ValidationReport report = VALIDATOR.validateRequest(builder.build());
    boolean bearer = String.valueOf(request.header("Authorization")).startsWith("Bearer ");
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !knownGap(m, path, url, bearer))
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.toList());
  }

  /**
   * The undeclared export query parameters ({@code per_page}, {@code include}) need no entry: the
   * validator does not report query parameters a path does not declare.
   */
  private static boolean knownGap(
      ValidationReport.Message m, String path, HttpUrl url, boolean bearer) {
    String key = m.getKey();
    // Gap: start_time is optional on the cursor export once a cursor is given.
    if (path.equals("/api/v2/incremental/tickets/cursor")
        && key.equals("validation.request.parameter.query.missing")
        && url.queryParameter("cursor") != null
        && m.getMessage().contains("start_time")) {
      return true;
    }
    // Gap: OAuth Bearer tokens are accepted besides the declared Basic scheme.
    if (bearer && key.startsWith("validation.request.security")) return true;
    // Gap: the tags endpoints take a {"tags": [..]} body the document does not declare.
    if (path.matches("/api/v2/tickets/\\d+/tags") && key.startsWith("validation.request.body")) {
      return true;
    }
    // Gap (not yet in api-specs/README.md): TicketUpdateInput forbids additional properties but
    // omits additional_tags, which Zendesk documents for ticket updates ("Updating tag lists")
    // and which lets one PUT carry the note and its tags atomically.
    if (key.equals("validation.request.body.schema.additionalProperties")
        && m.getMessage().endsWith("[\"additional_tags\"]")) {
      return true;
    }
    // Gap: custom_fields items are {id, value} objects; the document reuses the ticket-field
    // definition (id read-only, more required properties).
    if (key.startsWith("validation.request.body.schema")
        && m.getMessage().contains("custom_fields")) {
      return true;
    }
    // Gap: GET /api/v2/tickets/{ticket_id}/metrics exists but is not described (benchmark
    // baseline).
    return path.matches("/api/v2/tickets/\\d+/metrics")
        && key.equals("validation.request.path.missing");
  }
}
