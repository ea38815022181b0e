package io.qccompanion.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.qccompanion.server.domain.Json;

/** Reads request bodies strictly: malformed JSON, wrong types and unknown fields become 400s. */
public final class Bodies {
  private Bodies() {}

  public static <T> T read(Context ctx, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) throw HttpProblem.invalid("/", "request body is empty");
    try {
      T value = Json.MAPPER.readValue(bytes, type);
      if (value == null) throw HttpProblem.invalid("/", "request body is null");
      return value;
    } catch (JsonProcessingException e) {
      throw Problems.fromJson(e);
    } catch (java.io.IOException e) {
      throw HttpProblem.invalid("/", "cannot read request body");
    }
  }
}
