package io.qccompanion.server.users;

/** A support team; sampling policies, scorecards and targets are set per team. */
public record Team(String id, String name) {}
