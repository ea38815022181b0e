package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Even at DEBUG, with retries and failures, no log line or error carries the token. */
class SecretRedactionTest {

  @Test
  void neverLogsOrReportsTheApiToken() {
    Logger logger = (Logger) LoggerFactory.getLogger("io.qccompanion");
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    try (var zendesk =
        SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(50).now(now).build())) {
      ConnectionSettings settings = zendesk.connectionSettings("c-1", Map.of());
      String token = settings.auth().secret();
      ManualTime time = new ManualTime(now);
      zendesk
          .faults()
          .rateLimitNext(1, java.time.Duration.ofSeconds(1))
          .serverErrorNext(1)
          .malformedNext(1);
      try (var source = new ZendeskTicketSource(settings, time, time, SpecValidation.HTTP)) {
        source.check();
        zendesk.faults().revokeCredentials();
        ConnectorException e =
            catchThrowableOfType(
                ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 10));

        assertThat(e.getMessage()).doesNotContain(token);
      }
      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(line -> line.contains(token) || line.contains("Authorization"));
      assertThat(settings.auth().toString()).doesNotContain(token);
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }
}
