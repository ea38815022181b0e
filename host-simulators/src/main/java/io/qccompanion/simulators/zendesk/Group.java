package io.qccompanion.simulators.zendesk;

/** A simulated Zendesk group. */
public record Group(long id, String name) {}
