package io.qccompanion.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Callers are cached for a few seconds; every change to a user or a credential shows at once. */
class CallerChangesTest {
  static TestApp app;
  static Api admin;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    admin = app.as(Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String idOf(Api client) {
    return client.get("/api/v1/me").json().get("id").asText();
  }

  @Test
  void aRoleChangeAppliesToTheNextRequest() {
    Api qc = app.as(Role.QC);
    assertThat(qc.get("/api/v1/users").status()).isEqualTo(403); // cached as QC
    var promoted = admin.patch("/api/v1/users/" + idOf(qc), Map.of("role", "ADMIN"));
    assertThat(promoted.status()).as(promoted.text()).isEqualTo(200);
    assertThat(qc.get("/api/v1/users").status()).isEqualTo(200);
  }

  @Test
  void aDeactivationLocksOutTheNextRequest() {
    Api qc = app.as(Role.QC);
    assertThat(qc.get("/api/v1/me").status()).isEqualTo(200);
    var off = admin.patch("/api/v1/users/" + idOf(qc), Map.of("active", false));
    assertThat(off.status()).as(off.text()).isEqualTo(200);
    assertThat(qc.get("/api/v1/me").status()).isEqualTo(401);
  }

  @Test
  void aRevokedTokenIsRefusedOnTheNextRequest() {
    Api qc = app.as(Role.QC);
    String tokenId = qc.get("/api/v1/me/tokens").json().at("/items/0/id").asText();
    assertThat(qc.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(qc.delete("/api/v1/me/tokens/" + tokenId).status()).isIn(200, 204);
    var after = qc.get("/api/v1/me");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.text()).contains("unknown or revoked");
  }
}
