package io.qccompanion.model;

import java.time.Instant;
import java.util.List;

/**
 * One message of a ticket's conversation (a Zendesk comment, a Jira comment), oldest first within a
 * ticket. The server stores at most a configured number per ticket and cuts long texts.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param authorId host id of the author
 * @param authorRole {@code customer}, {@code agent} or {@code system} as the host says it
 * @param publicMessage false for internal notes
 * @param body the message as plain text
 * @param id the host's id of the message, unique within the ticket; null when the host has none
 *     (since 0.2, default null: the server then keys the message by time and author)
 * @param authorKind who wrote it (since 0.2, default derived from {@code authorRole})
 * @param html the message as sanitised HTML where the host has it (since 0.2, default null)
 * @param attachmentNames file names of attachments (since 0.2, default empty; derived from {@code
 *     attachments} when only those are given)
 * @param attachments attachments with size and link where the host gives them (since 0.3, default:
 *     one per name in {@code attachmentNames}, without size or link)
 * @since 0.1
 */
public record Message(
    String authorId,
    String authorRole,
    boolean publicMessage,
    Instant createdAt,
    String body,
    String id,
    AuthorKind authorKind,
    String html,
    List<String> attachmentNames,
    List<Attachment> attachments) {

  /**
   * A file attached to a message.
   *
   * @param name file name
   * @param size bytes, or null when the host does not say
   * @param url where the host serves it (may need the reader's host login), or null
   * @since 0.3
   */
  public record Attachment(String name, Long size, String url) {
    public Attachment {
      if (name == null) throw new IllegalArgumentException("name == null");
    }
  }

  /**
   * Who wrote a message.
   *
   * @since 0.2
   */
  public enum AuthorKind {
    AGENT,
    CUSTOMER,
    OTHER;

    /** {@code agent}/{@code admin} → AGENT, {@code customer}/{@code end-user} → CUSTOMER. */
    public static AuthorKind fromRole(String role) {
      if (role == null) return OTHER;
      return switch (role.toLowerCase(java.util.Locale.ROOT)) {
        case "agent", "admin" -> AGENT;
        case "customer", "end-user", "end_user", "reporter" -> CUSTOMER;
        default -> OTHER;
      };
    }
  }

  public Message {
    authorKind = authorKind == null ? AuthorKind.fromRole(authorRole) : authorKind;
    attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    if (attachments.isEmpty() && !attachmentNames.isEmpty())
      attachments = attachmentNames.stream().map(n -> new Attachment(n, null, null)).toList();
    else if (attachmentNames.isEmpty() && !attachments.isEmpty())
      attachmentNames = attachments.stream().map(Attachment::name).toList();
  }

  /** The 0.1 shape; the fields added since keep their defaults. */
  public Message(
      String authorId, String authorRole, boolean publicMessage, Instant createdAt, String body) {
    this(authorId, authorRole, publicMessage, createdAt, body, null, null, null, null, null);
  }

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
    b.id = id;
    b.authorKind = authorKind;
    b.html = html;
    b.attachmentNames = attachmentNames;
    b.attachments = attachments;
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
    private String id;
    private AuthorKind authorKind;
    private String html;
    private List<String> attachmentNames;
    private List<Attachment> attachments;

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

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder authorKind(AuthorKind authorKind) {
      this.authorKind = authorKind;
      return this;
    }

    public Builder html(String html) {
      this.html = html;
      return this;
    }

    public Builder attachmentNames(List<String> attachmentNames) {
      this.attachmentNames = attachmentNames;
      return this;
    }

    /**
     * Attachments with size and link.
     *
     * @since 0.3
     */
    public Builder attachments(List<Attachment> attachments) {
      this.attachments = attachments;
      return this;
    }

    public Message build() {
      return new Message(
          authorId,
          authorRole,
          publicMessage,
          createdAt,
          body,
          id,
          authorKind,
          html,
          attachmentNames,
          attachments);
    }
  }
}
