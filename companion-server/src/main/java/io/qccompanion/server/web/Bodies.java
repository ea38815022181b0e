package io.qccompanion.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.qccompanion.server.domain.Json;

/**
 * Reads request bodies strictly: malformed JSON, wrong types, unknown fields, strings longer than
 * the OpenAPI document allows for that field of that operation ({@link BodyLimits}) and
 * out-of-range instants become 400s naming the field.
 */
public final class Bodies {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      BodyLimits.mapper(Json.MAPPER);

  private Bodies() {}

  public static <T> T read(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) throw HttpProblem.invalid("/", "request body is empty");
    try {
      T value = BodyLimits.forOperation(MAPPER.readerFor(type), ctx).readValue(bytes);
      if (value == null) throw HttpProblem.invalid("/", "request body is null");
      return value;
    } catch (JsonProcessingException e) {
      throw Problems.fromJson(e);
    } catch (java.io.IOException e) {
      throw HttpProblem.invalid("/", "cannot read request body");
    }
  }
}
