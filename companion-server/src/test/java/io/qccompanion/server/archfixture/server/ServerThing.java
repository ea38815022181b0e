package io.qccompanion.server.archfixture.server;

/** Fixture for ArchitectureTest: stands for a server class. */
public class ServerThing {}
