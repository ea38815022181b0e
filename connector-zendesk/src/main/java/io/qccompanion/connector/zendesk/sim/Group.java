package io.qccompanion.connector.zendesk.sim;

/** A simulated Zendesk group. */
public record Group(long id, String name) {}
