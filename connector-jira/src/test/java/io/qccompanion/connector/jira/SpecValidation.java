package io.qccompanion.connector.jira;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Validates every request the connector sends against the official OpenAPI documents copied into
 * test resources; a violation fails the test. Jira Data Center ({@code /rest/api/2}) has no
 * published OpenAPI document, so its requests are counted but not validated.
 */
final class SpecValidation implements Interceptor {
  private static final OpenApiInteractionValidator PLATFORM =
      validator(load("/jira-cloud-platform-v3.json"));
  private static final OpenApiInteractionValidator SERVICE_DESK =
      validator(uniqueOperationIds(withBasicAuth(load("/jira-service-management.json"))));

  static final List<String> violations = new CopyOnWriteArrayList<>();
  static final List<String> unvalidated = new CopyOnWriteArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String path = request.url().encodedPath();
    OpenApiInteractionValidator validator =
        path.startsWith("/rest/api/3/")
            ? PLATFORM
            : path.startsWith("/rest/servicedeskapi/") ? SERVICE_DESK : null;
    if (validator == null) {
      // Data Center v2 and the Forge JWKS are not described by the copied documents.
      unvalidated.add(request.method() + " " + path);
      return chain.proceed(request);
    }
    SimpleRequest.Builder built = new SimpleRequest.Builder(Method.valueOf(request.method()), path);
    request.headers().forEach(h -> built.withHeader(h.getFirst(), h.getSecond()));
    for (String name : request.url().queryParameterNames()) {
      built.withQueryParam(name, request.url().queryParameterValues(name));
    }
    if (request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      built.withBody(buffer.readString(StandardCharsets.UTF_8));
      built.withContentType("application/json");
    }
    ValidationReport report = validator.validateRequest(built.build());
    if (report.hasErrors()) {
      String message = request.method() + " " + path + ": " + report.getMessages();
      violations.add(message);
      throw new AssertionError("request violates the Jira spec: " + message);
    }
    return chain.proceed(request);
  }

  private static OpenApiInteractionValidator validator(String spec) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
        .withLevelResolver(
            LevelResolver.create()
                // We validate what we send; answers come from our own stubs and simulator.
                .withLevel("validation.response", Level.IGNORE)
                .build())
        .build();
  }

  private static String load(String resource) {
    try (InputStream in = SpecValidation.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSM document repeats some operationIds (e.g. the knowledge base and organization GETs),
   * which the parser rejects; operation ids play no part in request validation, so duplicates get a
   * suffix.
   */
  private static String uniqueOperationIds(String spec) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = (ObjectNode) mapper.readTree(spec);
      java.util.Set<String> seen = new java.util.HashSet<>();
      root.path("paths")
          .forEach(
              path ->
                  path.forEach(
                      op -> {
                        if (op.isObject() && op.has("operationId")) {
                          String id = op.path("operationId").asText();
                          while (!seen.add(id)) id = id + "_";
                          ((ObjectNode) op).put("operationId", id);
                        }
                      }));
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSM document declares no security scheme although the service takes Basic auth. */
  private static String withBasicAuth(String spec) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode root = (ObjectNode) mapper.readTree(spec);
      ((ObjectNode) root.with("components").with("securitySchemes"))
          .putObject("basicAuth")
          .put("type", "http")
          .put("scheme", "basic");
      root.putArray("security").addObject().putArray("basicAuth");
      return mapper.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
