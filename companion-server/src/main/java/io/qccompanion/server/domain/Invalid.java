package io.qccompanion.server.domain;

/**
 * Input the domain rejects, naming the failing field as a JSON pointer ({@code /criteria/0/weight})
 * or a query parameter name. {@link #malformed} input is wrong on its face (missing, out of range);
 * {@link #unprocessable} input is well-formed but contradicts the data it refers to.
 */
public final class Invalid extends DomainException {
  private final String field;
  private final boolean wellFormed;

  private Invalid(String field, String detail, boolean wellFormed) {
    super(detail);
    this.field = field;
    this.wellFormed = wellFormed;
  }

  /** Input that is wrong on its face. */
  public static Invalid malformed(String field, String detail) {
    return new Invalid(field, detail, false);
  }

  /** Well-formed input that contradicts the data it refers to. */
  public static Invalid unprocessable(String field, String detail) {
    return new Invalid(field, detail, true);
  }

  public String field() {
    return field;
  }

  public boolean wellFormed() {
    return wellFormed;
  }
}
