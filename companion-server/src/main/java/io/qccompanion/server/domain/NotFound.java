package io.qccompanion.server.domain;

/** The named thing does not exist (or the caller may not know that it does). */
public final class NotFound extends DomainException {
  public NotFound(String what, String id) {
    super(what + " '" + id + "' does not exist");
  }
}
