package io.qccompanion.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallerCacheTest {
  final AtomicLong nanos = new AtomicLong(1_000);
  final CallerCache cache = new CallerCache(nanos::get, Duration.ofSeconds(5));
  final Principal qc = new Principal("u1", "Q", Role.QC, null, Set.of(), null);

  @Test
  void keepsACallerForTheTtlOnly() {
    cache.put("t:a", qc, cache.generation(), Long.MAX_VALUE);
    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertThat(cache.get("t:a", 0)).contains(qc);
    nanos.addAndGet(Duration.ofMillis(2).toNanos());
    assertThat(cache.get("t:a", 0)).isEmpty();
  }

  @Test
  void neverOutlivesTheSession() {
    cache.put("s:a", qc, cache.generation(), 10_000);
    assertThat(cache.get("s:a", 9_999)).contains(qc);
    assertThat(cache.get("s:a", 10_000)).isEmpty();
  }

  @Test
  void aLookupThatStartedBeforeAForgetIsNotCached() {
    long started = cache.generation();
    cache.forgetAll(); // a revocation committed while the lookup read the old row
    cache.put("t:a", qc, started, Long.MAX_VALUE);
    assertThat(cache.get("t:a", 0)).isEmpty();
    cache.put("t:a", qc, cache.generation(), Long.MAX_VALUE);
    assertThat(cache.get("t:a", 0)).contains(qc);
    cache.forgetAll();
    assertThat(cache.get("t:a", 0)).isEmpty();
  }
}
