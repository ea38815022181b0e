package io.qccompanion.model;

/**
 * What a {@link FeedbackSink} did with a note.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param hostReference the host's id of the written comment, or null when no comment was written
 * @param detail human-readable explanation, e.g. why the note fell back to tags
 * @since 0.1
 */
public record WriteResult(Outcome outcome, String hostReference, String detail) {
  public enum Outcome {
    /** Internal note (and configured fields/tags) written. */
    WRITTEN,
    /** The note with this idempotency key was already on the ticket; nothing new written. */
    ALREADY_PRESENT,
    /** The host refused a comment; tags/fields were written and the note stays on the companion. */
    FELL_BACK
  }

  public WriteResult {
    if (outcome == null) throw new IllegalArgumentException("outcome == null");
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
    b.outcome = outcome;
    b.hostReference = hostReference;
    b.detail = detail;
    return b;
  }

  /**
   * Builds {@link WriteResult}; a field never set keeps its default (null, empty, zero or false
   * unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private Outcome outcome;
    private String hostReference;
    private String detail;

    private Builder() {}

    public Builder outcome(Outcome outcome) {
      this.outcome = outcome;
      return this;
    }

    public Builder hostReference(String hostReference) {
      this.hostReference = hostReference;
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public WriteResult build() {
      return new WriteResult(outcome, hostReference, detail);
    }
  }
}
