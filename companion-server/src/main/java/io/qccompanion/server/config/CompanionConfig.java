package io.qccompanion.server.config;

import java.time.Duration;

/**
 * Server configuration: a YAML file, then {@code QC_*} environment variables over it. Validated
 * before anything starts; see {@link ConfigLoader}.
 *
 * @param publicUrl how users and hosts reach the companion, used in links and host apps
 * @param secretKey base64 of 32 random bytes; encrypts connection credentials at rest
 * @param mail SMTP server for notification mail; null sends none
 * @param editWindow how long a grader may still edit their own submitted evaluation
 * @param autoQaHoldoutPercent share of regular evaluations graded without AutoQA's pre-filled
 *     answers, so the agreement gate has independent grades
 */
public record CompanionConfig(
    String host,
    int port,
    String publicUrl,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String secretKey,
    Duration sessionTtl,
    boolean schedulers,
    SecurityOptions security,
    MailSettings mail,
    Duration editWindow,
    int autoQaHoldoutPercent) {

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "CompanionConfig[host=%s, port=%d, publicUrl=%s, databaseUrl=%s, secretKey=***]"
        .formatted(host, port, publicUrl, databaseUrl);
  }

  /**
   * This config on a free loopback port without background jobs: a start that serves nobody and
   * touches no connection ({@code serve --exit-when-ready}).
   */
  public CompanionConfig trialStart() {
    return new CompanionConfig(
        "127.0.0.1",
        0,
        publicUrl,
        databaseUrl,
        databaseUser,
        databasePassword,
        secretKey,
        sessionTtl,
        false,
        security,
        mail,
        editWindow,
        autoQaHoldoutPercent);
  }

  /** Builds a config; defaults suit a local single-node install. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private String publicUrl;
    private String databaseUrl = "jdbc:sqlite:./data/qc.db";
    private String databaseUser;
    private String databasePassword;
    private String secretKey;
    private Duration sessionTtl = Duration.ofHours(12);
    private boolean schedulers = true;
    private SecurityOptions security = SecurityOptions.DEFAULTS;
    private MailSettings mail;
    private Duration editWindow = Duration.ofHours(24);
    private int autoQaHoldoutPercent = 10;

    public Builder autoQaHoldoutPercent(int v) {
      autoQaHoldoutPercent = v;
      return this;
    }

    public Builder mail(MailSettings v) {
      mail = v;
      return this;
    }

    public Builder editWindow(Duration v) {
      editWindow = v;
      return this;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder publicUrl(String v) {
      publicUrl = v;
      return this;
    }

    public Builder databaseUrl(String v) {
      databaseUrl = v;
      return this;
    }

    public Builder databaseUser(String v) {
      databaseUser = v;
      return this;
    }

    public Builder databasePassword(String v) {
      databasePassword = v;
      return this;
    }

    public Builder secretKey(String v) {
      secretKey = v;
      return this;
    }

    public Builder sessionTtl(Duration v) {
      sessionTtl = v;
      return this;
    }

    public Builder security(SecurityOptions v) {
      security = v;
      return this;
    }

    public Builder schedulers(boolean v) {
      schedulers = v;
      return this;
    }

    public CompanionConfig build() {
      String url = publicUrl != null ? publicUrl : "http://localhost:" + port;
      return new CompanionConfig(
          host,
          port,
          url,
          databaseUrl,
          databaseUser,
          databasePassword,
          secretKey,
          sessionTtl,
          schedulers,
          security,
          mail,
          editWindow,
          autoQaHoldoutPercent);
    }
  }
}
