package io.qccompanion.model;

/**
 * A host user proven by a verified host token (Zendesk signed URL, Forge invocation token).
 *
 * @param userId the host's user id (Zendesk user id, Atlassian account id)
 * @param email the user's email where the token carries it, else null
 * @param ticketExternalId the ticket the panel was opened on, where the token carries it, else null
 */
public record HostIdentity(String userId, String email, String ticketExternalId) {}
