package io.qccompanion.server.cli;

import io.qccompanion.server.auth.KeyRotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rotate-key",
    description =
        "Re-encrypt every stored secret from the current QC_SECRET_KEY to a new key, in one"
            + " transaction (stop the servers first; start them again with the new key).")
final class RotateKeyCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Option(
      names = "--new-key-file",
      required = true,
      paramLabel = "FILE",
      description =
          "File holding the new key: base64 of 32 random bytes (openssl rand -base64 32).")
  Path newKeyFile;

  @Override
  public Integer call() throws java.io.IOException {
    var c = config.load();
    String newKey = Files.readString(newKeyFile).strip();
    try (var db = ConfigOptions.openExisting(c)) {
      var counts = new KeyRotation(db).rotate(c.secretKey(), newKey);
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      System.out.println("re-encrypted " + total + " secret(s) " + counts);
      System.out.println("now set QC_SECRET_KEY to the new key and start the servers");
    }
    return 0;
  }
}
