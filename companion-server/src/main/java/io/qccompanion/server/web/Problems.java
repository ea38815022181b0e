package io.qccompanion.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.DomainException;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every failure as {@code application/problem+json}; unexpected ones are logged once. */
final class Problems {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** Registers the exception and error mappings. */
  public static void register(RoutesConfig routes) {
    routes.exception(HttpProblem.class, (e, ctx) -> render(ctx, e));
    routes.exception(DomainException.class, (e, ctx) -> render(ctx, of(e)));
    routes.exception(JsonProcessingException.class, (e, ctx) -> render(ctx, fromJson(e)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            render(ctx, new HttpProblem(e.getStatus(), e.getMessage(), e.getMessage(), null)));
    // out-of-range numbers and dates such as +999999999-12-31T23:59:59Z overflow epoch millis
    routes.exception(
        ArithmeticException.class,
        (e, ctx) ->
            render(
                ctx,
                HttpProblem.invalid(
                    outOfRangeParam(ctx), "a number or date in the request is out of range")));
    routes.exception(
        java.time.DateTimeException.class,
        (e, ctx) ->
            render(
                ctx,
                HttpProblem.invalid(
                    outOfRangeParam(ctx), "a date in the request is out of range")));
    routes.exception(
        StorageUnavailableException.class,
        (e, ctx) -> {
          log.warn("{} {} refused: {}", ctx.method(), ctx.path(), e.getMessage());
          // the reason names files and hosts: it goes to the log, not to the caller
          render(
              ctx,
              new HttpProblem(
                  503,
                  "Storage unavailable",
                  "the database is unavailable; nothing was stored",
                  null));
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          // a JDBI exception's message may name the statement's arguments (user text); its
          // JDBC cause names the failure only
          Throwable logged =
              e instanceof org.jdbi.v3.core.JdbiException && e.getCause() != null
                  ? e.getCause()
                  : e;
          log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), logged);
          render(
              ctx,
              new HttpProblem(500, "Internal error", "unexpected failure; see server log", null));
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty())
            render(ctx, new HttpProblem(404, "Not found", "no route for " + ctx.path(), null));
        });
  }

  // the query parameter holding an instant beyond epoch-millisecond range, else the body
  private static String outOfRangeParam(Context ctx) {
    for (var e : ctx.queryParamMap().entrySet())
      for (String v : e.getValue())
        try {
          java.time.Instant.parse(v.strip()).toEpochMilli();
        } catch (ArithmeticException overflow) {
          return e.getKey();
        } catch (RuntimeException notAnInstant) {
          // not this one
        }
    return "/";
  }

  /** Writes {@code problem} to the response. */
  public static void render(Context ctx, HttpProblem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    if (problem.field() != null) body.put("field", problem.field());
    body.put("instance", ctx.path());
    ctx.status(problem.status()).contentType("application/problem+json").result(Json.write(body));
  }

  /** The HTTP answer to a domain refusal. */
  static HttpProblem of(DomainException e) {
    String detail = e.getMessage();
    if (e instanceof NotFound) return new HttpProblem(404, "Not found", detail, null);
    if (e instanceof Conflict) return HttpProblem.conflict(detail);
    if (e instanceof Forbidden) return HttpProblem.forbidden(detail);
    Invalid invalid = (Invalid) e;
    return invalid.wellFormed()
        ? HttpProblem.unprocessable(invalid.field(), detail)
        : HttpProblem.invalid(invalid.field(), detail);
  }

  static HttpProblem fromJson(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return HttpProblem.invalid(
          pointer(unknown), "unknown field '" + unknown.getPropertyName() + "'");
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String detail = mapping.getOriginalMessage();
      int cut = detail.indexOf('\n');
      if (cut > 0) detail = detail.substring(0, cut);
      return HttpProblem.invalid(pointer(mapping), "wrong value: " + detail);
    }
    return HttpProblem.invalid("/", "body is not valid JSON: " + e.getOriginalMessage());
  }

  private static String pointer(JsonMappingException e) {
    var pointer = new StringBuilder();
    for (var ref : e.getPath()) {
      pointer.append('/');
      pointer.append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
    }
    return pointer.length() == 0 ? "/" : pointer.toString();
  }
}
