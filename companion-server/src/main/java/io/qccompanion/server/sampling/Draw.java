package io.qccompanion.server.sampling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The deterministic "random" number of a ticket: SHA-256(seed | ticket id) mapped to [0, 1). */
final class Draw {
  private Draw() {}

  /** Same seed and ticket id always give the same value, uniformly spread over [0, 1). */
  public static double of(String seed, String ticketId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((seed + "|" + ticketId).getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 bits: exact in a double
      return bits * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
