package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {
  private final ManualTime time = new ManualTime(Instant.parse("2026-11-23T09:00:00Z"));

  @Test
  void letsTenRequestsThroughAndMakesTheEleventhWaitForTheWindow() throws Exception {
    RequestRateLimiter limiter = new RequestRateLimiter(10, time, time);
    for (int i = 0; i < 10; i++) {
      limiter.acquire();
      time.advance(Duration.ofSeconds(1));
    }
    assertThat(time.sleeps).isEmpty();

    limiter.acquire();

    // The first request was at 0 s and it is now 10 s: wait until 60 s.
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(50));
  }

  @Test
  void forgetsRequestsOlderThanAMinute() throws Exception {
    RequestRateLimiter limiter = new RequestRateLimiter(2, time, time);
    limiter.acquire();
    limiter.acquire();
    time.advance(Duration.ofSeconds(61));

    limiter.acquire();
    limiter.acquire();

    assertThat(time.sleeps).isEmpty();
  }
}
