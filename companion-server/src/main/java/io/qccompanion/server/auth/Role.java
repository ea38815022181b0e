package io.qccompanion.server.auth;

import io.javalin.security.RouteRole;

/** What a user may do; routes declare the roles they admit. */
public enum Role implements RouteRole {
  /** Configures connections, scorecards, sampling, users. */
  ADMIN,
  /** Reads summaries, sets targets, records production. */
  MANAGER,
  /** Runs calibration, resolves disputes, grades. */
  QC_LEAD,
  /** Grades sampled tickets. */
  QC,
  /** Sees feedback on their own tickets only. */
  AGENT;

  /** Roles that grade tickets. */
  public static final Role[] GRADERS = {ADMIN, QC_LEAD, QC};

  /** Roles that see every team's results (subject to team scope). */
  public static final Role[] STAFF = {ADMIN, MANAGER, QC_LEAD, QC};

  /** Every role. */
  public static final Role[] ANYONE = values();
}
