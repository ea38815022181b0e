package io.qccompanion.model;

/**
 * A host user proven by a verified host token (Zendesk signed URL, Forge invocation token).
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param userId the host's user id (Zendesk user id, Atlassian account id)
 * @param email the user's email where the token carries it, else null
 * @param ticketExternalId the ticket the panel was opened on, where the token carries it, else null
 * @since 0.1
 */
public record HostIdentity(String userId, String email, String ticketExternalId) {

  /**
   * A builder with every field at its documented default.
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.userId = userId;
    b.email = email;
    b.ticketExternalId = ticketExternalId;
    return b;
  }

  /**
   * Builds {@link HostIdentity}; a field never set keeps its default (null, empty, zero or false
   * unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String userId;
    private String email;
    private String ticketExternalId;

    private Builder() {}

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder ticketExternalId(String ticketExternalId) {
      this.ticketExternalId = ticketExternalId;
      return this;
    }

    public HostIdentity build() {
      return new HostIdentity(userId, email, ticketExternalId);
    }
  }
}
