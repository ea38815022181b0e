package io.qccompanion.model;

import java.time.Instant;

/**
 * One message of a ticket's conversation.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param authorId host id of the author
 * @param authorRole {@code customer}, {@code agent} or {@code system}
 * @param publicMessage false for internal notes
 * @since 0.1
 */
public record Message(
    String authorId, String authorRole, boolean publicMessage, Instant createdAt, String body) {

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
    b.authorId = authorId;
    b.authorRole = authorRole;
    b.publicMessage = publicMessage;
    b.createdAt = createdAt;
    b.body = body;
    return b;
  }

  /**
   * Builds {@link Message}; a field never set keeps its default (null, empty, zero or false unless
   * the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String authorId;
    private String authorRole;
    private boolean publicMessage;
    private Instant createdAt;
    private String body;

    private Builder() {}

    public Builder authorId(String authorId) {
      this.authorId = authorId;
      return this;
    }

    public Builder authorRole(String authorRole) {
      this.authorRole = authorRole;
      return this;
    }

    public Builder publicMessage(boolean publicMessage) {
      this.publicMessage = publicMessage;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder body(String body) {
      this.body = body;
      return this;
    }

    public Message build() {
      return new Message(authorId, authorRole, publicMessage, createdAt, body);
    }
  }
}
