package io.qccompanion.server.config;

/**
 * SMTP settings; notifications are only mailed when these are configured.
 *
 * @param tls NONE, STARTTLS (required) or SSL (implicit TLS, usually port 465)
 * @param username null when the server takes mail without authentication
 */
public record MailSettings(
    String host, int port, String tls, String from, String username, String password) {

  public MailSettings {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("mail host == null");
    if (from == null || from.isBlank()) throw new IllegalArgumentException("mail from == null");
    tls = tls == null ? "STARTTLS" : tls.strip().toUpperCase();
    if (!tls.equals("NONE") && !tls.equals("STARTTLS") && !tls.equals("SSL"))
      throw new IllegalArgumentException("mail tls must be NONE, STARTTLS or SSL");
  }

  @Override
  public String toString() {
    return "MailSettings[host=%s, port=%d, tls=%s, from=%s, username=%s, password=***]"
        .formatted(host, port, tls, from, username);
  }
}
