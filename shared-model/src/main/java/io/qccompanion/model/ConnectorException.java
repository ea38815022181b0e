package io.qccompanion.model;

import java.time.Duration;

/**
 * A host call that failed after the connector's own retries. Tells the server whether to retry
 * later, how long to wait, and whether the credentials are bad (the connection is then paused and
 * admins are told why). Messages name the connection and never contain a secret.
 */
public class ConnectorException extends Exception {
  public enum Kind {
    /** 401/403, revoked token, deactivated API user: pause the connection. */
    CREDENTIALS,
    /** 429, 5xx, timeout, malformed body: try again later. */
    TRANSIENT,
    /** The request itself is wrong (404 ticket, 422 validation): retrying will not help. */
    PERMANENT
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;
  private final boolean outcomeUnknown;

  public ConnectorException(
      Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
    this(kind, status, retryAfter, false, message, cause);
  }

  private ConnectorException(
      Kind kind,
      int status,
      Duration retryAfter,
      boolean outcomeUnknown,
      String message,
      Throwable cause) {
    super(message, cause);
    if (kind == null) throw new IllegalArgumentException("kind == null");
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.outcomeUnknown = outcomeUnknown;
  }

  /**
   * A write that may have been applied although no success came back (5xx, timeout, dropped
   * connection after sending): transient, and the caller must look ({@link FeedbackSink#find})
   * before writing again.
   *
   * @since 0.2
   */
  public static ConnectorException outcomeUnknown(int status, String message, Throwable cause) {
    return new ConnectorException(Kind.TRANSIENT, status, null, true, message, cause);
  }

  public static ConnectorException credentials(int status, String message) {
    return new ConnectorException(Kind.CREDENTIALS, status, null, message, null);
  }

  public static ConnectorException transientFailure(
      int status, Duration retryAfter, String message, Throwable cause) {
    return new ConnectorException(Kind.TRANSIENT, status, retryAfter, message, cause);
  }

  public static ConnectorException permanent(int status, String message) {
    return new ConnectorException(Kind.PERMANENT, status, null, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status of the last answer, 0 when there was none (I/O error, timeout). */
  public int status() {
    return status;
  }

  public boolean retryable() {
    return kind == Kind.TRANSIENT;
  }

  public boolean credentialsInvalid() {
    return kind == Kind.CREDENTIALS;
  }

  /**
   * True when a write may have been applied despite this failure; see {@link #outcomeUnknown}.
   *
   * @since 0.2
   */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  /** How long the host asked us to wait (Retry-After), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
