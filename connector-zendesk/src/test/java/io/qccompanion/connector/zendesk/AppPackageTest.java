package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The zip Maven builds from app/ is what an admin uploads as a private Zendesk app. */
class AppPackageTest {
  private static final Path ZIP = Path.of("target", "qc-companion-zendesk-app.zip");

  @Test
  void zipHasASignedUrlManifestWithTheTicketSidebarPointingAtTheCompanion() throws Exception {
    assertThat(ZIP).exists();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      List<String> names = new ArrayList<>();
      zip.stream().map(ZipEntry::getName).forEach(names::add);
      assertThat(names)
          .contains(
              "manifest.json", "translations/en.json", "assets/logo.png", "assets/logo-small.png");

      JsonNode manifest =
          ZendeskHttp.JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
      assertThat(manifest.path("signedUrls").asBoolean()).isTrue();
      assertThat(
              manifest.path("location").path("support").path("ticket_sidebar").path("url").asText())
          .isEqualTo("{{setting.companion_url}}/panel/login/{{setting.connection_id}}");
      assertThat(manifest.path("parameters").findValuesAsText("name"))
          .containsExactlyInAnyOrder("companion_url", "connection_id");
      assertThat(manifest.path("frameworkVersion").asText()).isEqualTo("2.0");
    }
  }

  @Test
  void everyParameterHasATranslatedLabel() throws Exception {
    JsonNode en =
        ZendeskHttp.JSON.readTree(Files.readString(Path.of("app", "translations", "en.json")));
    JsonNode manifest =
        ZendeskHttp.JSON.readTree(Files.readString(Path.of("app", "manifest.json")));

    for (String name : manifest.path("parameters").findValuesAsText("name")) {
      assertThat(en.path("app").path("parameters").path(name).path("label").asText())
          .as(name)
          .isNotBlank();
    }
  }
}
