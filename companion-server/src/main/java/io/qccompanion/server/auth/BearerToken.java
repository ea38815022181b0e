package io.qccompanion.server.auth;

import io.javalin.http.Context;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header (API token or host token). */
public final class BearerToken {
  private static final String PREFIX = "Bearer ";

  private BearerToken() {}

  public static Optional<String> from(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
      return Optional.empty();
    return Optional.of(header.substring(PREFIX.length()).strip());
  }
}
