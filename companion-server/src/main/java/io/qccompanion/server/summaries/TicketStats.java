package io.qccompanion.server.summaries;

/**
 * Ticket KPIs' raw counts for one group and bucket.
 *
 * @param closed tickets solved in the bucket
 * @param rated tickets with a CSAT rating (good or bad)
 * @param good tickets rated good
 * @param firstContact tickets solved without a reopen
 * @param handled tickets with a handle time
 * @param handleSecondsSum total handle time in seconds
 * @param handleSecondsP50 median handle time (nearest rank), seconds; null without handle times
 * @param handleSecondsP90 90th percentile handle time (nearest rank), seconds
 * @param evaluated tickets with at least one counted evaluation
 */
record TicketStats(
    long closed,
    long rated,
    long good,
    long firstContact,
    long handled,
    long handleSecondsSum,
    Long handleSecondsP50,
    Long handleSecondsP90,
    long evaluated) {

  TicketStats withPercentiles(Long p50, Long p90) {
    return new TicketStats(
        closed, rated, good, firstContact, handled, handleSecondsSum, p50, p90, evaluated);
  }
}
