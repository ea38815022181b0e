package io.qccompanion.server.auth;

import java.util.Optional;

/** Finds who a user is (role, agent, teams); the users feature implements it. */
@FunctionalInterface
public interface Principals {
  /** The active user's principal, or empty for an unknown or deactivated user. */
  Optional<Principal> principal(String userId, String csrfToken);
}
