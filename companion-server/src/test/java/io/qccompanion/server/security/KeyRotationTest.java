package io.qccompanion.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Cli;
import io.qccompanion.server.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rotate-key} re-encrypts every stored secret under the new key (the server then starts and
 * decrypts with it) and changes nothing when the key it is given as current is wrong.
 */
class KeyRotationTest {
  private static final String OLD = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String NEW = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";
  private static final String WRONG = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCA=";
  @TempDir Path dir;

  @Test
  void rotatesEverySecretAndRefusesAWrongCurrentKey() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("qc.db");
    String id;
    List<String> before;
    try (TestApp app = start(url, OLD)) {
      var created =
          app.as(Role.ADMIN)
              .post(
                  "/api/v1/connections",
                  Map.of(
                      "name", "acme",
                      "host", "zendesk",
                      "baseUrl", "https://acme.zendesk.com",
                      "authKind", "API_TOKEN",
                      "username", "svc-qc@acme.test",
                      "secret", "zd-secret-token-123",
                      "webhookSecret", "hook-secret"));
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      id = created.json().at("/connection/id").asText();
      before = sealed(app);
    }
    assertThat(before).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1:"));
    Path newKey = dir.resolve("new.key");
    Files.writeString(newKey, NEW + "\n");

    assertThat(Cli.run(dir, "rotate-key", url, WRONG, "--new-key-file", newKey.toString()))
        .isEqualTo(2);
    try (TestApp app = start(url, OLD)) {
      assertThat(sealed(app)).isEqualTo(before);
    }

    assertThat(Cli.run(dir, "rotate-key", url, OLD, "--new-key-file", newKey.toString())).isZero();
    try (TestApp app = start(url, NEW)) {
      assertThat(sealed(app)).doesNotContainAnyElementsOf(before);
      assertThat(app.c().connections().settings(id).auth().secret())
          .isEqualTo("zd-secret-token-123");
      assertThat(app.c().connections().webhookSecret(id)).contains("hook-secret");
    }
  }

  private static TestApp start(String url, String key) {
    return TestApp.start(new TestApp.MutableClock(Instant.now()), url, b -> b.secretKey(key));
  }

  private static List<String> sealed(TestApp app) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery(
                        "SELECT secret_enc FROM connections UNION ALL"
                            + " SELECT webhook_secret_enc FROM connections")
                    .mapTo(String.class)
                    .list());
  }
}
