package io.qccompanion.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChromiumTest {
  @TempDir Path dir;

  @Test
  void findsTheFirstKnownNameOnPath() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path chrome = executable(bin.resolve("google-chrome"));
    Path chromiumBrowser = executable(bin.resolve("chromium-browser"));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    String path = empty + java.io.File.pathSeparator + bin;
    assertThat(Chromium.find(Map.of("PATH", path))).isEqualTo(chromiumBrowser);
    Files.delete(chromiumBrowser);
    assertThat(Chromium.find(Map.of("PATH", path))).isEqualTo(chrome);
  }

  @Test
  void chromePathWinsOverPath() throws Exception {
    Path mine = executable(dir.resolve("my-chrome"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    executable(bin.resolve("chromium"));
    assertThat(Chromium.find(Map.of("CHROME_PATH", mine.toString(), "PATH", bin.toString())))
        .isEqualTo(mine);
  }

  @Test
  void noBrowserFailsNamingTheInstallScript() {
    assertThatThrownBy(() -> Chromium.find(Map.of("PATH", dir.toString())))
        .hasMessageContaining("scripts/install-test-deps.sh")
        .hasMessageContaining("CHROME_PATH");
    assertThatThrownBy(() -> Chromium.find(Map.of("CHROME_PATH", dir.resolve("nope").toString())))
        .hasMessageContaining("not an executable");
  }

  private static Path executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
