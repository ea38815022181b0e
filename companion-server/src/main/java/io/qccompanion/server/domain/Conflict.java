package io.qccompanion.server.domain;

/** The request clashes with the current state, e.g. amending a locked evaluation. */
public final class Conflict extends DomainException {
  public Conflict(String detail) {
    super(detail);
  }
}
