package io.qccompanion.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.HostIdentity;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16, login and sessions: each test reproduces one defect found from outside. */
class LoginAndSessionsTest {
  private static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger SEQ = new AtomicInteger();
  static TestApp app;
  static Api admin;
  static FakeConnector zendesk;
  static String connectionId;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    admin = app.as(Role.ADMIN);
    zendesk = new FakeConnector(FakeConnector.ZENDESK);
    app.c().connectors().register(zendesk);
    var created =
        admin.post(
            "/api/v1/connections",
            Map.of(
                "name", "acme-security",
                "host", "zendesk",
                "baseUrl", "https://acme-security.zendesk.test",
                "authKind", "API_TOKEN",
                "username", "api@acme.test",
                "secret", "s3cret",
                "webhookSecret", "hook-secret"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    connectionId = created.json().at("/connection/id").asText();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String user(Role role) {
    String email = "login" + SEQ.incrementAndGet() + "@example.test";
    var c = app.c();
    c.db()
        .write(
            h ->
                c.users()
                    .createUser(
                        h, email, "U " + email, role, PASSWORD, null, java.util.List.of(), 0));
    return email;
  }

  private static Api.Answer login(String email, String password, Map<String, String> headers) {
    return app.anonymous()
        .send(
            "POST",
            "/api/v1/auth/login",
            io.qccompanion.server.domain.Json.write(Map.of("email", email, "password", password)),
            headers);
  }

  @Test
  void wrongPasswordsLockTheAccountWithBackoff() {
    String email = user(Role.QC);
    int refused = 0;
    for (int i = 0; i < 100; i++)
      if (login(email, "wrong password " + i, Map.of()).status() == 429) refused++;
    var right = login(email, PASSWORD, Map.of());
    assertThat(right.status()).as("the right password after 100 wrong ones").isEqualTo(429);
    assertThat(refused).isGreaterThanOrEqualTo(90);
    app.clock().advance(Duration.ofMinutes(16));
    assertThat(login(email, PASSWORD, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void unknownEmailCostsTheSameWorkAsAKnownOne() {
    String email = user(Role.QC);
    long known = 0;
    long unknown = 0;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      login(email, "wrong " + i, Map.of());
      long t1 = System.nanoTime();
      login("nobody" + SEQ.incrementAndGet() + "@example.test", "wrong " + i, Map.of());
      long t2 = System.nanoTime();
      known += t1 - t0;
      unknown += t2 - t1;
    }
    app.clock().advance(Duration.ofMinutes(16));
    // before the fix: 251 ms against 3 ms; bcrypt against a dummy hash now runs either way
    assertThat((double) unknown / known).isGreaterThan(0.4);
  }

  @Test
  void passwordsOver72BytesAreRefusedNamingTheField() {
    String email = user(Role.QC);
    String longPassword = "é".repeat(37); // 74 bytes in UTF-8, 37 characters
    var answer = login(email, longPassword, Map.of());
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("/password");
    var created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "email", "long@example.test", "name", "L", "role", "QC", "password", longPassword));
    assertThat(created.status()).isEqualTo(400);
    assertThat(created.json().get("field").asText()).isEqualTo("/password");
    String id = admin.get("/api/v1/users").json().findValues("id").get(0).asText();
    var updated = admin.patch("/api/v1/users/" + id, Map.of("password", longPassword));
    assertThat(updated.status()).isEqualTo(400);
    assertThat(updated.json().get("field").asText()).isEqualTo("/password");
  }

  @Test
  void loginIsJsonFromOurOwnOriginOnly() {
    String email = user(Role.QC);
    var form =
        app.anonymous()
            .send("POST", "/api/v1/auth/login", null, Map.of("Content-Type", "text/plain"));
    assertThat(form.status()).as(form.text()).isEqualTo(415);
    assertThat(login(email, PASSWORD, Map.of("Origin", "https://evil.example")).status())
        .isEqualTo(403);
    assertThat(login(email, PASSWORD, Map.of("Sec-Fetch-Site", "cross-site")).status())
        .isEqualTo(403);
    String own = app.baseUrl();
    assertThat(
            login(email, PASSWORD, Map.of("Origin", own, "Sec-Fetch-Site", "same-origin")).status())
        .isEqualTo(200);
  }

  @Test
  void aPasswordChangeOrDeactivationEndsOtherSessionsAndTokens() {
    for (Map<String, Object> change :
        java.util.List.<Map<String, Object>>of(
            Map.of("password", "a brand new passphrase"), Map.of("active", false))) {
      String email = user(Role.QC);
      var session = login(email, PASSWORD, Map.of());
      assertThat(session.status()).isEqualTo(200);
      String id = session.json().at("/user/id").asText();
      String token = app.c().db().write(h -> app.c().tokens().create(h, id, "script").token());
      var cookie = Map.of("Cookie", "qc_session=" + cookieOf(email));
      assertThat(app.anonymous().send("GET", "/api/v1/me", null, cookie).status()).isEqualTo(200);
      assertThat(bearer(token).status()).isEqualTo(200);
      assertThat(admin.patch("/api/v1/users/" + id, change).status()).isEqualTo(200);
      assertThat(bearer(token).status()).as("token after " + change).isEqualTo(401);
      assertThat(app.anonymous().send("GET", "/api/v1/me", null, cookie).status())
          .as("session after " + change)
          .isEqualTo(401);
    }
  }

  // logs in once more and returns the session cookie value
  private static String cookieOf(String email) {
    var request =
        new okhttp3.Request.Builder()
            .url(app.baseUrl() + "/api/v1/auth/login")
            .post(
                okhttp3.RequestBody.create(
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}",
                    okhttp3.MediaType.get("application/json")))
            .build();
    try (var response = new okhttp3.OkHttpClient().newCall(request).execute()) {
      String header = response.header("Set-Cookie");
      assertThat(header).contains("qc_session=");
      return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Api.Answer bearer(String token) {
    return app.anonymous()
        .send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer " + token));
  }

  private static Api.Answer hostLogin(String token) {
    return app.anonymous()
        .send(
            "POST",
            "/api/v1/host-sessions/" + connectionId,
            null,
            Map.of("Authorization", "Bearer " + token));
  }

  private static String jwt(long iat, long exp, String jti) {
    var claims = new HashMap<String, Object>(Map.of("iat", iat, "exp", exp));
    if (jti != null) claims.put("jti", jti);
    var enc = Base64.getUrlEncoder().withoutPadding();
    return enc.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + enc.encodeToString(
            io.qccompanion.server.domain.Json.write(claims).getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void hostTokensLogInOnceWhileFreshAndEmailMatchingIsOptIn() {
    String email = user(Role.QC);
    zendesk.panelIdentity =
        HostIdentity.builder()
            .userId("zd-" + SEQ.incrementAndGet())
            .email(email)
            .ticketExternalId("1001")
            .build();
    long now = app.clock().instant().getEpochSecond();
    zendesk.validPanelToken = jwt(now, now + 300, "first");
    assertThat(hostLogin(zendesk.validPanelToken).status())
        .as("an unlinked user is not matched by e-mail by default")
        .isEqualTo(403);
    var policy =
        admin.put(
            "/api/v1/connections/" + connectionId + "/host-login", Map.of("matchEmail", true));
    assertThat(policy.status()).as(policy.text()).isEqualTo(200);
    zendesk.validPanelToken = jwt(now, now + 300, "second");
    assertThat(hostLogin(zendesk.validPanelToken).status()).isEqualTo(200);
    assertThat(hostLogin(zendesk.validPanelToken).status()).as("replayed").isEqualTo(401);
    zendesk.validPanelToken = jwt(now - 600, now + 300, "old");
    assertThat(hostLogin(zendesk.validPanelToken).status()).as("10 minutes old").isEqualTo(401);
    zendesk.validPanelToken = jwt(now, now + 10L * 365 * 24 * 3600, "forever");
    assertThat(hostLogin(zendesk.validPanelToken).status()).as("10-year expiry").isEqualTo(401);
    admin.put("/api/v1/connections/" + connectionId + "/host-login", Map.of("matchEmail", false));
  }

  @Test
  void webhookDeliveriesAreDeduplicatedAndTimeBounded() {
    var signed = new HashMap<String, String>(Map.of("x-test-signature", "sig:hook-secret"));
    String body = "{\"ticket\":" + SEQ.incrementAndGet() + "}";
    String path = "/api/v1/webhooks/" + connectionId;
    assertThat(app.anonymous().send("POST", path, body, signed).status()).isEqualTo(202);
    var again = app.anonymous().send("POST", path, body, signed);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    signed.put("x-test-timestamp", app.clock().instant().minus(Duration.ofHours(1)).toString());
    assertThat(app.anonymous().send("POST", path, "{\"ticket\":0}", signed).status())
        .as("an hour-old delivery")
        .isEqualTo(401);
    String old =
        "{\"timestamp\":" + app.clock().instant().minus(Duration.ofDays(30)).toEpochMilli() + "}";
    assertThat(
            app.anonymous()
                .send("POST", path, old, Map.of("x-test-signature", "sig:hook-secret"))
                .status())
        .as("a month-old body timestamp, as Jira sends")
        .isEqualTo(401);
  }
}
