package io.qccompanion.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Limits on request bodies beyond {@link Json}: every string at most {@link #MAX_STRING}
 * characters, every instant between years 0000 and 9999 (so epoch millis never overflow). A
 * violation is a 400 naming the field.
 */
final class BodyLimits {
  /** The longest string any request field accepts (documented in the OpenAPI document). */
  static final int MAX_STRING = 10_000;

  static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

  private BodyLimits() {}

  static ObjectMapper mapper(ObjectMapper base) {
    var module = new SimpleModule("qc-body-limits");
    module.addDeserializer(String.class, new BoundedString());
    module.addDeserializer(Instant.class, new BoundedInstant());
    return base.copy().registerModule(module);
  }

  private static final class BoundedString extends StdScalarDeserializer<String> {
    BoundedString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null && s.length() > MAX_STRING)
        return (String)
            ctxt.handleWeirdStringValue(
                String.class, s.substring(0, 20) + "…", "longer than %d characters", MAX_STRING);
      return s;
    }
  }

  private static final class BoundedInstant extends StdScalarDeserializer<Instant> {
    BoundedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Instant i = InstantDeserializer.INSTANT.deserialize(p, ctxt);
      if (i != null && (i.isBefore(MIN) || i.isAfter(MAX)))
        return (Instant)
            ctxt.handleWeirdStringValue(
                Instant.class, p.getText(), "outside the years 0000 to 9999");
      return i;
    }
  }
}
