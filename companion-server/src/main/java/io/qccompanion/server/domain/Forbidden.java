package io.qccompanion.server.domain;

/** The caller is known but may not do this. */
public final class Forbidden extends DomainException {
  public Forbidden(String detail) {
    super(detail);
  }
}
