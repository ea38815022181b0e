package io.qccompanion.server.web;

import io.javalin.http.Context;
import io.qccompanion.server.domain.Cursor;

/** Reads the {@code cursor} and {@code limit} query parameters of a list route. */
public final class CursorParams {
  private CursorParams() {}

  public static Cursor from(Context ctx) {
    String limitParam = ctx.queryParam("limit");
    int limit = Cursor.DEFAULT_LIMIT;
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        throw HttpProblem.invalid("limit", "limit must be a whole number");
      }
    }
    return Cursor.decode(ctx.queryParam("cursor"), limit);
  }
}
