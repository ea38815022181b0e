package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForgeManifestTest {
  static final Path APP = Path.of("forge-app");

  @Test
  void declaresAnIssuePanelBackedByAResourceAndTheCompanionRemote() throws Exception {
    JsonNode manifest =
        new ObjectMapper(new YAMLFactory()).readTree(APP.resolve("manifest.yml").toFile());

    JsonNode panel = manifest.path("modules").path("jira:issuePanel").get(0);
    assertThat(panel.path("title").asText()).isEqualTo("QC Companion");
    String resourceKey = panel.path("resource").asText();
    JsonNode resource = manifest.path("resources").get(0);
    assertThat(resource.path("key").asText()).isEqualTo(resourceKey);
    assertThat(APP.resolve(resource.path("path").asText()).resolve("index.html")).exists();

    JsonNode endpoint = manifest.path("modules").path("endpoint").get(0);
    assertThat(panel.path("resolver").path("endpoint").asText())
        .isEqualTo(endpoint.path("key").asText());
    assertThat(endpoint.path("auth").path("appUserToken").path("enabled").asBoolean()).isTrue();
    JsonNode remote = manifest.path("remotes").get(0);
    assertThat(endpoint.path("remote").asText()).isEqualTo(remote.path("key").asText());
    assertThat(remote.path("baseUrl").asText()).startsWith("https://");
    assertThat(manifest.path("permissions").path("scopes").toString()).contains("read:jira-work");
  }

  @Test
  void pinsTheForgeBridgeVersion() throws Exception {
    JsonNode pkg = new ObjectMapper().readTree(APP.resolve("package.json").toFile());

    assertThat(pkg.path("dependencies").path("@forge/bridge").asText())
        .matches("\\d+\\.\\d+\\.\\d+");
    assertThat(Files.readString(APP.resolve("static/panel/panel.js"))).contains("invokeRemote");
  }
}
