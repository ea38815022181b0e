package io.qccompanion.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Password hashing (bcrypt) and random bearer secrets stored as SHA-256 digests. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BCRYPT_COST = 12;

  private Secrets() {}

  public static String hashPassword(String password) {
    return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
  }

  public static boolean passwordMatches(String password, String hash) {
    if (password == null || hash == null) return false;
    return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
  }

  /** A URL-safe random secret with {@code bytes} of entropy. */
  public static String randomToken(String prefix, int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** Digest under which a session or API token is stored: the token itself never is. */
  public static String digest(String token) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of two secrets. */
  public static boolean same(String a, String b) {
    if (a == null || b == null) return false;
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
