package io.qccompanion.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;

/**
 * Authenticated callers by credential digest for a few seconds, so a burst of requests with one
 * token or cookie costs one database read. Every change of a credential or a user in this process
 * forgets them all ({@link #forgetAll(Handle)}, after commit); a change made by another instance on
 * the same PostgreSQL database is seen after at most {@link #TTL}.
 */
public final class CallerCache {
  /** How long a caller is trusted without a database read. */
  public static final Duration TTL = Duration.ofSeconds(5);

  // a burst of distinct credentials must not grow the heap: beyond this the cache starts over
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Principal principal, long expiresAtNanos, long expiresAtMillis) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final LongSupplier nanos;
  private final long ttlNanos;

  public CallerCache() {
    this(System::nanoTime, TTL);
  }

  CallerCache(LongSupplier nanos, Duration ttl) {
    this.nanos = nanos;
    this.ttlNanos = ttl.toNanos();
  }

  /** The cached caller for {@code key}, unless older than the TTL or past {@code nowMillis}. */
  Optional<Principal> get(String key, long nowMillis) {
    Entry e = entries.get(key);
    if (e == null) return Optional.empty();
    if (nanos.getAsLong() - e.expiresAtNanos() > 0 || nowMillis >= e.expiresAtMillis()) {
      entries.remove(key, e);
      return Optional.empty();
    }
    return Optional.of(e.principal());
  }

  /** Taken before the database read a {@link #put} caches, so a change in between wins. */
  long generation() {
    return generation.get();
  }

  /**
   * Caches what a lookup started at {@code generation} found, valid until {@code expiresAtMillis}
   * (the session's end) at the latest; dropped if anything was forgotten since.
   */
  void put(String key, Principal principal, long generation, long expiresAtMillis) {
    if (entries.size() >= MAX_ENTRIES) entries.clear();
    entries.put(key, new Entry(principal, nanos.getAsLong() + ttlNanos, expiresAtMillis));
    if (this.generation.get() != generation) entries.remove(key);
  }

  /** Forgets every caller now and again when {@code h}'s transaction commits. */
  public void forgetAll(Handle h) {
    forgetAll();
    h.afterCommit(this::forgetAll);
  }

  /** Forgets every caller. */
  public void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }
}
