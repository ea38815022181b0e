package io.qccompanion.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Limits on request input beyond {@link io.qccompanion.server.domain.Json}, read from the OpenAPI
 * document (the one source of truth): a string in a body at most the {@code maxLength} of its
 * schema (the operation's request body followed along the field's JSON pointer), a query or path
 * parameter at most its own {@code maxLength}, anything the document leaves unbounded at most
 * {@link #MAX_STRING} characters; every instant between years 0000 and 9999 (so epoch millis never
 * overflow). A violation is a 400 naming the field. Lengths count code points, as JSON Schema does.
 */
final class BodyLimits {
  /** The ceiling for a string the document gives no {@code maxLength}. */
  static final int MAX_STRING = 10_000;

  static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

  /** The served document, read once from the classpath fragments; only ever read afterwards. */
  private static final JsonNode DOC = new OpenApiDocument("limits").tree();

  private static final String SCHEMA = "qc.requestSchema";

  private BodyLimits() {}

  static ObjectMapper mapper(ObjectMapper base) {
    var module = new SimpleModule("qc-body-limits");
    module.addDeserializer(String.class, new BoundedString());
    module.addDeserializer(Instant.class, new BoundedInstant());
    return base.copy().registerModule(module);
  }

  /** {@code reader} limited by the request body schema of the operation {@code ctx} matched. */
  static ObjectReader forOperation(ObjectReader reader, Context ctx) {
    return reader.withAttribute(
        SCHEMA, operation(ctx).at("/requestBody/content/application~1json/schema"));
  }

  /**
   * Registered before every matched route (which also reads the document now, so a broken fragment
   * stops start-up): refuses a query or path parameter longer than its {@code maxLength}.
   */
  static io.javalin.http.Handler parameterCheck() {
    return BodyLimits::checkParameters;
  }

  private static void checkParameters(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched == null) return;
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              for (String v : values) refuseNul(name, v);
            });
    for (JsonNode param : operation(ctx).path("parameters")) {
      String name = param.path("name").asText();
      List<String> values =
          switch (param.path("in").asText()) {
            case "query" -> ctx.queryParams(name);
            case "path" -> pathParam(ctx.path(), matched.path, name);
            default -> List.of();
          };
      int max = param.path("schema").path("maxLength").asInt(MAX_STRING);
      for (String v : values) {
        refuseNul(name, v);
        if (tooLong(v, max))
          throw HttpProblem.invalid(name, name + " is longer than " + max + " characters");
      }
    }
  }

  // PostgreSQL text cannot hold U+0000 (SQLite can): refused everywhere, so both answer alike
  private static void refuseNul(String name, String value) {
    if (value.indexOf('\0') >= 0)
      throw HttpProblem.invalid(name, name + " contains a NUL character (U+0000)");
  }

  // in a before-handler Javalin has not yet parsed the matched route's path parameters
  private static List<String> pathParam(String path, String template, String name) {
    String[] actual = path.split("/", -1);
    String[] declared = template.split("/", -1);
    for (int i = 0; i < declared.length && i < actual.length; i++)
      if (declared[i].equals("{" + name + "}"))
        try {
          return List.of(URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          return List.of(actual[i]);
        }
    return List.of();
  }

  private static JsonNode operation(Context ctx) {
    Endpoint e = ctx.endpoints().matchedHttpEndpoint();
    if (e == null) e = ctx.endpoint();
    return DOC.path("paths").path(e.path).path(ctx.method().name().toLowerCase(Locale.ROOT));
  }

  private static boolean tooLong(String s, int max) {
    return s.length() > max && s.codePointCount(0, s.length()) > max;
  }

  /** The {@code maxLength} at {@code at} inside {@code schema}; the ceiling where none is given. */
  static int maxLength(JsonNode schema, JsonPointer at) {
    JsonNode s = resolve(schema);
    for (JsonPointer p = at; !p.matches(); p = p.tail()) s = child(s, p.getMatchingProperty());
    return s.path("maxLength").asInt(MAX_STRING);
  }

  // a property, an array element or a map value of s; missing when the document does not say
  private static JsonNode child(JsonNode s, String name) {
    JsonNode next = s.path("properties").path(name);
    if (next.isMissingNode()) next = s.path("items");
    if (next.isMissingNode() && s.path("additionalProperties").isObject())
      next = s.get("additionalProperties");
    return resolve(next);
  }

  // follows $ref, and takes the first branch of a oneOf that is not {"type": "null"}
  private static JsonNode resolve(JsonNode s) {
    while (true) {
      if (s.has("$ref")) s = DOC.at(s.get("$ref").asText().substring(1));
      else if (s.has("oneOf")) {
        JsonNode branch = s.get("oneOf").path(0);
        for (JsonNode b : s.get("oneOf"))
          if (!"null".equals(b.path("type").asText())) {
            branch = b;
            break;
          }
        s = branch;
      } else return s;
    }
  }

  private static void check(JsonParser p, DeserializationContext ctxt, String s, Class<?> type)
      throws IOException {
    int max =
        ctxt.getAttribute(SCHEMA) instanceof JsonNode schema
            ? maxLength(schema, p.getParsingContext().pathAsPointer())
            : MAX_STRING;
    if (tooLong(s, max))
      throw ctxt.weirdStringException(
          s.substring(0, Math.min(20, max)) + "…", type, "longer than " + max + " characters");
    if (s.indexOf('\0') >= 0)
      throw ctxt.weirdStringException(
          s.substring(0, Math.min(20, s.length())).replace('\0', '?') + "…",
          type,
          "contains a NUL character (U+0000)");
  }

  private static final class BoundedString extends StdScalarDeserializer<String> {
    BoundedString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null) check(p, ctxt, s, String.class);
      return s;
    }
  }

  private static final class BoundedInstant extends StdScalarDeserializer<Instant> {
    BoundedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) check(p, ctxt, p.getText(), Instant.class);
      Instant i = InstantDeserializer.INSTANT.deserialize(p, ctxt);
      if (i != null && (i.isBefore(MIN) || i.isAfter(MAX)))
        return (Instant)
            ctxt.handleWeirdStringValue(
                Instant.class, p.getText(), "outside the years 0000 to 9999");
      return i;
    }
  }
}
