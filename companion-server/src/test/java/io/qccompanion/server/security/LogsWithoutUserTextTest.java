package io.qccompanion.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A write that fails inside the database is logged (with its stack trace) without the text the user
 * sent and without the statement's bound arguments.
 */
class LogsWithoutUserTextTest {
  private static final String USER_TEXT = "Margarethe Privatname 0151-2345678";
  @TempDir java.nio.file.Path dir;

  @Test
  void aFailingWriteLogsNeitherUserTextNorSqlArguments() {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var captured = new ListAppender<ILoggingEvent>();
    captured.start();
    root.addAppender(captured);
    try (TestApp app =
        TestApp.start(
            new TestApp.MutableClock(Instant.now()), "jdbc:sqlite:" + dir.resolve("qc.db"))) {
      // the database itself refuses the row, as a full disk or a constraint would
      app.c()
          .db()
          .run(
              h ->
                  h.execute(
                      "CREATE TRIGGER refuse_teams BEFORE INSERT ON teams"
                          + " BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END"));
      var answer = app.as(Role.ADMIN).post("/api/v1/teams", Map.of("name", USER_TEXT));
      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.text()).doesNotContain(USER_TEXT);
    } finally {
      root.detachAppender(captured);
    }
    String logged =
        captured.list.stream()
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
            .collect(Collectors.joining("\n"));
    assertThat(logged).contains("unexpected failure on POST /api/v1/teams");
    assertThat(logged).contains("refused by test trigger");
    assertThat(logged).doesNotContain(USER_TEXT).doesNotContain("Privatname");
    assertThat(logged).doesNotContainIgnoringCase("arguments:");
  }
}
