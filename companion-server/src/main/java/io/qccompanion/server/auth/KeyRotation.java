package io.qccompanion.server.auth;

import io.qccompanion.server.store.Database;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Re-encrypts every secret at rest under a new {@code QC_SECRET_KEY}, in one transaction: every
 * column named {@code *_enc} in every table (found from the schema, so a new encrypted column is
 * covered by its name). Nothing changes unless the old key opens every secret and the new key opens
 * every rewritten one.
 */
public final class KeyRotation {
  private final Database db;

  public KeyRotation(Database db) {
    this.db = db;
  }

  /** Thrown when the old key does not open a stored secret; nothing was changed. */
  public static final class WrongKeyException extends RuntimeException {
    WrongKeyException(String where) {
      super("the current secret key does not decrypt " + where + "; nothing was changed");
    }
  }

  /** Returns how many secrets were re-encrypted, by {@code table.column}. */
  public Map<String, Integer> rotate(String oldKey, String newKey) {
    var from = new SecretBox(oldKey);
    var to = new SecretBox(newKey);
    return db.write(
        h -> {
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (String[] tc : encryptedColumns(h)) {
            String table = tc[0];
            String column = tc[1];
            int n = 0;
            List<String> sealed =
                h.createQuery(
                        "SELECT %s FROM %s WHERE %s IS NOT NULL".formatted(column, table, column))
                    .mapTo(String.class)
                    .list();
            for (String old : sealed) {
              String plain;
              try {
                plain = from.decrypt(old);
              } catch (IllegalStateException e) {
                throw new WrongKeyException(table + "." + column);
              }
              String fresh = to.encrypt(plain);
              // the IV is random, so a ciphertext names its row
              h.createUpdate("UPDATE %s SET %s = ? WHERE %s = ?".formatted(table, column, column))
                  .bind(0, fresh)
                  .bind(1, old)
                  .execute();
              if (!plain.equals(to.decrypt(fresh)))
                throw new IllegalStateException("verification failed in " + table + "." + column);
              n++;
            }
            counts.put(table + "." + column, n);
          }
          // verify: every secret now opens with the new key
          for (String[] tc : encryptedColumns(h))
            for (String s :
                h.createQuery(
                        "SELECT %s FROM %s WHERE %s IS NOT NULL".formatted(tc[1], tc[0], tc[1]))
                    .mapTo(String.class)
                    .list()) to.decrypt(s);
          return counts;
        });
  }

  // identifiers come from the database's own catalogue, never from input
  private static List<String[]> encryptedColumns(Handle h) {
    try {
      return columns(h);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the schema", e);
    }
  }

  private static List<String[]> columns(Handle h) throws SQLException {
    var meta = h.getConnection().getMetaData();
    String schema = h.getConnection().getSchema();
    List<String[]> out = new ArrayList<>();
    try (var rs = meta.getColumns(null, schema, "%", "%")) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (column.toLowerCase(Locale.ROOT).endsWith("_enc")
            && !table.toLowerCase(Locale.ROOT).startsWith("sqlite_"))
          out.add(new String[] {table, column});
      }
    }
    return out;
  }
}
