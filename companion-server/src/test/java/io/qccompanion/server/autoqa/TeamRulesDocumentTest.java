package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The team-rules request body in the OpenAPI document is the record the route reads, field by
 * field, and every string in it has a maximum length (the limits {@link TeamRuleSettings} checks).
 */
class TeamRulesDocumentTest {
  static JsonNode schemas() throws Exception {
    try (InputStream in =
        TeamRulesDocumentTest.class.getClassLoader().getResourceAsStream("openapi/autoqa.json")) {
      return Json.MAPPER.readTree(in).at("/components/schemas");
    }
  }

  static Set<String> components(Class<?> record) {
    Set<String> out = new TreeSet<>();
    for (var c : record.getRecordComponents()) out.add(c.getName());
    return out;
  }

  static Set<String> properties(JsonNode schema) {
    Set<String> out = new TreeSet<>();
    schema.get("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void theRequestSchemasAreTheRecordsAndEveryStringIsBounded() throws Exception {
    JsonNode schemas = schemas();
    assertThat(properties(schemas.get("AutoQaTeamRules")))
        .isEqualTo(components(TeamRuleSettings.class));
    assertThat(properties(schemas.get("AutoQaProcessRule")))
        .isEqualTo(components(TeamRuleSettings.Rule.class));
    List<String> unbounded = new ArrayList<>();
    for (String name : List.of("AutoQaTeamRules", "AutoQaProcessRule"))
      unbounded(name, schemas.get(name), unbounded);
    assertThat(unbounded).isEmpty();
    JsonNode rule = schemas.at("/AutoQaProcessRule/properties");
    assertThat(rule.at("/name/maxLength").asInt()).isEqualTo(64);
    assertThat(rule.at("/regex/maxLength").asInt()).isEqualTo(TeamRuleSettings.MAX_REGEX);
    assertThat(rule.at("/keywords/items/maxLength").asInt())
        .isEqualTo(TeamRuleSettings.MAX_KEYWORD);
    assertThat(schemas.at("/AutoQaTeamRules/properties/dictionary/items/maxLength").asInt())
        .isEqualTo(TeamRuleSettings.MAX_WORD);
  }

  private static void unbounded(String at, JsonNode schema, List<String> out) {
    JsonNode type = schema.path("type");
    boolean string =
        type.asText().equals("string")
            || (type.isArray() && type.toString().contains("\"string\""));
    if (string && !schema.has("maxLength")) out.add(at);
    schema
        .path("properties")
        .fields()
        .forEachRemaining(p -> unbounded(at + "/" + p.getKey(), p.getValue(), out));
    if (schema.has("items")) unbounded(at + "/items", schema.get("items"), out);
  }
}
