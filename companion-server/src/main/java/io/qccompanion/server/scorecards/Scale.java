package io.qccompanion.server.scorecards;

/** How a criterion is answered. */
public enum Scale {
  /** Yes (1) or no (0). */
  BINARY,
  /** A value from 1 to 5. */
  ONE_TO_FIVE,
  /** One of the criterion's allowed point values; the highest is full marks. */
  POINTS
}
