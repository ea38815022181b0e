package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A migration never changes after it lands: a database created from the landed file would fail
 * Flyway's checksum validation. Change the schema with a new migration instead, and add each
 * migration here (with {@code sha256sum}) in the change that lands it. See docs/architecture.md.
 */
class LandedMigrationsTest {
  // Landed with stop 9 (main at cfa44cd), the only landing so far.
  static final Map<String, String> LANDED =
      Map.of(
          "V1__core.sql", "1fd2ecf6124410784dd688b60c50f9c260f03c0d23ce78ec05cbac86344584c4",
          "V2__scorecards_evaluations_sampling.sql",
              "db5a781e4e70557e67067c251a458f0431e77fb666f2c3c4cc307fb1646597a2",
          "V10__evaluation_flags.sql",
              "44ee2579507632041532cc0ebfc19f651d4b22b350274807be4f37664e510bed",
          "V20__sampling_replacements.sql",
              "86b982a6e81c229d153dd64115b9d5293a75923a83ca609a0bfc838aff574b1c",
          "V30__summaries_targets_production.sql",
              "ba0b2e0aa4723197d4f380676df5e57a3465c462c0c33b2813131cee993adf52",
          "V31__quality_aggregate_version.sql",
              "c8abb7a51919c4e389fa1f8566fea05638155c677090a217da7f7ec3310800ae",
          "V40__workflows.sql", "b14e0cadca58394eca56b1a2bd6b7a1ec6bc0302fd0f760bb0c8a8b5feb714ca",
          "V50__outbox_steps.sql",
              "6ba00199b477ec3f85467e5db6caae205f2575631b567ea10754b3f902322a43",
          "V51__messages.sql", "9d0cfa2185c59ea62e8df09e074f567c7db7a310ba9243916afcc93c3a4cafaf",
          "V100__quality_agent_version.sql",
              "eb87a1822288d00ee452fef459eb528cd669d09251e93900c3e8becf17b9a89e");

  @Test
  void landedMigrationsAreUnchanged() throws IOException {
    for (var landed : LANDED.entrySet()) {
      assertThat(sha256("db/migration/" + landed.getKey()))
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
