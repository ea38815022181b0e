package io.qccompanion.model;

/** Ticketing system a connection talks to; the value is the connector's {@code host()} name. */
public enum Host {
  ZENDESK("zendesk"),
  JIRA("jira");

  private final String id;

  Host(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Host fromId(String id) {
    for (Host host : values()) {
      if (host.id.equals(id)) {
        return host;
      }
    }
    throw new IllegalArgumentException("unknown host: " + id);
  }
}
