package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.config.MailSettings;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notification mail through a real SMTP server (GreenMail) running inside the test. */
class NotificationMailTest {
  static GreenMail smtp;
  static TestApp app;
  static WorkflowFixture f;

  @BeforeAll
  static void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    smtp.setUser("qc@companion.test", "companion", "s3cret");
    int port = smtp.getSmtp().getPort();
    app =
        TestApp.start(
            new TestApp.MutableClock(Instant.parse("2026-11-02T09:00:00Z")),
            null,
            b ->
                b.publicUrl("https://qc.example.test")
                    .mail(
                        new MailSettings(
                            "127.0.0.1",
                            port,
                            "NONE",
                            "qc@companion.test",
                            "companion",
                            "s3cret")));
    f = new WorkflowFixture(app);
  }

  @AfterAll
  static void stop() {
    app.close();
    smtp.stop();
  }

  @Test
  void mailsOnlyThoseWhoAskedForItOnceAndLinksToTheCompanion() throws Exception {
    String wantsMail = f.agent("Mailed Agent");
    String inAppOnly = f.agent("Quiet Agent");
    Api mailed = app.as(Role.AGENT, wantsMail, List.of(f.teamId));
    Api quiet = app.as(Role.AGENT, inAppOnly, List.of(f.teamId));
    Api qc = app.as(Role.QC);
    var prefs =
        mailed.put(
            "/api/v1/notifications/preferences",
            Map.of("items", List.of(Map.of("kind", "EVALUATION_NEW", "email", true))));
    assertThat(prefs.json().get("mailConfigured").asBoolean()).isTrue();
    String evaluation = f.evaluate(qc, f.ticket(wantsMail), "REGULAR", answers(1, 5, 1));
    f.evaluate(qc, f.ticket(inAppOnly), "REGULAR", answers(1, 5, 1));

    assertThat(app.c().notifications().mailPending(app.c().db())).isEqualTo(1);
    assertThat(app.c().notifications().mailPending(app.c().db())).as("sent once").isZero();
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    String to = mailed.get("/api/v1/me").json().get("email").asText();
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(to);
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("qc@companion.test");
    assertThat(received[0].getSubject()).startsWith("QC Companion: New evaluation of ticket #");
    assertThat((String) received[0].getContent())
        .contains("https://qc.example.test/feedback/" + evaluation);
    assertThat(quiet.get("/api/v1/notifications").json().get("items")).hasSize(1);
  }
}
