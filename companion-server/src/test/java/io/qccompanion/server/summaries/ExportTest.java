package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.cli.Main;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV answers are streamed row by row; the CLI exports the same tables to a file. */
class ExportTest {
  static final int EXTRA = 3000;
  static TestApp app;
  static String token;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    app.c()
        .db()
        .run(
            h -> {
              Fixture.standard(h, app.c().summaries().aggregates());
              var f = new Fixture(h);
              for (int i = 0; i < EXTRA; i++) {
                f.evaluation(
                    "x%05d".formatted(i),
                    "t5",
                    "A3",
                    "T2",
                    "Q2",
                    "REGULAR",
                    "SUBMITTED",
                    90,
                    true,
                    false,
                    "2026-10-24T%02d:%02d:00Z".formatted(i / 60 % 24, i % 60));
                app.c().summaries().aggregates().apply(h, "x%05d".formatted(i));
              }
              var u =
                  app.c()
                      .users()
                      .createUser(
                          h,
                          "csv@x.test",
                          "CSV",
                          Role.ADMIN,
                          "long enough pw",
                          null,
                          List.of(),
                          40);
              token = app.c().tokens().create(h, u.id(), "csv").token();
            });
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static okhttp3.Response get(String path, String accept) throws Exception {
    return new OkHttpClient()
        .newCall(
            new Request.Builder()
                .url(app.baseUrl() + path)
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .header("Accept-Encoding", "identity")
                .build())
        .execute();
  }

  @Test
  void evaluationRowsStreamAsCsvWithoutBuffering() throws Exception {
    try (var response =
        get("/api/v1/summaries/evaluations?from=2026-10-19&to=2026-10-25", "text/csv")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("text/csv");
      // Written as it is read: no Content-Length, sent in chunks.
      assertThat(response.header("Content-Length")).isNull();
      assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
      List<String> lines = response.body().string().lines().toList();
      assertThat(lines).hasSize(1 + 5 + EXTRA);
      assertThat(lines.get(0)).isEqualTo(String.join(",", EvaluationRows.HEADER));
      assertThat(lines.get(1))
          .startsWith(
              "e1,2026-10-19T11:00:00Z,t1,KEY-t1,zendesk,A1,T1,Q1,sc,SUBMITTED,1,100.0,true,false");
    }
  }

  @Test
  void summaryRowsExportAsCsv() throws Exception {
    try (var response =
        get(
            "/api/v1/summaries?from=2026-10-19&to=2026-10-25&groupBy=agent&bucket=week&format=csv",
            "*/*")) {
      List<String> lines = response.body().string().lines().toList();
      assertThat(lines.get(0)).isEqualTo(String.join(",", SummaryCsv.ROW_HEADER));
      assertThat(lines).hasSize(4);
      assertThat(lines.get(1))
          .startsWith("A1,Agent A1,2026-10-19,3,60.0,90.0,false,,,33.33,1,1,0,0,1,1,");
    }
    try (var response =
        get("/api/v1/summaries?from=2026-10-19&to=2026-10-25&format=csv&table=rootCauses", "*/*")) {
      assertThat(response.body().string().lines().toList())
          .containsExactly(
              "rootCause,count,sharePercent",
              "KNOWLEDGE,3,50.0",
              "PROCESS,2,33.33",
              "TOOLING,1,16.67");
    }
  }

  @Test
  void cliExportsEvaluationsAndSummaries() throws Exception {
    Path dir = Files.createTempDirectory("qc-export");
    Path config = dir.resolve("companion.yaml");
    Files.writeString(
        config,
        "database:\n  url: \""
            + app.c().config().databaseUrl()
            + "\"\nsecretKey: \""
            + app.c().config().secretKey()
            + "\"\n");
    Path csv = dir.resolve("evaluations.csv");
    int code =
        Main.run(
            "export",
            "evaluations",
            "--config",
            config.toString(),
            "--from",
            "2026-10-19",
            "--to",
            "2026-10-25",
            "--format",
            "csv",
            "--out",
            csv.toString());
    assertThat(code).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(1 + 5 + EXTRA);
    Path json = dir.resolve("summary.json");
    code =
        Main.run(
            "export",
            "summaries",
            "--config",
            config.toString(),
            "--from",
            "2026-10-19",
            "--to",
            "2026-10-25",
            "--group-by",
            "team",
            "--format",
            "json",
            "--out",
            json.toString());
    assertThat(code).isZero();
    var summary = Json.MAPPER.readTree(json.toFile());
    assertThat(summary.at("/total/evaluations").asLong()).isEqualTo(5 + EXTRA);
    assertThat(summary.get("rows")).hasSize(2);
  }
}
