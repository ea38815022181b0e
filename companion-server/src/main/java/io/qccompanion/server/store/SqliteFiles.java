package io.qccompanion.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The file behind a SQLite URL. SQLite keeps writing to a file that was deleted or replaced under
 * an open connection (the old inode lives on), so {@link #check} compares the path with the file
 * opened at start before every write.
 */
final class SqliteFiles {
  private final Path file;
  private final Object key;

  private SqliteFiles(Path file, Object key) {
    this.file = file;
    this.key = key;
  }

  /** The database file of a {@code jdbc:sqlite:} URL; empty for in-memory databases. */
  static Optional<Path> fileOf(String url) {
    String file = url.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) file = file.substring(0, query);
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:"))
      return Optional.empty();
    return Optional.of(Path.of(file).toAbsolutePath());
  }

  static void createParentFolder(String url) {
    Path parent = fileOf(url).map(Path::getParent).orElse(null);
    try {
      if (parent != null) Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database folder " + parent, e);
    }
  }

  /** Remembers the identity of the file now at {@code file} (it must exist). */
  static SqliteFiles watch(Path file) {
    return new SqliteFiles(file, identity(file));
  }

  /** Throws unless the file opened at start is still at its path and writable. */
  void check() {
    if (!Files.exists(file))
      throw new StorageUnavailableException(
          "the database file " + file + " has vanished; restore it from a backup and restart");
    if (!Objects.equals(identity(file), key))
      throw new StorageUnavailableException(
          "the database file " + file + " was replaced while open; restart the companion");
    if (!Files.isWritable(file) || !Files.isWritable(file.getParent()))
      throw new StorageUnavailableException(
          "the database file " + file + " or its folder is not writable");
  }

  private static Object identity(Path file) {
    try {
      var attrs = Files.readAttributes(file, BasicFileAttributes.class);
      return attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime();
    } catch (IOException e) {
      return null;
    }
  }
}
