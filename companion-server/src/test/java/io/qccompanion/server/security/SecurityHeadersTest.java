package io.qccompanion.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.config.SecurityOptions;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of issue 16's header, error-page and operations defects: CSP and framing rules
 * on every kind of response, HSTS behind https, Jetty's 414 and 431 as problem+json, 409 on
 * renaming a connection to a taken name, and {@code /metrics} refused without its token.
 */
class SecurityHeadersTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ZENDESK = "https://acme.zendesk.com";
  private static final String ATLASSIAN = "https://*.atlassian.net";

  @Test
  void everyKindOfResponseForbidsFramingAndSniffing() throws Exception {
    try (TestApp app = TestApp.start()) {
      for (String path :
          List.of(
              "/login",
              "/queue",
              "/dashboard",
              "/admin/connections",
              "/assets/app.js",
              "/api/v1/openapi.json",
              "/api/v1/evaluations",
              "/api/v1/no-such-route",
              "/health",
              "/ready",
              "/panelling")) {
        var r = get(app, path, Map.of());
        assertThat(r.statusCode()).as(path).isLessThan(500);
        assertThat(header(r, "Content-Security-Policy"))
            .as(path)
            .contains("default-src 'self'", "script-src 'self'", "object-src 'none'")
            .endsWith("frame-ancestors 'none'")
            .doesNotContain("unsafe-inline");
        assertThat(header(r, "X-Frame-Options")).as(path).isEqualTo("DENY");
        assertThat(header(r, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(header(r, "Referrer-Policy")).as(path).isEqualTo("same-origin");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
      }
    }
  }

  @Test
  void onlyThePanelMayBeFramedAndOnlyByTheConfiguredHosts() throws Exception {
    try (TestApp app =
        TestApp.start(
            new TestApp.MutableClock(Instant.parse("2026-11-02T09:00:00Z")),
            null,
            b -> b.security(new SecurityOptions(null, List.of(ATLASSIAN))))) {
      Api admin = app.as(Role.ADMIN);
      var created =
          admin.post(
              "/api/v1/connections",
              Map.of(
                  "name", "acme",
                  "host", "zendesk",
                  "baseUrl", ZENDESK + "/",
                  "authKind", "API_TOKEN",
                  "username", "svc@acme.test",
                  "secret", "s"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      for (String path : List.of("/panel", "/panel?ticketId=x", "/panel/conversation")) {
        var r = get(app, path, Map.of());
        assertThat(header(r, "Content-Security-Policy"))
            .as(path)
            .endsWith("frame-ancestors " + ZENDESK + " " + ATLASSIAN);
        // X-Frame-Options cannot name origins; CSP frame-ancestors decides here
        assertThat(r.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
      }
      for (String path : List.of("/queue", "/login", "/api/v1/connections")) {
        var r = get(app, path, Map.of());
        assertThat(header(r, "Content-Security-Policy"))
            .as(path)
            .endsWith("frame-ancestors 'none'");
        assertThat(header(r, "X-Frame-Options")).as(path).isEqualTo("DENY");
      }
    }
  }

  @Test
  void panelWithoutConfiguredHostsMayBeFramedByNobody() throws Exception {
    try (TestApp app = TestApp.start()) {
      var r = get(app, "/panel", Map.of());
      assertThat(header(r, "Content-Security-Policy")).endsWith("frame-ancestors 'none'");
    }
  }

  @Test
  void hstsOnlyBehindHttps() throws Exception {
    try (TestApp app = TestApp.start()) {
      assertThat(get(app, "/login", Map.of()).headers().firstValue("Strict-Transport-Security"))
          .isEmpty();
      assertThat(
              header(
                  get(app, "/login", Map.of("X-Forwarded-Proto", "https")),
                  "Strict-Transport-Security"))
          .startsWith("max-age=31536000");
    }
    try (TestApp app =
        TestApp.start(
            new TestApp.MutableClock(Instant.now()),
            null,
            b -> b.publicUrl("https://qc.example.com"))) {
      assertThat(header(get(app, "/api/v1/openapi.json", Map.of()), "Strict-Transport-Security"))
          .isEqualTo("max-age=31536000; includeSubDomains");
    }
  }

  @Test
  void jettyErrorsAreProblemJson() throws Exception {
    try (TestApp app = TestApp.start()) {
      var tooLong = get(app, "/api/v1/" + "x".repeat(20_000), Map.of());
      assertThat(tooLong.statusCode()).isEqualTo(414);
      assertThat(header(tooLong, "Content-Type")).startsWith("application/problem+json");
      assertThat(Json.MAPPER.readTree(tooLong.body()).get("status").asInt()).isEqualTo(414);
      assertThat(tooLong.body()).doesNotContain("<html");

      var hugeHeader = get(app, "/health", Map.of("X-Junk", "y".repeat(20_000)));
      assertThat(hugeHeader.statusCode()).isEqualTo(431);
      assertThat(header(hugeHeader, "Content-Type")).startsWith("application/problem+json");
      assertThat(Json.MAPPER.readTree(hugeHeader.body()).get("status").asInt()).isEqualTo(431);
    }
  }

  @Test
  void renamingAConnectionToATakenNameIsAConflict() {
    try (TestApp app = TestApp.start()) {
      Api admin = app.as(Role.ADMIN);
      String first = connection(admin, "first");
      String second = connection(admin, "second");
      var clash = admin.patch("/api/v1/connections/" + second, Map.of("name", "first"));
      assertThat(clash.status()).as(clash.text()).isEqualTo(409);
      assertThat(clash.contentType()).startsWith("application/problem+json");
      assertThat(admin.get("/api/v1/connections/" + second).json().at("/connection/name").asText())
          .isEqualTo("second");
      assertThat(admin.patch("/api/v1/connections/" + first, Map.of("name", "first")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void metricsNeedTheirTokenWhenOneIsConfigured() throws Exception {
    try (TestApp app =
        TestApp.start(
            new TestApp.MutableClock(Instant.now()),
            null,
            b -> b.security(new SecurityOptions("scrape-me", List.of())))) {
      var none = get(app, "/metrics", Map.of());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(header(none, "Content-Type")).startsWith("application/problem+json");
      assertThat(none.body()).doesNotContain("qc_");
      var wrong = get(app, "/metrics", Map.of("Authorization", "Bearer scrape-you"));
      assertThat(wrong.statusCode()).isEqualTo(401);
      // an API token of an administrator is not the metrics token either
      var admin =
          get(app, "/metrics", Map.of("Authorization", "Bearer " + app.as(Role.ADMIN).token()));
      assertThat(admin.statusCode()).isEqualTo(401);
      var right = get(app, "/metrics", Map.of("Authorization", "Bearer scrape-me"));
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(right.body()).contains("# TYPE");
    }
  }

  private static String connection(Api admin, String name) {
    var created =
        admin.post(
            "/api/v1/connections",
            Map.of(
                "name", name,
                "host", "zendesk",
                "baseUrl", "https://" + name + ".zendesk.com",
                "authKind", "API_TOKEN",
                "username", "svc@acme.test",
                "secret", "s"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().at("/connection/id").asText();
  }

  private static HttpResponse<String> get(TestApp app, String path, Map<String, String> headers)
      throws Exception {
    var b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET();
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }
}
