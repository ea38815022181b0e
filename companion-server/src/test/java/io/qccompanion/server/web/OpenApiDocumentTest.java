package io.qccompanion.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.testing.RequestStrings;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  // HTML pages and their assets are documented in docs/pages.md, not in the API document.
  private static final Set<String> OPS = Set.of("/health", "/ready", "/metrics");

  /**
   * Every request body is described field by field, and the fields are those of the record the
   * handler reads (Bodies.read rejects any other field, so the document must not offer one).
   */
  @Test
  void everyRequestBodyIsFullyDescribedByTheRecordItIsReadInto() throws Exception {
    var doc = new OpenApiDocument("test").json();
    var root = io.qccompanion.server.domain.Json.MAPPER.readTree(doc);
    var schemas = root.at("/components/schemas");
    List<String> bare = new ArrayList<>();
    root.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          var schema =
                              op.getValue().at("/requestBody/content/application~1json/schema");
                          if (schema.isMissingNode()) return;
                          var resolved =
                              schema.has("$ref")
                                  ? schemas.get(
                                      schema
                                          .get("$ref")
                                          .asText()
                                          .replace("#/components/schemas/", ""))
                                  : schema;
                          if (resolved == null || !resolved.has("properties"))
                            bare.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                        }));
    assertThat(bare).as("request bodies without properties").isEmpty();
    Map<String, String> records =
        Map.ofEntries(
            Map.entry("ActionPlanRequest", "coaching.ActionPlans$Draft"),
            Map.entry("CoachingSessionRequest", "coaching.CoachingSessions$Draft"),
            Map.entry("TrainingRequest", "coaching.TrainingRecords$Draft"),
            Map.entry("SelfReviewRequest", "coaching.SelfReviews$Draft"),
            Map.entry("EscalationRaise", "compliance.ComplianceRoutes$Raise"),
            Map.entry("EscalationChange", "compliance.ComplianceEscalations$EscalationChange"),
            Map.entry("DisputeRequest", "disputes.DisputeRoutes$DisputeRequest"),
            Map.entry("DisputeResolution", "disputes.DisputeRoutes$Resolution"),
            Map.entry("EvaluationRef", "disputes.DisputeRoutes$EvaluationRef"),
            Map.entry("FeedbackResponse", "disputes.DisputeRoutes$Response"),
            Map.entry("DisputeRules", "disputes.DisputeRules"),
            Map.entry("CalibrationRequest", "calibration.CalibrationRoutes$Create"),
            Map.entry("BenchmarkRequest", "calibration.CalibrationRoutes$Benchmark"),
            Map.entry("RetentionSettings", "retention.RetentionRoutes$Settings"),
            Map.entry("AuditPackClause", "auditpack.AuditPackRoutes$ClauseRequest"),
            Map.entry("TargetsRequest", "summaries.TargetRoutes$TargetsRequest"),
            Map.entry("ProductionExceptionChange", "summaries.ProductionRoutes$ExceptionChange"),
            Map.entry("AgentChange", "users.AgentRoutes$AgentChange"),
            Map.entry("AgentLink", "users.AgentRoutes$LinkRequest"),
            Map.entry("TeamChange", "users.AgentRoutes$TeamChange"),
            Map.entry("Answer", "scoring.Answer"));
    for (var e : records.entrySet()) {
      Class<?> type = Class.forName("io.qccompanion.server." + e.getValue());
      Set<String> fields = new TreeSet<>();
      for (var c : type.getRecordComponents()) fields.add(c.getName());
      Set<String> documented = new TreeSet<>();
      schemas.at("/" + e.getKey() + "/properties").fieldNames().forEachRemaining(documented::add);
      assertThat(documented).as(e.getKey() + " vs " + e.getValue()).isEqualTo(fields);
    }
  }

  /**
   * Every string a client sends (body property, query or path parameter) has a {@code maxLength}
   * within the server's ceiling; an {@code enum} bounds itself. The server enforces exactly these
   * (BodyLimits reads this document; workflows.MaxLengthTest sends one character more).
   */
  @Test
  void everyStringOfEveryRequestHasAMaxLength() throws Exception {
    var strings = RequestStrings.of(Json.MAPPER.readTree(new OpenApiDocument("test").json()));
    List<String> unbounded = new ArrayList<>();
    int body = 0;
    int enumerated = 0;
    for (var s : strings) {
      if (s.in().equals("body")) body++;
      if (s.enumerated()) enumerated++;
      else if (s.maxLength() == null || s.maxLength() < 1 || s.maxLength() > BodyLimits.MAX_STRING)
        unbounded.add(s.operation() + " " + s.in() + " " + s.name() + ": " + s.maxLength());
    }
    System.out.printf(
        "request strings: %d body properties, %d parameters, %d of them enums, %d without maxLength%n",
        body, strings.size() - body, enumerated, unbounded.size());
    assertThat(body).isGreaterThan(100);
    assertThat(unbounded).as("strings without a maxLength").isEmpty();
  }

  @Test
  void documentsExactlyTheRegisteredRoutes() {
    try (TestApp app = TestApp.start()) {
      Set<String> routes = new TreeSet<>();
      for (var parsed : app.app().javalin().unsafe.internalRouter.allHttpHandlers()) {
        HandlerType method = parsed.endpoint.method;
        if (!VERBS.contains(method.name())) continue;
        String path = parsed.endpoint.path;
        if (!path.startsWith("/api/") && !OPS.contains(path)) continue;
        routes.add(method.name() + " " + parsed.endpoint.path);
      }
      Set<String> documented = new TreeSet<>();
      var doc = app.anonymous().get("/api/v1/openapi.json").json();
      doc.get("paths")
          .fields()
          .forEachRemaining(
              path ->
                  path.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          verb ->
                              documented.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey())));
      assertThat(documented).containsExactlyElementsOf(routes);
      assertThat(doc.get("openapi").asText()).startsWith("3.");
    }
  }
}
