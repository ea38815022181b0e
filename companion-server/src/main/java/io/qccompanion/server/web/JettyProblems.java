package io.qccompanion.server.web;

import io.qccompanion.server.domain.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (414 URI too long, 431 headers too large, 400 bad message, errors
 * before Javalin routes) as {@code application/problem+json} instead of HTML.
 */
final class JettyProblems extends ErrorHandler {
  private static final String TYPE = "application/problem+json";

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, TYPE));
    return ByteBuffer.wrap(body(status, reason, null).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
    response.write(
        true,
        ByteBuffer.wrap(
            body(code, message, Request.getPathInContext(request))
                .getBytes(StandardCharsets.UTF_8)),
        callback);
  }

  static String body(int status, String reason, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    String title = HttpStatus.getMessage(status);
    body.put("title", title);
    body.put("status", status);
    // Jetty's reasons name limits, never user input
    body.put("detail", reason == null || reason.isBlank() ? title : reason);
    if (path != null) body.put("instance", path);
    return Json.write(body);
  }
}
