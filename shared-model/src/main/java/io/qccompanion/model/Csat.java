package io.qccompanion.model;

/**
 * Customer satisfaction on a ticket.
 *
 * @param rating {@link Rating#GOOD}, {@link Rating#BAD}, or {@link Rating#UNOFFERED} when the
 *     customer was not asked or did not answer
 * @param score numeric score where the host has one (e.g. JSM 1-5), otherwise null
 * @param comment the customer's comment, or null
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
}
