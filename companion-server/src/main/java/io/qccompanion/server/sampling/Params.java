package io.qccompanion.server.sampling;

import io.javalin.http.Context;
import io.qccompanion.server.domain.Invalid;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters and time windows, with 400s naming the parameter. */
final class Params {
  private Params() {}

  static Instant instant(Context ctx, String name, Instant fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.malformed(
          name, name + " must be an ISO-8601 instant, e.g. 2026-11-02T00:00:00Z");
    }
  }

  static Boolean bool(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) return null;
    if (!value.equals("true") && !value.equals("false"))
      throw Invalid.malformed(name, name + " must be true or false");
    return Boolean.parseBoolean(value);
  }

  /** Checks a window: both ends present, from before to, at most 400 days. */
  static void window(Instant from, Instant to, String fromField, String toField) {
    if (from == null) throw Invalid.malformed(fromField, "from is required");
    if (to == null) throw Invalid.malformed(toField, "to is required");
    if (!from.isBefore(to)) throw Invalid.malformed(toField, "to must be after from");
    if (java.time.Duration.between(from, to).toDays() > 400)
      throw Invalid.malformed(toField, "the window must not exceed 400 days");
  }
}
