package io.qccompanion.server.autoqa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule resource: {@code [section]} headers, one entry a line, {@code #} comments. Entries keep
 * their line number, which becomes part of the rule id, so evidence names the exact line.
 */
record RuleFile(String path, String content, Map<String, List<Entry>> sections) {

  /** One line of a section. */
  public record Entry(int line, String text) {}

  /** Loads a class-path resource, or null when it does not exist. */
  public static RuleFile load(String path) {
    try (InputStream in = RuleFile.class.getResourceAsStream(path)) {
      if (in == null) return null;
      return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static RuleFile parse(String path, String content) {
    Map<String, List<Entry>> sections = new LinkedHashMap<>();
    List<Entry> current = null;
    String[] lines = content.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
      } else if (current == null) {
        throw new IllegalStateException(path + ":" + (n + 1) + ": entry outside a [section]");
      } else current.add(new Entry(n + 1, line));
    }
    return new RuleFile(path, content, sections);
  }

  /** The entries of a section, empty when absent. */
  public List<Entry> section(String name) {
    return sections.getOrDefault(name, List.of());
  }
}
