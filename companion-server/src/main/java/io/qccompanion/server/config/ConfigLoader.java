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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link CompanionConfig} from an optional YAML file and the environment; the environment
 * wins. Every option is one row of {@link #OPTIONS}: its YAML path and its {@code QC_*} variable.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /** One option: its path in the YAML file (dots for nesting) and its environment variable. */
  record Option(String path, String env) {}

  static final List<Option> OPTIONS =
      List.of(
          new Option("host", "QC_HOST"),
          new Option("port", "QC_PORT"),
          new Option("publicUrl", "QC_PUBLIC_URL"),
          new Option("database.url", "QC_DB_URL"),
          new Option("database.user", "QC_DB_USER"),
          new Option("database.password", "QC_DB_PASSWORD"),
          new Option("secretKey", "QC_SECRET_KEY"),
          new Option("sessionHours", "QC_SESSION_HOURS"),
          new Option("editWindowHours", "QC_EDIT_WINDOW_HOURS"),
          new Option("autoqa.holdoutPercent", "QC_AUTOQA_HOLDOUT_PERCENT"),
          new Option("metricsToken", "QC_METRICS_TOKEN"),
          new Option("frameAncestors", "QC_FRAME_ANCESTORS"),
          new Option("mail.host", "QC_MAIL_HOST"),
          new Option("mail.port", "QC_MAIL_PORT"),
          new Option("mail.tls", "QC_MAIL_TLS"),
          new Option("mail.from", "QC_MAIL_FROM"),
          new Option("mail.username", "QC_MAIL_USER"),
          new Option("mail.password", "QC_MAIL_PASSWORD"));

  /** Thrown with every problem found, one per line, so the operator fixes them all at once. */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(List<String> problems) {
      super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
  }

  public static CompanionConfig load(Path file, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new HashMap<>();
    if (file != null) readFile(file, values, problems);
    for (Option o : OPTIONS) if (env.get(o.env()) != null) values.put(o.path(), env.get(o.env()));
    CompanionConfig config = build(values, problems);
    validate(config, problems);
    if (!problems.isEmpty()) throw new InvalidConfigException(problems);
    return config;
  }

  private static CompanionConfig build(Map<String, String> v, List<String> problems) {
    CompanionConfig.Builder b = CompanionConfig.newBuilder();
    if (v.containsKey("host")) b.host(v.get("host"));
    if (v.containsKey("port")) b.port(parseInt("port", v.get("port"), problems));
    if (v.containsKey("publicUrl")) b.publicUrl(v.get("publicUrl"));
    if (v.containsKey("database.url")) b.databaseUrl(v.get("database.url"));
    b.databaseUser(v.get("database.user")).databasePassword(v.get("database.password"));
    b.secretKey(v.get("secretKey"));
    if (v.containsKey("sessionHours"))
      b.sessionTtl(Duration.ofHours(parseInt("sessionHours", v.get("sessionHours"), problems)));
    if (v.containsKey("editWindowHours"))
      b.editWindow(
          Duration.ofHours(parseInt("editWindowHours", v.get("editWindowHours"), problems)));
    if (v.containsKey("autoqa.holdoutPercent"))
      b.autoQaHoldoutPercent(
          parseInt("autoqa.holdoutPercent", v.get("autoqa.holdoutPercent"), problems));
    String ancestors = v.getOrDefault("frameAncestors", "").strip();
    b.security(
        new SecurityOptions(
            v.get("metricsToken"),
            ancestors.isEmpty() ? List.of() : List.of(ancestors.split("\\s+"))));
    if (v.containsKey("mail.host")) {
      try {
        b.mail(
            new MailSettings(
                v.get("mail.host"),
                parseInt("mail port", v.getOrDefault("mail.port", "587"), problems),
                v.get("mail.tls"),
                v.get("mail.from"),
                v.get("mail.username"),
                v.get("mail.password")));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return b.build();
  }

  // Flattens the file into option paths; a list becomes its items separated by spaces.
  private static void readFile(Path file, Map<String, String> values, List<String> problems) {
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
    List<String> known = OPTIONS.stream().map(Option::path).toList();
    flatten("", root, values);
    for (String path : values.keySet())
      if (!known.contains(path))
        problems.add("unknown key '" + path + "' in " + file + " (known: " + known + ")");
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> values) {
    if (node.isObject())
      node.fields().forEachRemaining(f -> flatten(prefix + f.getKey() + ".", f.getValue(), values));
    else {
      List<String> items = new ArrayList<>();
      if (node.isArray()) node.forEach(item -> items.add(item.asText()));
      else items.add(node.asText());
      values.put(prefix.substring(0, prefix.length() - 1), String.join(" ", items));
    }
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
    if (c.autoQaHoldoutPercent() < 0 || c.autoQaHoldoutPercent() > 100)
      problems.add("autoqa.holdoutPercent must be between 0 and 100");
    if (c.sessionTtl().isNegative() || c.sessionTtl().isZero())
      problems.add("sessionHours must be positive");
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
