package io.qccompanion.model;

/**
 * Customer satisfaction on a ticket.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param rating {@link Rating#GOOD}, {@link Rating#BAD}, or {@link Rating#UNOFFERED} when the
 *     customer was not asked or did not answer
 * @param score numeric score where the host has one (e.g. JSM 1-5), otherwise null
 * @param comment the customer's comment, or null
 * @since 0.1
 */
public record Csat(Rating rating, Integer score, String comment) {
  public enum Rating {
    GOOD,
    BAD,
    UNOFFERED
  }

  public static final Csat NONE = new Csat(Rating.UNOFFERED, null, null);

  public Csat {
    if (rating == null) throw new IllegalArgumentException("rating == null");
  }

  public boolean rated() {
    return rating != Rating.UNOFFERED;
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
    b.rating = rating;
    b.score = score;
    b.comment = comment;
    return b;
  }

  /**
   * Builds {@link Csat}; a field never set keeps its default (null, empty, zero or false unless the
   * component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private Rating rating = Rating.UNOFFERED;
    private Integer score;
    private String comment;

    private Builder() {}

    public Builder rating(Rating rating) {
      this.rating = rating;
      return this;
    }

    public Builder score(Integer score) {
      this.score = score;
      return this;
    }

    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    public Csat build() {
      return new Csat(rating, score, comment);
    }
  }
}
