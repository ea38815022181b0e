package io.qccompanion.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The pages people use: login, QC queue, agent feedback, admin screens and API tokens. Each page is
 * a server-rendered shell filled by a small script calling the {@code /api/v1} routes; page routes
 * declare no roles so that a visitor without a session is redirected to the login form.
 */
public final class PageRoutes {
  private final PanelPage panel;
  private final FeedbackPage feedback;
  private final Assets assets = new Assets();

  public PageRoutes(PanelPage panel, FeedbackPage feedback) {
    this.panel = panel;
    this.feedback = feedback;
  }

  /** Registers every page route and the static assets. */
  public void register(RoutesConfig r) {
    r.get("/assets/{file}", assets::serve);
    r.get("/login", this::login);
    r.get("/", this::home);
    r.get("/queue", ctx -> shell(ctx, "QC queue", "queue.js", Role.GRADERS));
    r.get("/feedback", ctx -> shell(ctx, "My feedback", "feedback.js", Role.ANYONE));
    r.get("/feedback/{id}", feedback::detail);
    r.get("/tokens", ctx -> shell(ctx, "API tokens", "tokens.js", Role.ANYONE));
    r.get("/admin/connections", ctx -> shell(ctx, "Connections", "connections.js", Role.ADMIN));
    r.get(
        "/admin/scorecards",
        ctx -> shell(ctx, "Scorecards", "scoring.js,scorecards.js", Role.ADMIN));
    r.get("/admin/sampling", ctx -> shell(ctx, "Sampling policy", "sampling.js", Role.ADMIN));
    r.get("/admin/users", ctx -> shell(ctx, "Users and teams", "users.js", Role.ADMIN));
    panel.register(r);
  }

  private void login(Context ctx) {
    String body =
        """
        <section class="login"><h1>Log in to QC Companion</h1>
        <form id="login-form" novalidate>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <p id="login-error" class="error" role="alert" hidden></p>
          <button type="submit">Log in</button>
        </form></section>""";
    ctx.html(Layout.page("Log in", null, body, List.of("login.js"), false));
  }

  private void home(Context ctx) {
    Optional<Principal> p = signedIn(ctx);
    if (p.isEmpty()) return;
    ctx.redirect(
        switch (p.get().role()) {
          case AGENT -> "/feedback";
          case ADMIN -> "/admin/connections";
          case MANAGER -> "/dashboard";
          default -> "/queue";
        });
  }

  /** A page shell running {@code scripts} (comma-separated asset names) for {@code roles}. */
  private void shell(Context ctx, String title, String scripts, Role... roles) {
    Optional<Principal> p = signedIn(ctx);
    if (p.isEmpty()) return;
    if (!p.get().is(roles)) {
      forbidden(ctx, p.get(), "This page is for " + List.of(roles) + ".");
      return;
    }
    String body = "<h1>" + Html.esc(title) + "</h1><div id=\"app\" aria-live=\"polite\"></div>";
    ctx.html(Layout.page(title, p.get(), body, List.of(scripts.split(",")), false));
  }

  /** The caller, or empty after redirecting a visitor without a session to the login form. */
  static Optional<Principal> signedIn(Context ctx) {
    Optional<Principal> p = Authenticator.optionalPrincipal(ctx);
    if (p.isEmpty()) {
      String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    return p;
  }

  static void forbidden(Context ctx, Principal p, String detail) {
    ctx.status(403).html(Layout.problem(p, "403 — not yours to see", detail));
  }
}
