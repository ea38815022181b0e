package io.qccompanion.server.sampling;

/** An agent's competency tier: how heavily their tickets are sampled. */
enum Tier {
  /** First tickets or weeks of an agent: high rate. */
  NEW,
  /** Neither new, proven nor at risk: the standard rate. */
  STANDARD,
  /** Rolling quality at or above target with no critical fail: low rate. */
  PROVEN,
  /** Quality dropped, a recent critical fail or an open action plan: high rate until recovered. */
  AT_RISK
}
