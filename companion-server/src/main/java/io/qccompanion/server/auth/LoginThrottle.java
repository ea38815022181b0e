package io.qccompanion.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed-login throttle per account (e-mail, known or not) and per client address: after {@link
 * #ACCOUNT_FREE} failures an account is locked for a backoff that doubles with every further
 * failure (1 s, 2 s, 4 s … up to {@link #MAX_LOCK}); an address gets {@link #ADDRESS_FREE} failures
 * before the same backoff. A success clears the account's count; failures are forgotten after
 * {@link #MAX_LOCK} without another. In memory: a restart forgets.
 */
public final class LoginThrottle {
  static final int ACCOUNT_FREE = 5;
  static final int ADDRESS_FREE = 20;
  static final Duration MAX_LOCK = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private record Failures(int count, long lockedUntil, long lastAt) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds until the account or the address may try again; 0 when not locked. */
  public long retryAfterSeconds(String email, String address) {
    long now = clock.millis();
    long until = Math.max(lockedUntil(account(email)), lockedUntil(address(address)));
    return until > now ? Math.max(1, (until - now + 999) / 1000) : 0;
  }

  public void failed(String email, String address) {
    if (failures.size() > MAX_KEYS) failures.clear(); // bounded: a flood resets rather than grows
    bump(account(email), ACCOUNT_FREE);
    bump(address(address), ADDRESS_FREE);
  }

  public void succeeded(String email) {
    failures.remove(account(email));
  }

  private void bump(String key, int free) {
    long now = clock.millis();
    failures.compute(
        key,
        (k, f) -> {
          // failures are forgotten once the longest lock has passed without another one
          boolean stale = f != null && now - f.lastAt() > MAX_LOCK.toMillis();
          int count = f == null || stale ? 1 : f.count() + 1;
          long lock = 0;
          if (count >= free) {
            int doublings = Math.min(count - free, 20);
            lock = now + Math.min(MAX_LOCK.toMillis(), 1000L << doublings);
          }
          return new Failures(count, lock, now);
        });
  }

  private long lockedUntil(String key) {
    Failures f = failures.get(key);
    return f == null ? 0 : f.lockedUntil();
  }

  private static String account(String email) {
    return "a:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String address(String address) {
    return "ip:" + address;
  }
}
