package io.qccompanion.server.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset pagination: a list is ordered by (sort key, id) and the cursor encodes the last row's
 * pair, so pages stay stable while rows are added.
 *
 * @param sortKey the last row's sort value (e.g. epoch millis), or null on the first page
 * @param id the last row's id, or null on the first page
 * @param limit page size, 1..500
 */
public record Cursor(Long sortKey, String id, int limit) {
  public static final int DEFAULT_LIMIT = 50;

  /** Reads a cursor token this server issued (null or blank for the first page). */
  public static Cursor decode(String token, int limit) {
    Fields.range(limit, 1, 500, "limit");
    if (token == null || token.isBlank()) return new Cursor(null, null, limit);
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int sep = raw.indexOf('|');
      return new Cursor(Long.parseLong(raw.substring(0, sep)), raw.substring(sep + 1), limit);
    } catch (RuntimeException e) {
      throw Invalid.malformed("cursor", "cursor is not one this server issued");
    }
  }

  public boolean first() {
    return id == null;
  }

  /** Builds the page from up to {@code limit + 1} rows fetched after this cursor. */
  public <T> Slice<T> slice(List<T> rows, Function<T, Long> sortKeyOf, Function<T, String> idOf) {
    if (rows.size() <= limit) return new Slice<>(rows, null);
    List<T> items = rows.subList(0, limit);
    T last = items.get(limit - 1);
    String raw = sortKeyOf.apply(last) + "|" + idOf.apply(last);
    return new Slice<>(
        List.copyOf(items),
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
  }

  /** One page of a list; {@code nextCursor} is null on the last page. */
  public record Slice<T>(List<T> items, String nextCursor) {}
}
