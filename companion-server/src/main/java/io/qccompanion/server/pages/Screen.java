package io.qccompanion.server.pages;

import static io.qccompanion.server.auth.Role.ADMIN;
import static io.qccompanion.server.auth.Role.AGENT;
import static io.qccompanion.server.auth.Role.MANAGER;
import static io.qccompanion.server.auth.Role.QC;
import static io.qccompanion.server.auth.Role.QC_LEAD;

import io.qccompanion.server.auth.Role;
import java.util.List;
import java.util.Set;

/**
 * The screens of the app shell, in navigation order: who may open each, who sees it in the
 * navigation, its template and scripts. The navigation and the page routes both read this list, so
 * a link is never shown for a page its reader may not open.
 */
enum Screen {
  FEEDBACK(
      "/feedback", "My feedback", "My feedback", Set.of(AGENT), all(), "scoring.js", "feedback.js"),
  QUEUE("/queue", "QC queue", "QC queue", graders(), graders(), "queue.js"),
  CALIBRATION(
      "/calibration",
      "Calibration",
      "Calibration sessions",
      graders(),
      Set.of(QC, QC_LEAD, ADMIN, MANAGER),
      "calibration.js"),
  DISPUTES(
      "/disputes",
      "Disputes",
      "Disputes",
      Set.of(QC_LEAD, ADMIN),
      Set.of(QC_LEAD, ADMIN, MANAGER),
      "disputes.js"),
  DASHBOARD(
      "/dashboard",
      "Dashboard",
      "Quality dashboard",
      Set.of(MANAGER, QC_LEAD, ADMIN),
      Set.of(MANAGER, QC_LEAD, ADMIN),
      Webjars.path("chart.js", "dist/chart.umd.js"),
      "dashboard.js"),
  TARGETS("/targets", "Targets", "KPI targets", leads(), leads(), "targets.js"),
  AUTOQA("/autoqa", "AutoQA", "AutoQA settings", leads(), leads(), "autoqa.js"),
  PRODUCTION("/production", "Production", "Production", leads(), leads(), "production.js"),
  COACHING("/coaching", "Coaching", "Coaching and training", leads(), leads(), "coaching.js"),
  ACTION_PLANS(
      "/action-plans", "Action plans", "Action plans", leads(), leads(), "action-plans.js"),
  ESCALATIONS(
      "/escalations", "Escalations", "Compliance escalations", leads(), leads(), "escalations.js"),
  CONNECTIONS(
      "/admin/connections", "Connections", "Connections", admin(), admin(), "connections.js"),
  SCORECARDS(
      "/admin/scorecards",
      "Scorecards",
      "Scorecards",
      admin(),
      admin(),
      "scoring.js",
      "scorecards.js"),
  SAMPLING("/admin/sampling", "Sampling", "Sampling policy", admin(), admin(), "sampling.js"),
  USERS("/admin/users", "Users & teams", "Users and teams", admin(), admin(), "users.js"),
  AUDIT("/admin/audit", "Audit log", "Audit log", admin(), admin(), "audit.js"),
  RETENTION("/admin/retention", "Retention", "Retention", admin(), admin(), "retention.js"),
  AUDIT_PACK(
      "/admin/audit-pack",
      "Audit pack",
      "Audit pack",
      Set.of(ADMIN, MANAGER),
      Set.of(ADMIN, MANAGER),
      "audit-pack.js"),
  TOKENS("/tokens", "API tokens", "API tokens", all(), all(), "tokens.js"),
  NOTIFICATIONS(
      "/notifications", "Notifications", "Notifications", Set.of(), all(), "notifications.js");

  final String path;
  final String navLabel;
  final String title;
  final Set<Role> navRoles;
  final Set<Role> roles;
  final List<String> scripts;

  Screen(
      String path,
      String navLabel,
      String title,
      Set<Role> navRoles,
      Set<Role> roles,
      String... scripts) {
    this.path = path;
    this.navLabel = navLabel;
    this.title = title;
    this.navRoles = navRoles;
    this.roles = roles;
    this.scripts = List.of(scripts);
  }

  /** The template that renders the screen's main content. */
  String template() {
    return this == DASHBOARD ? "dashboard.jte" : "screen.jte";
  }

  /** The navigation of {@code role}, with {@code currentPath} marked as the current page. */
  static List<Shell.NavLink> nav(Role role, String currentPath) {
    return java.util.Arrays.stream(values())
        .filter(s -> s.navRoles.contains(role))
        .map(s -> new Shell.NavLink(s.path, s.navLabel, s.path.equals(currentPath)))
        .toList();
  }

  private static Set<Role> all() {
    return Set.of(Role.ANYONE);
  }

  private static Set<Role> graders() {
    return Set.of(QC, QC_LEAD, ADMIN);
  }

  /** Managers, QC leads and admins: the people who run quality for teams. */
  private static Set<Role> leads() {
    return Set.of(MANAGER, QC_LEAD, ADMIN);
  }

  private static Set<Role> admin() {
    return Set.of(ADMIN);
  }
}
