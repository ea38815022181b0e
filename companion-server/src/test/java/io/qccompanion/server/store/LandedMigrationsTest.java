package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A migration never changes after it lands: a database created from the landed file would fail
 * Flyway's checksum validation. Change the schema with a new migration instead, and add each
 * migration to {@code db/landed-migrations.sha256} (a {@code sha256sum} line) in the change that
 * lands it. See docs/architecture.md.
 */
class LandedMigrationsTest {
  // "<sha256>  <file>" per landed migration, as sha256sum prints it
  static Map<String, String> landed() throws IOException {
    Map<String, String> landed = new LinkedHashMap<>();
    try (InputStream in =
        LandedMigrationsTest.class.getResourceAsStream("/db/landed-migrations.sha256")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] hashAndFile = line.trim().split("\\s+");
        landed.put(hashAndFile[1], hashAndFile[0]);
      }
    }
    return landed;
  }

  @Test
  void landedMigrationsAreUnchanged() throws IOException {
    assertThat(landed()).as("the list of landed migrations").hasSizeGreaterThanOrEqualTo(16);
    for (var landed : landed().entrySet()) {
      // a bare name is in db/migration; one per database is named by its path under db/
      String file = landed.getKey();
      assertThat(sha256(file.contains("/") ? "db/" + file : "db/migration/" + file))
          .as("%s changed after it landed; add a new migration instead", landed.getKey())
          .isEqualTo(landed.getValue());
    }
  }

  static String sha256(String resource) throws IOException {
    try (InputStream in =
        LandedMigrationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("%s is missing; a landed migration is never removed", resource).isNotNull();
      return digest(in.readAllBytes());
    }
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
