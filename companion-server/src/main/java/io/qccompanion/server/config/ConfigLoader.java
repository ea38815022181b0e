package io.qccompanion.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qccompanion.server.auth.SecretBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link CompanionConfig} from an optional YAML file and the environment ({@code QC_PORT},
 * {@code QC_HOST}, {@code QC_PUBLIC_URL}, {@code QC_DB_URL}, {@code QC_DB_USER}, {@code
 * QC_DB_PASSWORD}, {@code QC_SECRET_KEY}, {@code QC_SESSION_HOURS}, {@code QC_METRICS_TOKEN},
 * {@code QC_FRAME_ANCESTORS}: space-separated origins); environment wins.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** Thrown with every problem found, one per line, so the operator fixes them all at once. */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(List<String> problems) {
      super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
  }

  public static CompanionConfig load(Path file, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    CompanionConfig.Builder b = CompanionConfig.newBuilder();
    if (file != null) readFile(file, b, problems);
    String v;
    if ((v = env.get("QC_HOST")) != null) b.host(v);
    if ((v = env.get("QC_PORT")) != null) b.port(parseInt("QC_PORT", v, problems));
    if ((v = env.get("QC_PUBLIC_URL")) != null) b.publicUrl(v);
    if ((v = env.get("QC_DB_URL")) != null) b.databaseUrl(v);
    if ((v = env.get("QC_DB_USER")) != null) b.databaseUser(v);
    if ((v = env.get("QC_DB_PASSWORD")) != null) b.databasePassword(v);
    if ((v = env.get("QC_SECRET_KEY")) != null) b.secretKey(v);
    if ((v = env.get("QC_SESSION_HOURS")) != null)
      b.sessionTtl(Duration.ofHours(parseInt("QC_SESSION_HOURS", v, problems)));
    if (env.get("QC_METRICS_TOKEN") != null || env.get("QC_FRAME_ANCESTORS") != null)
      b.security(
          new SecurityOptions(
              env.get("QC_METRICS_TOKEN"),
              env.get("QC_FRAME_ANCESTORS") == null
                  ? List.of()
                  : List.of(env.get("QC_FRAME_ANCESTORS").trim().split("\\s+"))));
    if ((v = env.get("QC_EDIT_WINDOW_HOURS")) != null)
      b.editWindow(Duration.ofHours(parseInt("QC_EDIT_WINDOW_HOURS", v, problems)));
    if (env.get("QC_MAIL_HOST") != null)
      mail(
          b,
          env.get("QC_MAIL_HOST"),
          env.getOrDefault("QC_MAIL_PORT", "587"),
          env.get("QC_MAIL_TLS"),
          env.get("QC_MAIL_FROM"),
          env.get("QC_MAIL_USER"),
          env.get("QC_MAIL_PASSWORD"),
          problems);
    CompanionConfig config = b.build();
    validate(config, problems);
    if (!problems.isEmpty()) throw new InvalidConfigException(problems);
    return config;
  }

  private static void readFile(Path file, CompanionConfig.Builder b, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add("config file " + file + " does not exist");
      return;
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      problems.add("config file " + file + " is not valid YAML: " + e.getMessage());
      return;
    }
    if (root == null || !root.isObject()) return;
    var known =
        List.of(
            "host",
            "port",
            "publicUrl",
            "database",
            "secretKey",
            "sessionHours",
            "editWindowHours",
            "mail");
    root.fieldNames()
        .forEachRemaining(
            n -> {
              if (!known.contains(n))
                problems.add("unknown key '" + n + "' in " + file + " (known: " + known + ")");
            });
    if (root.has("host")) b.host(root.get("host").asText());
    if (root.has("port")) b.port(parseInt("port", root.get("port").asText(), problems));
    if (root.has("publicUrl")) b.publicUrl(root.get("publicUrl").asText());
    if (root.has("secretKey")) b.secretKey(root.get("secretKey").asText());
    if (root.has("sessionHours"))
      b.sessionTtl(
          Duration.ofHours(parseInt("sessionHours", root.get("sessionHours").asText(), problems)));
    if (root.has("editWindowHours"))
      b.editWindow(
          Duration.ofHours(
              parseInt("editWindowHours", root.get("editWindowHours").asText(), problems)));
    JsonNode mail = root.path("mail");
    if (mail.has("host"))
      mail(
          b,
          mail.get("host").asText(),
          mail.path("port").asText("587"),
          text(mail, "tls"),
          text(mail, "from"),
          text(mail, "username"),
          text(mail, "password"),
          problems);
    JsonNode db = root.path("database");
    if (db.has("url")) b.databaseUrl(db.get("url").asText());
    if (db.has("user")) b.databaseUser(db.get("user").asText());
    if (db.has("password")) b.databasePassword(db.get("password").asText());
  }

  private static void validate(CompanionConfig c, List<String> problems) {
    if (c.port() < 0 || c.port() > 65535) problems.add("port must be 0..65535, got " + c.port());
    if (c.databaseUrl() == null
        || !(c.databaseUrl().startsWith("jdbc:sqlite:")
            || c.databaseUrl().startsWith("jdbc:postgresql:")))
      problems.add(
          "database url must start with jdbc:sqlite: or jdbc:postgresql:, got " + c.databaseUrl());
    if (!c.publicUrl().startsWith("http://") && !c.publicUrl().startsWith("https://"))
      problems.add("publicUrl must be an http(s) URL, got " + c.publicUrl());
    if (c.secretKey() == null || c.secretKey().isBlank()) {
      problems.add(
          "secretKey is missing: set QC_SECRET_KEY to 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
    } else {
      try {
        new SecretBox(c.secretKey());
      } catch (IllegalArgumentException e) {
        problems.add("secretKey: " + e.getMessage());
      }
    }
    if (c.editWindow().isNegative()) problems.add("editWindowHours must be 0 or more");
    if (c.sessionTtl().isNegative() || c.sessionTtl().isZero())
      problems.add("sessionHours must be positive");
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : null;
  }

  private static void mail(
      CompanionConfig.Builder b,
      String host,
      String port,
      String tls,
      String from,
      String user,
      String password,
      List<String> problems) {
    try {
      b.mail(
          new MailSettings(host, parseInt("mail port", port, problems), tls, from, user, password));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
  }

  private static int parseInt(String name, String value, List<String> problems) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, got '" + value + "'");
      return 0;
    }
  }
}
