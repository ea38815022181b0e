package io.qccompanion.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real app on a random port plus headless system Chromium (never a downloaded browser, see
 * {@link Chromium}), with helpers to seed tickets and users, to log in through the login form, to
 * check a page with axe-core and to take screenshots.
 */
final class BrowserFixture implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  final TestApp app = TestApp.start();
  final Api admin = app.as(Role.ADMIN);
  final String teamId;
  final String connectionId = Ids.newId();
  final Conversations conversations = new Conversations(app.clock());
  private final Playwright playwright;
  private final Browser browser;

  BrowserFixture() {
    teamId = app.c().db().write(h -> app.c().users().createTeam(h, "Billing").id());
    long now = app.clock().millis();
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    """
                    INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                      closed_statuses, options, start_from, interval_seconds, attribution, status,
                      created_at, updated_at)
                    VALUES (?, 'acme', 'zendesk', 'https://acme.zendesk.test', 'API_TOKEN', 'x',
                      '[]', '{}', 0, 300, 'ASSIGNEE_AT_SOLVE', 'ACTIVE', ?, ?)""",
                    connectionId,
                    now,
                    now));
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Chromium.find())
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
  }

  /** A user who logs in with {@link #PASSWORD}; returns their email. */
  String user(Role role, String agentId) {
    String email = role.name().toLowerCase() + "-page" + SEQ.incrementAndGet() + "@example.test";
    app.c()
        .db()
        .run(
            h ->
                app.c()
                    .users()
                    .createUser(
                        h, email, "Pat " + role, role, PASSWORD, agentId, List.of(teamId), 40));
    return email;
  }

  String userId(String email) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT id FROM users WHERE email = ?")
                    .bind(0, email)
                    .mapTo(String.class)
                    .one());
  }

  String agent(String name) {
    return app.c()
        .db()
        .write(h -> app.c().users().createAgent(h, name, null, teamId, Instant.EPOCH).id());
  }

  /**
   * A solved ticket of {@code agentId} with bad CSAT, a reopen and a short conversation stored as
   * the sync stores it.
   */
  String ticket(String agentId, String subject) {
    return ticket(connectionId, agentId, subject);
  }

  /** The same on connection {@code connection}. */
  String ticket(String connection, String agentId, String subject) {
    String id = Ids.newId();
    int n = SEQ.incrementAndGet();
    long solved = app.clock().millis() - 3_600_000;
    app.c()
        .db()
        .run(
            h -> {
              h.execute(
                  """
                  INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, subject,
                    status, channel, agent_id, team_id, updated_at, solved_at, reopen_count,
                    reply_count, handle_time_seconds, csat_rating, csat_comment, url, payload,
                    ingested_at)
                  VALUES (?, ?, 'zendesk', ?, ?, ?, 'solved', 'email', ?, ?, ?, ?, 1, 2, 754,
                    'BAD', 'Took two tries', ?, ?, ?)""",
                  id,
                  connection,
                  String.valueOf(1000 + n),
                  "#" + (1000 + n),
                  subject,
                  agentId,
                  teamId,
                  solved,
                  solved,
                  "https://acme.zendesk.test/agent/tickets/" + (1000 + n),
                  Json.write(Map.of("tags", List.of())),
                  solved);
              h.execute(
                  "INSERT INTO ticket_agents (ticket_id, agent_id) VALUES (?, ?)", id, agentId);
              Instant at = Instant.ofEpochMilli(solved - 600_000);
              conversations.store(
                  h,
                  connection,
                  String.valueOf(1000 + n),
                  List.of(
                      Message.builder()
                          .id("m1")
                          .authorId("c1")
                          .authorRole("end-user")
                          .publicMessage(true)
                          .createdAt(at)
                          .body("My invoice is wrong.")
                          .build(),
                      Message.builder()
                          .id("m2")
                          .authorId("a1")
                          .authorRole("agent")
                          .publicMessage(true)
                          .createdAt(at.plusSeconds(300))
                          .body("Fixed it, sorry about that.")
                          .build()),
                  Conversations.Limits.DEFAULT);
            });
    return id;
  }

  String externalId(String ticketId) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT external_id FROM tickets WHERE id = ?")
                    .bind(0, ticketId)
                    .mapTo(String.class)
                    .one());
  }

  /** Records that sampling selected the ticket for {@code qcUserId}, due in two days. */
  void sampled(String ticketId, String agentId, String qcUserId, String... reasons) {
    long now = app.clock().millis();
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    """
                    INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, tier,
                      reasons, assigned_qc_id, due_at, status, week_start, decided_at)
                    VALUES (?, ?, ?, ?, 1, 'AT_RISK', ?, ?, ?, 'OPEN', ?, ?)""",
                    Ids.newId(),
                    ticketId,
                    agentId,
                    teamId,
                    Json.write(List.of(reasons)),
                    qcUserId,
                    now + 2 * 86_400_000L,
                    now - 86_400_000L,
                    now));
  }

  /**
   * Publishes the default scorecard: greeting (yes/no), accuracy (1-5, critical, root causes) and
   * empathy (yes/no, N/A allowed).
   */
  String publishScorecard() {
    var draft =
        Map.of(
            "name",
            "Support quality",
            "isDefault",
            true,
            "passMark",
            90,
            "sections",
            List.of(
                Map.of(
                    "name",
                    "Conversation",
                    "criteria",
                    List.of(
                        criterion("greeting", "Greeting", "BINARY", false, false),
                        criterion("accuracy", "Accurate answer", "ONE_TO_FIVE", true, false),
                        criterion("empathy", "Empathy", "BINARY", false, true)))));
    var created = admin.post("/api/v1/scorecards", draft);
    if (created.status() != 201) throw new IllegalStateException(created.toString());
    String id = created.json().get("id").asText();
    var published = admin.post("/api/v1/scorecards/" + id + "/publish", null);
    if (published.status() != 201) throw new IllegalStateException(published.toString());
    return published.json().get("id").asText();
  }

  /** Binds the scorecard version's {@code greeting} criterion to AutoQA's greeting check. */
  void bindGreetingCheck(String versionId) {
    var bound =
        admin.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of(
                        "criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"))));
    if (bound.status() != 200) throw new IllegalStateException(bound.toString());
  }

  private static Map<String, Object> criterion(
      String id, String name, String scale, boolean critical, boolean na) {
    return Map.of(
        "id",
        id,
        "name",
        name,
        "guidance",
        "Check " + name.toLowerCase(),
        "scale",
        scale,
        "weight",
        1,
        "critical",
        critical,
        "naAllowed",
        na,
        "compliance",
        false,
        "rootCauses",
        List.of("knowledge", "process"));
  }

  /** A fresh browser context with the given viewport width, logged in through the form. */
  Page login(String email, int width) {
    BrowserContext context =
        browser.newContext(
            // tests inject helper scripts (axe, form posts); the pages themselves have none inline
            new Browser.NewContextOptions().setViewportSize(width, 900).setBypassCSP(true));
    Page page = context.newPage();
    page.setDefaultTimeout(10_000);
    page.navigate(app.baseUrl() + "/login");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Log in"))
        .click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  Page anonymous() {
    return browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)).newPage();
  }

  String url(String path) {
    return app.baseUrl() + path;
  }

  /**
   * Saves a full-page screenshot as {@code name.png}: into the directory named by the system
   * property {@code qc.screenshots.dir} ({@code scripts/screenshots.sh} points it at
   * docs/screenshots), else under target/screenshots so that a test run never touches the tree.
   */
  static void screenshot(Page page, String name) {
    String dir = System.getProperty("qc.screenshots.dir");
    Path target = dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(target.resolve(name + ".png")).setFullPage(true));
  }

  /**
   * Runs axe-core (the webjar on the test class path, never a CDN) on the page as it is now and
   * fails listing every serious or critical violation with the elements concerned.
   */
  static void assertNoSeriousA11yViolations(Page page) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
    String found =
        (String)
            page.evaluate(
                """
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', ')));
                }""");
    List<String> violations = Json.read(found, new TypeReference<List<String>>() {});
    assertThat(violations).as("axe-core on " + page.url()).isEmpty();
  }

  private static final String AXE = webjarText("axe-core", "axe.min.js");

  /** A file of the webjar {@code org.webjars.npm:artifact} at the version on the class path. */
  private static String webjarText(String artifact, String file) {
    ClassLoader loader = BrowserFixture.class.getClassLoader();
    try (InputStream props =
        loader.getResourceAsStream(
            "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
      var p = new Properties();
      p.load(props);
      String path =
          "META-INF/resources/webjars/" + artifact + "/" + p.getProperty("version") + "/" + file;
      try (InputStream in = loader.getResourceAsStream(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
    app.close();
  }
}
