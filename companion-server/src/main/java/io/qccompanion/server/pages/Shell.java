package io.qccompanion.server.pages;

import io.qccompanion.server.auth.Principal;
import java.util.List;

/**
 * What the app shell shows around a page: title, the signed-in user (null on the login page) with
 * their navigation, the unread-notifications count for the badge, and the page's scripts.
 *
 * @param compact the variant for host-embedded pages (scoring panel): no navigation, fits 320 px
 * @param scripts script URLs run after {@code app.js}
 */
record Shell(
    String title,
    Principal user,
    List<NavLink> nav,
    boolean compact,
    int unreadNotifications,
    List<String> scripts) {

  /** One navigation entry; {@code current} marks the page being shown. */
  record NavLink(String href, String label, boolean current) {}

  /** The role as a person reads it: "QC lead", not {@code QC_LEAD}. */
  String roleLabel() {
    return switch (user.role()) {
      case ADMIN -> "Admin";
      case MANAGER -> "Manager";
      case QC_LEAD -> "QC lead";
      case QC -> "QC";
      case AGENT -> "Agent";
    };
  }

  String csrfToken() {
    return user == null ? null : user.csrfToken();
  }
}
