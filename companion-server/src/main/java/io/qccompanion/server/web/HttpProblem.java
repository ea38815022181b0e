package io.qccompanion.server.web;

/**
 * An error answer in RFC 9457 problem+json form. Handlers throw it; one exception mapping in the
 * app renders it. {@code field} is a JSON pointer to the failing input, e.g. {@code
 * /criteria/0/weight}, or a query parameter name.
 */
public class HttpProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final String field;

  public HttpProblem(int status, String title, String detail, String field) {
    super(detail);
    this.status = status;
    this.title = title;
    this.field = field;
  }

  public static HttpProblem invalid(String field, String detail) {
    return new HttpProblem(400, "Invalid request", detail, field);
  }

  public static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, "Unauthorized", detail, null);
  }

  public static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, "Forbidden", detail, null);
  }

  public static HttpProblem notFound(String what, String id) {
    return new HttpProblem(404, "Not found", what + " '" + id + "' does not exist", null);
  }

  public static HttpProblem conflict(String detail) {
    return new HttpProblem(409, "Conflict", detail, null);
  }

  public static HttpProblem unprocessable(String field, String detail) {
    return new HttpProblem(422, "Unprocessable request", detail, field);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
