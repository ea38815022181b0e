package io.qccompanion.server.store;

/**
 * The database cannot take writes (its file vanished, was replaced or is read-only, or the server
 * is unreachable). The web layer answers 503; nothing was stored.
 */
public final class StorageUnavailableException extends RuntimeException {
  public StorageUnavailableException(String message) {
    super(message);
  }

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
