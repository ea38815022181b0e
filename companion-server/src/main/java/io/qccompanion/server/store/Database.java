package io.qccompanion.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The companion's database: SQLite by default (WAL, foreign keys, busy timeout, one writer at a
 * time) or PostgreSQL by JDBC URL. SQL is kept portable between the two.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean sqlite;
  // SQLite allows one writer; serialising writes in the JVM avoids SQLITE_BUSY on lock upgrades.
  private final ReentrantLock writeLock = new ReentrantLock(true);

  private Database(HikariDataSource dataSource, boolean sqlite) {
    this.dataSource = dataSource;
    this.sqlite = sqlite;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Longest a statement may run on PostgreSQL before the server cancels it. */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  /** Opens a pool on {@code url}; for SQLite the file's folder is created. */
  public static Database open(String url, String user, String password) {
    return open(url, user, password, STATEMENT_TIMEOUT);
  }

  /**
   * Like {@link #open(String, String, String)} with PostgreSQL's {@code statement_timeout} (and a
   * lock wait of at most the same) set on every pooled connection; migrations run without it.
   */
  public static Database open(String url, String user, String password, Duration timeout) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("database url is blank");
    boolean sqlite = url.startsWith("jdbc:sqlite:");
    var config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("qc-db");
    if (sqlite) {
      SqliteFiles.createParentFolder(url);
      config.setMaximumPoolSize(sqliteConnections(Runtime.getRuntime().availableProcessors()));
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "NORMAL");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "10000");
    } else {
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(10);
      long ms = timeout.toMillis();
      config.addDataSourceProperty(
          "options", "-c statement_timeout=%d -c lock_timeout=%d".formatted(ms, ms));
    }
    return new Database(new HikariDataSource(config), sqlite);
  }

  /**
   * Connections to a SQLite file: WAL lets readers run side by side (writers still take turns on
   * {@link #write}), so enough for every core to read while one connection writes and one waits on
   * I/O; more only adds page caches (2 MB each).
   */
  static int sqliteConnections(int cores) {
    return Math.max(4, Math.min(16, 2 * cores + 2));
  }

  /**
   * Applies pending Flyway migrations; returns how many ran. On PostgreSQL Flyway holds an advisory
   * lock while it migrates, so instances starting together migrate once and the others wait; an
   * index build may outlast the statement timeout, so migrations run without it.
   */
  public int migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .initSql(sqlite ? null : "SET statement_timeout = 0; SET lock_timeout = 0")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  public boolean isSqlite() {
    return sqlite;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code callback} in a read-only unit of work. */
  public <R, X extends Exception> R read(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  /** Runs {@code callback} in one transaction; on SQLite writers take turns. */
  public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
    if (!sqlite) return jdbi.inTransaction(callback);
    writeLock.lock();
    try {
      return jdbi.inTransaction(callback);
    } finally {
      writeLock.unlock();
    }
  }

  /** Like {@link #write} for callbacks without a result. */
  public <X extends Exception> void run(HandleConsumer<X> consumer) throws X {
    write(
        handle -> {
          consumer.useHandle(handle);
          return null;
        });
  }

  /** A unit of work without a result. */
  @FunctionalInterface
  public interface HandleConsumer<X extends Exception> {
    void useHandle(Handle handle) throws X;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
