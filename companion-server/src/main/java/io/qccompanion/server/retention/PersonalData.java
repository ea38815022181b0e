package io.qccompanion.server.retention;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The personal data retention forgets beyond what it deletes with old evaluations: users
 * deactivated longer than the period (and the agent they were), the personal fields of old audit
 * snapshots, old notifications, production exceptions and sample decisions, and conversations
 * stored without a ticket. Each kind is counted in a dry run and changed in a real one.
 */
final class PersonalData {
  static final String FORMER_USER = "Former user";
  private static final String ANONYMISED_DOMAIN = "@anonymised.invalid";
  private static final String OLD_USERS =
      "SELECT id FROM users WHERE active = 0 AND deactivated_at < :cutoff AND email NOT LIKE '%"
          + ANONYMISED_DOMAIN
          + "'";
  // (kind shown in the counts, count query, change statements) in a foreign-key-safe order
  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "notifications",
              "SELECT COUNT(*) FROM notifications WHERE created_at < :cutoff OR user_id IN ("
                  + OLD_USERS
                  + ")",
              "DELETE FROM notifications WHERE created_at < :cutoff OR user_id IN ("
                  + OLD_USERS
                  + ")"),
          new Kind(
              "production_exceptions",
              "SELECT COUNT(*) FROM production_exceptions WHERE created_at < :cutoff",
              "DELETE FROM production_exceptions WHERE created_at < :cutoff"),
          new Kind(
              "sample_decisions",
              "SELECT COUNT(*) FROM sample_decisions WHERE decided_at < :cutoff",
              "DELETE FROM sample_decisions WHERE decided_at < :cutoff"),
          new Kind(
              "messages (older than the period)",
              "SELECT COUNT(*) FROM messages WHERE created_at < :cutoff",
              "DELETE FROM messages WHERE created_at < :cutoff",
              "DELETE FROM conversations WHERE updated_at < :cutoff"),
          new Kind(
              "audit_events (snapshots cleared)",
              """
              SELECT COUNT(*) FROM audit_events WHERE (before_json IS NOT NULL OR after_json IS NOT NULL)
                AND (at < :cutoff OR entity_id IN (%s) OR entity_id IN
                  (SELECT agent_id FROM users WHERE id IN (%s)))"""
                  .formatted(OLD_USERS, OLD_USERS),
              """
              UPDATE audit_events SET before_json = NULL, after_json = NULL
              WHERE (before_json IS NOT NULL OR after_json IS NOT NULL)
                AND (at < :cutoff OR entity_id IN (%s) OR entity_id IN
                  (SELECT agent_id FROM users WHERE id IN (%s)))"""
                  .formatted(OLD_USERS, OLD_USERS)),
          new Kind(
              "users (deactivated longer than the period, anonymised)",
              "SELECT COUNT(*) FROM (" + OLD_USERS + ") u",
              "DELETE FROM sessions WHERE user_id IN (" + OLD_USERS + ")",
              "DELETE FROM api_tokens WHERE user_id IN (" + OLD_USERS + ")",
              "DELETE FROM notification_preferences WHERE user_id IN (" + OLD_USERS + ")",
              "DELETE FROM user_teams WHERE user_id IN (" + OLD_USERS + ")",
              "DELETE FROM host_identities WHERE local_id IN (" + OLD_USERS + ")",
              """
              DELETE FROM host_identities WHERE local_id IN
                (SELECT agent_id FROM users WHERE id IN (%s))"""
                  .formatted(OLD_USERS),
              """
              UPDATE agents SET name = 'Former agent', email = NULL, active = 0
              WHERE id IN (SELECT agent_id FROM users WHERE id IN (%s))"""
                  .formatted(OLD_USERS),
              // the last statement changes what OLD_USERS selects, so it runs last
              "UPDATE users SET name = '"
                  + FORMER_USER
                  + "', password_hash = NULL, email = 'former-' || id || '"
                  + ANONYMISED_DOMAIN
                  + "' WHERE id IN ("
                  + OLD_USERS
                  + ")"));

  private PersonalData() {}

  private record Kind(String name, String count, String... changes) {}

  /** Counts (dry run) or forgets each kind; adds the counts to {@code counts}. */
  static void forget(Handle h, long now, long cutoff, boolean dryRun, Map<String, Integer> counts) {
    // users made inactive before deactivated_at existed: the period starts now
    if (!dryRun)
      h.createUpdate(
              "UPDATE users SET deactivated_at = :now WHERE active = 0 AND deactivated_at IS NULL")
          .bind("now", now)
          .execute();
    for (Kind kind : KINDS) {
      int n = h.createQuery(kind.count()).bind("cutoff", cutoff).mapTo(Integer.class).one();
      counts.put(kind.name(), n);
      if (dryRun || n == 0) continue;
      for (String change : kind.changes()) h.createUpdate(change).bind("cutoff", cutoff).execute();
    }
  }
}
