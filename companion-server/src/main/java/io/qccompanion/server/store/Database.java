package io.qccompanion.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The companion's database: SQLite by default (WAL, foreign keys, busy timeout, one writer at a
 * time) or PostgreSQL by JDBC URL. SQL is kept portable between the two.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final boolean sqlite;
  private final SqliteFiles file; // null for PostgreSQL and in-memory SQLite
  // SQLite allows one writer; writes take turns in the JVM (no SQLITE_BUSY on lock upgrades), and
  // those that queue meanwhile share one transaction (group commit). Null for PostgreSQL.
  private final GroupCommit writer;

  private Database(HikariDataSource dataSource, boolean sqlite, SqliteFiles file) {
    this.dataSource = dataSource;
    this.sqlite = sqlite;
    this.file = file;
    this.jdbi = Jdbi.create(dataSource);
    this.writer = sqlite ? new GroupCommit(jdbi, GroupCommit.MAX_BATCH) : null;
    // exception messages (and so the logs) never carry bound arguments: user text stays out
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
  }

  /** Longest a statement may run on PostgreSQL before the server cancels it. */
  public static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Opens a pool on {@code url}; a missing SQLite file (and its folder) is created here, once: the
   * pool's own connections never create one, so a file that vanishes later is an error, not a new
   * empty database. {@code serve} calls {@link #requireExisting} first.
   */
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
      createIfMissing(url);
      // SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE
      config.addDataSourceProperty("open_mode", "2");
      config.setMaximumPoolSize(sqliteConnections(Runtime.getRuntime().availableProcessors()));
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "NORMAL");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "10000");
      // the savepoint journal of a group commit (and sort scratch) in memory, not temp files
      config.addDataSourceProperty("temp_store", "MEMORY");
    } else {
      // PostgreSQL's error detail quotes row values ("Key (name)=(...) already exists")
      config.addDataSourceProperty("logServerErrorDetail", "false");
      config.setUsername(user);
      config.setPassword(password);
      config.setMaximumPoolSize(10);
      long ms = timeout.toMillis();
      config.addDataSourceProperty(
          "options", "-c statement_timeout=%d -c lock_timeout=%d".formatted(ms, ms));
    }
    SqliteFiles file = sqlite ? SqliteFiles.fileOf(url).map(SqliteFiles::watch).orElse(null) : null;
    return new Database(new HikariDataSource(config), sqlite, file);
  }

  private static void createIfMissing(String url) {
    var path = SqliteFiles.fileOf(url);
    if (path.isEmpty() || java.nio.file.Files.exists(path.get())) return;
    try (var c = java.sql.DriverManager.getConnection(url)) {
      c.createStatement().execute("PRAGMA user_version");
    } catch (java.sql.SQLException e) {
      throw new StorageUnavailableException("cannot create the database file " + path.get(), e);
    }
  }

  /**
   * Refuses a database that was never set up: a SQLite URL whose file does not exist, or a
   * PostgreSQL database without the companion's schema. A first start runs {@code migrate}.
   */
  public static void requireExisting(String url, String user, String password) {
    String firstStart =
        "; a first start runs `qc-companion migrate` (or restore a backup, see docs/deployment.md)";
    if (url.startsWith("jdbc:sqlite:")) {
      var path = SqliteFiles.fileOf(url);
      if (path.isPresent() && !java.nio.file.Files.exists(path.get()))
        throw new StorageUnavailableException("no database at " + path.get() + firstStart);
      return;
    }
    try (var c = java.sql.DriverManager.getConnection(url, user, password);
        var rs = c.getMetaData().getTables(null, c.getSchema(), "flyway_schema_history", null)) {
      if (!rs.next())
        throw new StorageUnavailableException("the database at " + url + " is empty" + firstStart);
    } catch (java.sql.SQLException e) {
      throw new StorageUnavailableException("cannot reach the database at " + url, e);
    }
  }

  /**
   * Throws {@link StorageUnavailableException} unless the database takes writes now: the SQLite
   * file opened at start is still in place and writable, and a query answers.
   */
  public void checkReady() {
    if (file != null) file.check();
    try {
      jdbi.withHandle(
          h ->
              h.createQuery("SELECT count(*) FROM flyway_schema_history")
                  .mapTo(Integer.class)
                  .one());
    } catch (RuntimeException e) {
      throw new StorageUnavailableException("the database does not answer", e);
    }
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
        .locations(
            "classpath:db/migration", "classpath:db/vendor/" + (sqlite ? "sqlite" : "postgresql"))
        .initSql(sqlite ? null : "SET statement_timeout = 0; SET lock_timeout = 0")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * The newest migration this build ships ({@code V<n>__*.sql}); a test keeps it equal to the
   * highest file in {@code db/migration} and {@code db/vendor/*} (triggers and types that differ
   * between SQLite and PostgreSQL: one file per database, same version).
   */
  static final String SCHEMA_VERSION = "231";

  /**
   * What a start runs: {@link #migrate} unless the last migration recorded is {@link
   * #SCHEMA_VERSION} and succeeded. Flyway's scan of the class path and its validation were 0.4 s
   * of every start; {@code migrate} still validates every checksum, and {@code
   * LandedMigrationsTest} keeps landed files unchanged.
   */
  public int migrateIfBehind() {
    return SCHEMA_VERSION.equals(appliedVersion()) ? 0 : migrate();
  }

  // the version of the last migration applied if it succeeded; null if none is or it failed
  private String appliedVersion() {
    try {
      var last =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT CASE WHEN success THEN version END FROM flyway_schema_history"
                              + " ORDER BY installed_rank DESC LIMIT 1")
                      .mapTo(String.class)
                      .list());
      return last.isEmpty() ? null : last.get(0);
    } catch (JdbiException noHistoryYet) {
      return null;
    }
  }

  /** What {@link #backupTo} wrote. */
  public record Backup(long bytes, int migrations) {}

  /**
   * Copies this SQLite database into {@code target} (which must not exist) with {@code VACUUM
   * INTO}: a consistent snapshot while the server keeps running. The copy is then opened and
   * checked ({@code PRAGMA integrity_check}). PostgreSQL is backed up with {@code pg_dump}.
   */
  public Backup backupTo(java.nio.file.Path target) {
    if (!sqlite)
      throw new UnsupportedOperationException(
          "backup covers SQLite; back up PostgreSQL with pg_dump (see docs/deployment.md)");
    var to = target.toAbsolutePath();
    if (java.nio.file.Files.exists(to))
      throw new IllegalArgumentException(to + " exists; choose a new file");
    jdbi.useHandle(h -> h.execute("VACUUM INTO ?", to.toString()));
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + to);
        var s = c.createStatement()) {
      try (var rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        if (!"ok".equals(rs.getString(1)))
          throw new IllegalStateException("the copy at " + to + " fails its integrity check");
      }
      try (var rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history")) {
        rs.next();
        return new Backup(java.nio.file.Files.size(to), rs.getInt(1));
      }
    } catch (java.sql.SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot check the copy at " + to, e);
    }
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

  /**
   * Runs {@code callback} in one transaction and returns its result once committed, or throws what
   * it threw (nothing of it is written). On SQLite writers take turns, and callbacks that wait for
   * their turn share one transaction, each under its own savepoint ({@link GroupCommit}): keep slow
   * work that needs no lock (scoring, JSON, reads of committed data) outside the callback.
   */
  public <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
    if (file != null) file.check();
    if (!sqlite) return StorageFailures.translate(() -> jdbi.inTransaction(callback));
    return writer.write(callback);
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
