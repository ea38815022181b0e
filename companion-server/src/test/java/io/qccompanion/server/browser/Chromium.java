package io.qccompanion.server.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the system Chromium the browser tests drive: {@code CHROME_PATH}, else the first of {@code
 * chromium}, {@code chromium-browser}, {@code google-chrome} on {@code PATH}. Playwright never
 * downloads a browser here.
 */
final class Chromium {
  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  private Chromium() {}

  static Path find() {
    return find(System.getenv());
  }

  /** The browser named by {@code env}; fails with how to install one when there is none. */
  static Path find(Map<String, String> env) {
    String explicit = env.get("CHROME_PATH");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      if (Files.isExecutable(p)) return p;
      throw new IllegalStateException(
          "CHROME_PATH=" + explicit + " is not an executable file; fix it or unset it");
    }
    return onPath(env.getOrDefault("PATH", ""))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No Chromium for the browser tests: none of "
                        + NAMES
                        + " is on PATH and CHROME_PATH is not set."
                        + " Run scripts/install-test-deps.sh (installs Debian's chromium)"
                        + " or set CHROME_PATH to a Chromium or Chrome binary."));
  }

  private static Optional<Path> onPath(String path) {
    for (String name : NAMES)
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isBlank()) continue;
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
          return Optional.of(candidate);
      }
    return Optional.empty();
  }
}
