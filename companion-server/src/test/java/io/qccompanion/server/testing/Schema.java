package io.qccompanion.server.testing;

import io.qccompanion.server.store.Database;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tables and columns of the companion's schema read through JDBC metadata, so a test that scans
 * "every table" covers a table added later and runs on SQLite and PostgreSQL alike.
 */
public final class Schema {
  private static final Set<Integer> TEXT =
      Set.of(
          Types.VARCHAR,
          Types.CHAR,
          Types.LONGVARCHAR,
          Types.NVARCHAR,
          Types.NCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB,
          Types.OTHER); // PostgreSQL's jsonb

  private Schema() {}

  /** Every table of the application (Flyway's history and SQLite's own tables left out). */
  public static List<String> tables(Database db) {
    return columnsByTable(db, false).keySet().stream().toList();
  }

  /** Every text-like column of every application table, by table. */
  public static Map<String, List<String>> textColumns(Database db) {
    return columnsByTable(db, true);
  }

  /** One statement counting the rows of every application table. */
  public static String countAllRows(Database db) {
    return "SELECT "
        + String.join(
            " + ", tables(db).stream().map(t -> "(SELECT COUNT(*) FROM " + t + ")").toList());
  }

  private static Map<String, List<String>> columnsByTable(Database db, boolean textOnly) {
    try (var c = db.dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String schema = db.isSqlite() ? null : c.getSchema();
      Map<String, List<String>> out = new LinkedHashMap<>();
      try (var rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String t = rs.getString("TABLE_NAME");
          String lower = t.toLowerCase(Locale.ROOT);
          if (lower.startsWith("sqlite_") || lower.equals("flyway_schema_history")) continue;
          out.put(t, new ArrayList<>());
        }
      }
      for (var e : out.entrySet())
        try (var rs = meta.getColumns(null, schema, e.getKey(), "%")) {
          while (rs.next()) {
            String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
            boolean text =
                TEXT.contains(rs.getInt("DATA_TYPE"))
                    || type.contains("text")
                    || type.contains("char")
                    || type.contains("json");
            if (!textOnly || text) e.getValue().add(rs.getString("COLUMN_NAME"));
          }
        }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the schema", e);
    }
  }
}
