package io.qccompanion.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** A tiny HTTP client for tests: real requests over OkHttp, JSON answers as trees. */
public final class Api {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final MediaType JSON = MediaType.get("application/json");
  private final String baseUrl;
  private final String token;

  /** A client of {@code baseUrl} sending {@code token} as Bearer (null: none). */
  public Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** An answer: status, content type and body (parsed if JSON). */
  public record Answer(int status, String contentType, String text) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  /** The API token this client sends, or null when anonymous. */
  public String token() {
    return token;
  }

  /** Any request: {@code body} is sent as JSON when not null; extra headers as given. */
  public Answer send(
      String method, String path, String body, java.util.Map<String, String> headers) {
    var builder = new Request.Builder().url(baseUrl + path);
    builder.method(
        method,
        body == null
            ? (method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
                ? null
                : RequestBody.create(new byte[0]))
            : RequestBody.create(body, JSON));
    headers.forEach(builder::header);
    return send(builder);
  }

  public Answer get(String path) {
    return send(new Request.Builder().url(baseUrl + path).get());
  }

  public Answer delete(String path) {
    return send(new Request.Builder().url(baseUrl + path).delete());
  }

  public Answer post(String path, Object body) {
    return send(new Request.Builder().url(baseUrl + path).post(body(body)));
  }

  public Answer put(String path, Object body) {
    return send(new Request.Builder().url(baseUrl + path).put(body(body)));
  }

  public Answer patch(String path, Object body) {
    return send(new Request.Builder().url(baseUrl + path).patch(body(body)));
  }

  private static RequestBody body(Object body) {
    String text = body instanceof String s ? s : Json.write(body);
    return RequestBody.create(text, JSON);
  }

  private Answer send(Request.Builder builder) {
    if (token != null) builder.header("Authorization", "Bearer " + token);
    try (var response = HTTP.newCall(builder.build()).execute()) {
      return new Answer(response.code(), response.header("Content-Type"), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
