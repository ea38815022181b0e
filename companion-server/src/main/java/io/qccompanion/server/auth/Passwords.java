package io.qccompanion.server.auth;

import io.qccompanion.server.web.HttpProblem;
import java.nio.charset.StandardCharsets;

/** Password rules: bcrypt reads at most 72 bytes, so longer passwords are refused, not cut. */
public final class Passwords {
  /** The most UTF-8 bytes bcrypt uses. */
  public static final int MAX_BYTES = 72;

  private Passwords() {}

  /** 400 naming {@code field} when {@code password} is over {@link #MAX_BYTES} bytes. */
  public static String requireHashable(String password, String field) {
    if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)
      throw HttpProblem.invalid(field, "password must be at most " + MAX_BYTES + " bytes (UTF-8)");
    return password;
  }
}
