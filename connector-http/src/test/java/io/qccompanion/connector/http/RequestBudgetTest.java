package io.qccompanion.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qccompanion.model.ConnectionSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
  private final ManualTime time = new ManualTime(Instant.parse("2026-12-02T09:00:00Z"));

  @Test
  void waitsForTheMinuteWindowOnceItIsFull() throws Exception {
    RequestBudget budget = new RequestBudget(2, 0, time, time);
    budget.acquire();
    time.advance(Duration.ofSeconds(10));
    budget.acquire();
    assertThat(time.sleeps()).isEmpty();

    budget.acquire();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(50));
  }

  @Test
  void waitsForTheHourWindowWhenTheMinutesAreFine() throws Exception {
    RequestBudget budget = new RequestBudget(10, 3, time, time);
    for (int i = 0; i < 3; i++) {
      budget.acquire();
      time.advance(Duration.ofMinutes(5));
    }

    budget.acquire();

    // The first request was 15 minutes ago: the hour window frees its slot in 45 minutes.
    assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(45));
  }

  @Test
  void noLimitNeverWaits() throws Exception {
    RequestBudget budget = new RequestBudget(0, 0, time, time);
    for (int i = 0; i < 10_000; i++) budget.acquire();
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aRetryAfterHoldsEveryOtherCallerButNotTheOneThatGotIt() throws Exception {
    RequestBudget budget = new RequestBudget(0, 0, time, time);
    budget.hold(Duration.ofSeconds(30));

    budget.acquire(); // the thread that got the 429 waits in its own retry loop
    assertThat(time.sleeps()).isEmpty();

    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread writeBack =
        new Thread(
            () -> {
              try {
                budget.acquire();
              } catch (Exception e) {
                failure.set(e);
              }
            });
    writeBack.start();
    writeBack.join();

    assertThat(failure.get()).isNull();
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void readsTheConnectionOptions() {
    RequestBudget budget =
        RequestBudget.of(
            settings(Map.of(RequestBudget.PER_MINUTE, "120", RequestBudget.PER_HOUR, "5000")),
            time,
            time);
    assertThat(budget.perMinute()).isEqualTo(120);
    assertThat(budget.perHour()).isEqualTo(5000);
    assertThat(RequestBudget.of(settings(Map.of()), time, time).perMinute()).isZero();
  }

  @Test
  void refusesANegativeOrNonNumericOption() {
    assertThatThrownBy(
            () -> RequestBudget.of(settings(Map.of(RequestBudget.PER_MINUTE, "-1")), time, time))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.requestsPerMinute");
    assertThatThrownBy(
            () -> RequestBudget.of(settings(Map.of(RequestBudget.PER_HOUR, "lots")), time, time))
        .hasMessageContaining("http.requestsPerHour");
  }

  static ConnectionSettings settings(Map<String, String> options) {
    return ConnectionSettings.builder()
        .connectionId("c1")
        .name("acme")
        .host(io.qccompanion.model.Host.of("acme"))
        .baseUrl("https://acme.example")
        .auth(
            new ConnectionSettings.Auth(
                ConnectionSettings.Auth.Kind.API_TOKEN, "qa@acme.example", "secret"))
        .options(options)
        .build();
  }
}
