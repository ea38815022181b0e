package io.qccompanion.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The PostgreSQL the tests run on is a supported major version (14 left support in Nov 2026). */
@Tag("postgres")
class EmbeddedPostgresVersionTest {

  @Test
  void testsRunOnPostgresSixteenOrNewer() throws Exception {
    try (var c =
            DriverManager.getConnection(TestDatabases.freshPostgresDatabase(), "postgres", "");
        var rs = c.createStatement().executeQuery("SHOW server_version_num")) {
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(160000);
    }
  }
}
