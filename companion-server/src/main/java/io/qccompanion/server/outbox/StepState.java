package io.qccompanion.server.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.model.WriteResult;
import io.qccompanion.server.domain.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code outbox.steps} column: finished saga steps in order, as JSON. */
final class StepState {
  private StepState() {}

  private record Stored(String outcome, String ref, String detail) {}

  private static final TypeReference<LinkedHashMap<String, Stored>> TYPE = new TypeReference<>() {};

  static Map<String, WriteResult> read(String json) {
    Map<String, WriteResult> steps = new LinkedHashMap<>();
    if (json == null || json.isBlank()) return steps;
    Json.read(json, TYPE)
        .forEach(
            (step, s) ->
                steps.put(
                    step,
                    new WriteResult(
                        WriteResult.Outcome.valueOf(s.outcome()), s.ref(), s.detail())));
    return steps;
  }

  static String write(Map<String, WriteResult> steps) {
    Map<String, Stored> out = new LinkedHashMap<>();
    steps.forEach(
        (step, r) -> out.put(step, new Stored(r.outcome().name(), r.hostReference(), r.detail())));
    return Json.write(out);
  }
}
