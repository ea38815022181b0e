package io.qccompanion.server.notifications;

import io.qccompanion.server.config.MailSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends plain-text mail through the configured SMTP server (Jakarta Mail, Angus). */
final class Mailer {
  private final MailSettings settings;
  private final Session session;

  Mailer(MailSettings settings) {
    this.settings = settings;
    Properties props = new Properties();
    String proto = settings.tls().equals("SSL") ? "smtps" : "smtp";
    props.put("mail.transport.protocol", proto);
    props.put("mail." + proto + ".host", settings.host());
    props.put("mail." + proto + ".port", String.valueOf(settings.port()));
    props.put("mail." + proto + ".connectiontimeout", "10000");
    props.put("mail." + proto + ".timeout", "10000");
    props.put("mail." + proto + ".writetimeout", "10000");
    if (settings.tls().equals("STARTTLS")) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    boolean auth = settings.username() != null && !settings.username().isBlank();
    props.put("mail." + proto + ".auth", String.valueOf(auth));
    this.session =
        Session.getInstance(
            props,
            auth
                ? new Authenticator() {
                  @Override
                  protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                  }
                }
                : null);
  }

  void send(String to, String subject, String text) throws MessagingException {
    MimeMessage m = new MimeMessage(session);
    m.setFrom(new InternetAddress(settings.from()));
    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
    m.setSubject(subject, "UTF-8");
    m.setText(text, "UTF-8");
    Transport.send(m);
  }
}
