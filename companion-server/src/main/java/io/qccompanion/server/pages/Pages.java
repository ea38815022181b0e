package io.qccompanion.server.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Renders jte templates (compiled with the build from {@code src/main/jte}, HTML auto-escaping)
 * inside the app shell. Every page of the companion goes through here.
 */
final class Pages {
  private final TemplateEngine engine;
  private final ToIntFunction<Principal> unreadNotifications;

  Pages(ToIntFunction<Principal> unreadNotifications) {
    this(
        TemplateEngine.createPrecompiled(
            null, ContentType.Html, Pages.class.getClassLoader(), Pages.class.getPackageName()),
        unreadNotifications);
  }

  Pages(TemplateEngine engine, ToIntFunction<Principal> unreadNotifications) {
    this.engine = engine;
    this.unreadNotifications = unreadNotifications;
  }

  /** The shell for {@code user} (null: signed out) on the page at {@code path}. */
  Shell shell(String title, Principal user, String path, boolean compact, List<String> scripts) {
    return new Shell(
        title,
        user,
        user == null || compact ? List.of() : Screen.nav(user.role(), path),
        compact,
        user == null ? 0 : unreadNotifications.applyAsInt(user),
        scripts.stream().map(s -> s.startsWith("/") ? s : "/assets/" + s).toList());
  }

  /** {@code template} rendered with {@code params} (a {@code shell} among them for full pages). */
  String render(String template, Map<String, Object> params) {
    var out = new StringOutput(8192);
    engine.render(template, params, out);
    return out.toString();
  }

  /** Answers the request with a full page. */
  void page(Context ctx, String template, Shell shell, Map<String, Object> params) {
    var all = new java.util.HashMap<String, Object>(params);
    all.put("shell", shell);
    ctx.html(render(template, all));
  }

  /** A page explaining an error (403, 404) to a person, with {@code status}. */
  void problem(Context ctx, int status, Principal user, String title, String detail) {
    ctx.status(status);
    page(
        ctx,
        "problem.jte",
        shell(title, user, ctx.path(), false, List.of()),
        Map.of("title", title, "detail", detail));
  }

  void forbidden(Context ctx, Principal user, String detail) {
    problem(ctx, 403, user, "403 — not yours to see", detail);
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
}
