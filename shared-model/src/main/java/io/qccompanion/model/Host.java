package io.qccompanion.model;

import java.util.regex.Pattern;

/**
 * Ticketing system a connection talks to, named by the connector that serves it ({@link
 * ConnectorProvider#host()}): {@code zendesk}, {@code jira}, or any other installed connector's id.
 * Open on purpose: a new host is a new connector module, not a change here.
 *
 * @param id lower-case letters, digits and dashes, starting with a letter, at most 32 characters
 * @since 0.2 (a closed enum in 0.1)
 */
public record Host(String id) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public Host {
    if (id == null || !ID.matcher(id).matches())
      throw new IllegalArgumentException(
          "host id must be lower-case letters, digits and dashes (got " + id + ")");
  }

  /** The host named {@code id}; throws {@link IllegalArgumentException} for a malformed id. */
  public static Host of(String id) {
    return new Host(id);
  }

  /** True when {@code id} is a well-formed host id. */
  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  @Override
  public String toString() {
    return id;
  }
}
