package io.qccompanion.model;

/** A host group (Zendesk group, Jira project or team field value) that tickets belong to. */
public record HostTeam(String id, String name) {}
