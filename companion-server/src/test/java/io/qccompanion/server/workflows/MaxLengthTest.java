package io.qccompanion.server.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.RequestStrings;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented {@code maxLength} of every string a client sends is what the server enforces: for
 * each string body property of each JSON operation and each string query or path parameter, sent by
 * a caller the operation's role gate admits ({@link AuthorizationMatrixTest#MATRIX}), a value one
 * character too long is a 400 naming that field with nothing stored, and a value of exactly {@code
 * maxLength} is not refused for its length.
 */
class MaxLengthTest {
  static TestApp app;
  static final Map<Role, Api> callers = new EnumMap<>(Role.class);

  @BeforeAll
  static void start() {
    app = TestApp.start();
    String agentId = new WorkflowFixture(app).agent("Ana");
    for (Role role : Role.values())
      callers.put(role, role == Role.AGENT ? app.as(role, agentId, List.of()) : app.as(role));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyStringIsRefusedOneCharacterPastItsMaxLengthAndNotBefore() {
    var doc = app.anonymous().get("/api/v1/openapi.json").json();
    List<String> failures = new ArrayList<>();
    int strings = 0;
    int requests = 0;
    for (var s : RequestStrings.of(doc)) {
      if (s.maxLength() == null) continue; // an enum; OpenApiDocumentTest requires the rest
      var roles = AuthorizationMatrixTest.MATRIX.get(s.operation());
      Api api = roles.isEmpty() ? app.anonymous() : callers.get(roles.iterator().next());
      strings++;
      for (int length : List.of(s.maxLength() + 1, s.maxLength())) {
        var r = s.request("x".repeat(length));
        long before = app.rows();
        var a = api.send(s.method(), r.url(), r.body(), Map.of());
        requests++;
        String what = s.operation() + " " + s.in() + " " + s.name() + " × " + length + " → ";
        boolean forLength =
            a.status() == 400
                && a.json().path("field").asText().equals(s.field())
                && a.json()
                    .path("detail")
                    .asText()
                    .contains("longer than " + s.maxLength() + " characters");
        if (a.status() >= 500) failures.add(what + a);
        else if (length > s.maxLength() && !forLength) failures.add(what + "not refused: " + a);
        else if (length > s.maxLength() && app.rows() != before) failures.add(what + "stored");
        else if (length == s.maxLength() && forLength) failures.add(what + "refused: " + a);
      }
    }
    System.out.printf(
        "max length: %d strings with a maxLength, %d requests, %d failures%n",
        strings, requests, failures.size());
    assertThat(strings).isGreaterThan(250);
    assertThat(failures).isEmpty();
  }
}
