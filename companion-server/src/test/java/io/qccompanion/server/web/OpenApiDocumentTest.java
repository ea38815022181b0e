package io.qccompanion.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.qccompanion.server.testing.TestApp;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
  // HTML pages and their assets are documented in docs/pages.md, not in the API document.
  private static final Set<String> OPS = Set.of("/health", "/ready", "/metrics");

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
