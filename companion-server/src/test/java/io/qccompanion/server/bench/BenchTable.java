package io.qccompanion.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code -Pbench} prints: every benchmark adds its rows (each figure next to its
 * baseline from the same run), {@link BenchTableListener} prints them all when the run ends. Each
 * row is also printed when measured, with the load average then, so a failing step loses nothing.
 */
public final class BenchTable {
  private static final List<String> ROWS = new ArrayList<>();

  private BenchTable() {}

  /** Adds a row: figure, value, baseline (same run), ratio or goal. */
  public static synchronized void row(String figure, String value, String baseline, String ratio) {
    String row = "| %s | %s | %s | %s | %s |".formatted(figure, value, baseline, ratio, load());
    System.out.println("[benchmark] (measured) " + row);
    ROWS.add(row);
  }

  static synchronized void print() {
    if (ROWS.isEmpty()) return;
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "[benchmark] %d cores, load average at the end %s%n",
        Runtime.getRuntime().availableProcessors(),
        load());
    System.out.println(
        "[benchmark] | figure | value | baseline (same run) | ratio or goal | load |");
    System.out.println("[benchmark] |---|---|---|---|---|");
    ROWS.forEach(r -> System.out.println("[benchmark] " + r));
    ROWS.clear();
  }

  /** The 1-minute load average: the machine is shared, so every figure carries it. */
  public static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
