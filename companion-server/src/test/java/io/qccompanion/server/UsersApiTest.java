package io.qccompanion.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void adminCreatesTeamAgentAndAgentUser() {
    var admin = app.as(Role.ADMIN);
    var team = admin.post("/api/v1/teams", Map.of("name", "Billing"));
    assertThat(team.status()).isEqualTo(201);
    var agent =
        admin.post(
            "/api/v1/agents",
            Map.of("name", "Ana Lopez", "teamId", team.json().get("id").asText()));
    assertThat(agent.status()).isEqualTo(201);
    var user =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email",
                "ana@example.test",
                "name",
                "Ana",
                "role",
                "AGENT",
                "password",
                "long enough pw",
                "agentId",
                agent.json().get("id").asText()));
    assertThat(user.status()).isEqualTo(201);
    assertThat(user.json().get("agentId").asText()).isEqualTo(agent.json().get("id").asText());
    assertThat(user.text()).doesNotContain("password");
  }

  @Test
  void nonAdminCannotCreateUsers() {
    var answer =
        app.as(Role.MANAGER)
            .post("/api/v1/users", Map.of("email", "x@y.z", "name", "x", "role", "QC"));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anonymousCallerGets401() {
    assertThat(app.anonymous().get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void badInputNamesTheField() {
    var admin = app.as(Role.ADMIN);
    var wrongRole =
        admin.post("/api/v1/users", Map.of("email", "a@b.c", "name", "A", "role", "BOSS"));
    assertThat(wrongRole.status()).isEqualTo(400);
    assertThat(wrongRole.json().get("field").asText()).isEqualTo("/role");

    var unknownField = admin.post("/api/v1/teams", Map.of("name", "T", "colour", "red"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get("field").asText()).isEqualTo("/colour");

    var malformed = admin.post("/api/v1/teams", "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    var wrongType =
        admin.post(
            "/api/v1/users",
            Map.of("email", "a@b.c", "name", "A", "role", "QC", "weeklyCapacity", "lots"));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("field").asText()).isEqualTo("/weeklyCapacity");

    var unknownTeam = admin.post("/api/v1/agents", Map.of("name", "Bo", "teamId", "nope"));
    assertThat(unknownTeam.status()).isEqualTo(400);
    assertThat(unknownTeam.json().get("field").asText()).isEqualTo("/teamId");
  }

  @Test
  void loginSessionRequiresCsrfOnWrites() throws Exception {
    var admin = app.as(Role.ADMIN);
    admin.post(
        "/api/v1/users",
        Map.of(
            "email",
            "lead@example.test",
            "name",
            "Lead",
            "role",
            "QC_LEAD",
            "password",
            "long enough pw"));
    var http = new okhttp3.OkHttpClient();
    var json = okhttp3.MediaType.get("application/json");
    var login =
        http.newCall(
                new okhttp3.Request.Builder()
                    .url(app.baseUrl() + "/api/v1/auth/login")
                    .post(
                        okhttp3.RequestBody.create(
                            "{\"email\":\"lead@example.test\",\"password\":\"long enough pw\"}",
                            json))
                    .build())
            .execute();
    assertThat(login.code()).isEqualTo(200);
    String setCookie = login.header("Set-Cookie");
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf =
        io.qccompanion.server.domain.Json.MAPPER
            .readTree(login.body().string())
            .get("csrfToken")
            .asText();

    var withoutCsrf =
        http.newCall(
                new okhttp3.Request.Builder()
                    .url(app.baseUrl() + "/api/v1/me/tokens")
                    .header("Cookie", cookie)
                    .post(okhttp3.RequestBody.create("{\"name\":\"x\"}", json))
                    .build())
            .execute();
    assertThat(withoutCsrf.code()).isEqualTo(403);
    var withCsrf =
        http.newCall(
                new okhttp3.Request.Builder()
                    .url(app.baseUrl() + "/api/v1/me/tokens")
                    .header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf)
                    .post(okhttp3.RequestBody.create("{\"name\":\"x\"}", json))
                    .build())
            .execute();
    assertThat(withCsrf.code()).isEqualTo(201);
  }

  @Test
  void wrongPasswordIsRejected() {
    var answer =
        app.anonymous()
            .post("/api/v1/auth/login", Map.of("email", "nobody@x.y", "password", "whatever123"));
    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void revokedTokenStopsWorking() {
    var admin = app.as(Role.ADMIN);
    var created = admin.post("/api/v1/me/tokens", Map.of("name", "script")).json();
    String id = created.get("info").get("id").asText();
    assertThat(admin.delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
    var stored =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery("SELECT token_hash FROM api_tokens WHERE id = ?")
                        .bind(0, id)
                        .mapTo(String.class)
                        .one());
    assertThat(stored).isNotEqualTo(created.get("token").asText()).hasSize(64);
  }
}
