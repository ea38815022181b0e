package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Proves the validator every test relies on does reject requests the spec does not allow. */
class SpecValidationTest {

  @Test
  void rejectsAnUndeclaredPath() throws Exception {
    Request request = new Request.Builder().url("https://acme.zendesk.com/api/v2/nonsense").build();

    assertThat(SpecValidation.violations(request)).anyMatch(v -> v.contains("path.missing"));
  }

  @Test
  void rejectsAMissingStartTimeWhenNoCursorIsGiven() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?per_page=1")
            .header("Authorization", "Basic eDp5")
            .build();

    assertThat(SpecValidation.violations(request)).anyMatch(v -> v.contains("start_time"));
  }

  @Test
  void rejectsAWronglyTypedTicketUpdate() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://acme.zendesk.com/api/v2/tickets/12")
            .header("Authorization", "Basic eDp5")
            .put(
                RequestBody.create(
                    "{\"ticket\":{\"comment\":{\"html_body\":\"x\",\"public\":\"no\"}}}",
                    MediaType.get("application/json")))
            .build();

    assertThat(SpecValidation.violations(request)).anyMatch(v -> v.contains("public"));
  }

  @Test
  void acceptsTheCursorExportWithoutStartTimeAsTheLiveServiceDoes() throws Exception {
    Request request =
        new Request.Builder()
            .url("https://acme.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=abc")
            .header("Authorization", "Basic eDp5")
            .build();

    assertThat(SpecValidation.violations(request)).isEmpty();
  }
}
