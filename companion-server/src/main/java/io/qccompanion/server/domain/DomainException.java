package io.qccompanion.server.domain;

/**
 * A request the domain refuses. Services throw one of the four kinds; {@code web.Problems} maps
 * each to problem+json in one place, so domain code never knows about HTTP.
 */
public abstract sealed class DomainException extends RuntimeException
    permits NotFound, Conflict, Invalid, Forbidden {
  DomainException(String detail) {
    super(detail);
  }
}
