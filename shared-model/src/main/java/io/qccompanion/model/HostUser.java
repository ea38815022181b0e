package io.qccompanion.model;

/**
 * A host user referenced by tickets (assignee, replier), side-loaded with a page so the server can
 * link host identities to companion agents without extra requests.
 *
 * @param role the host's role name, e.g. {@code agent}, {@code admin}, {@code end-user}
 */
public record HostUser(String id, String name, String email, String role) {}
