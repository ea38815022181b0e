package io.qccompanion.server.testing;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.users.User;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real companion on a random port over a temporary SQLite file (or the PostgreSQL URL in {@code
 * QC_TEST_DB_URL}), with helpers to act as a user of any role.
 */
public final class TestApp implements AutoCloseable {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final Path dir;
  private final CompanionApp app;
  private final MutableClock clock;

  private TestApp(Path dir, CompanionApp app, MutableClock clock) {
    this.dir = dir;
    this.app = app;
    this.clock = clock;
  }

  public static TestApp start() {
    return start(new MutableClock(java.time.Instant.parse("2026-11-02T09:00:00Z")));
  }

  public static TestApp start(MutableClock clock) {
    return start(clock, null);
  }

  /** Starts on {@code databaseUrl}, or the default test database when null. */
  public static TestApp start(MutableClock clock, String databaseUrl) {
    return start(clock, databaseUrl, b -> b);
  }

  /** Starts with configuration changed by {@code configure} (e.g. an SMTP server). */
  public static TestApp start(
      MutableClock clock,
      String databaseUrl,
      java.util.function.UnaryOperator<CompanionConfig.Builder> configure) {
    try {
      Path dir = Files.createTempDirectory("qc-test");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      CompanionConfig config =
          configure
              .apply(
                  CompanionConfig.newBuilder()
                      .host("127.0.0.1")
                      .port(0)
                      .databaseUrl(databaseUrl != null ? databaseUrl : TestDatabases.url(dir))
                      .secretKey(Base64.getEncoder().encodeToString(key))
                      .schedulers(false)
                      // panels pre-fill every evaluation; holdout tests set their own share
                      .autoQaHoldoutPercent(0))
              .build();
      return new TestApp(dir, new CompanionApp(config, clock).start(), clock);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public CompanionApp app() {
    return app;
  }

  /** The app's own wiring, for setting up data the API cannot. */
  public CompanionApp c() {
    return app;
  }

  public MutableClock clock() {
    return clock;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A client with no credentials. */
  public Api anonymous() {
    return new Api(baseUrl(), null);
  }

  /** Creates a user with {@code role} and returns a client using their API token. */
  public Api as(Role role) {
    return as(role, null, List.of());
  }

  /**
   * Creates a user (linked to {@code agentId} for agents) and returns a client with their token.
   */
  public Api as(Role role, String agentId, List<String> teamIds) {
    String email = role.name().toLowerCase() + SEQ.incrementAndGet() + "@example.test";
    var c = app;
    String token =
        c.db()
            .write(
                h -> {
                  User u =
                      c.users()
                          .createUser(
                              h,
                              email,
                              role + " " + SEQ.get(),
                              role,
                              "correct horse battery",
                              agentId,
                              teamIds,
                              40);
                  return c.tokens().create(h, u.id(), "test").token();
                });
    return new Api(baseUrl(), token);
  }

  private String countAll;

  /** Rows in every application table (Flyway's history aside), on SQLite or PostgreSQL. */
  public long rows() {
    if (countAll == null) countAll = Schema.countAllRows(app.db());
    return app.db().read(h -> h.createQuery(countAll).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    app.close();
  }

  /** Where this app keeps its files. */
  public Path dir() {
    return dir;
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private volatile java.time.Instant now;

    public MutableClock(java.time.Instant now) {
      this.now = now;
    }

    public void set(java.time.Instant instant) {
      now = instant;
    }

    public void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now;
    }
  }
}
