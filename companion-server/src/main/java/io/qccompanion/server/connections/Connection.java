package io.qccompanion.server.connections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A configured Zendesk or Jira account, as the API shows it: credentials are never included.
 *
 * @param attribution which agents a ticket counts for: {@code ASSIGNEE_AT_SOLVE}, {@code
 *     LAST_ASSIGNEE} or {@code ALL_REPLIERS}
 * @param status {@code UNTESTED} (created through the API: the scheduler does not sync it until a
 *     test passes or an admin starts it), {@code ACTIVE} or {@code PAUSED} (no sync, no write-back)
 * @param pausedReason why it was paused (revoked token, repeated failures, by an admin)
 */
public record Connection(
    String id,
    String name,
    String host,
    String baseUrl,
    String authKind,
    String username,
    List<String> closedStatuses,
    Map<String, String> options,
    Instant startFrom,
    int intervalSeconds,
    Attribution attribution,
    Status status,
    String pausedReason,
    boolean webhookSecretSet,
    Instant createdAt,
    Instant updatedAt) {

  public enum Status {
    UNTESTED,
    ACTIVE,
    PAUSED
  }

  /** Which agents a multi-agent ticket is attributed to. */
  public enum Attribution {
    ASSIGNEE_AT_SOLVE,
    LAST_ASSIGNEE,
    ALL_REPLIERS
  }
}
