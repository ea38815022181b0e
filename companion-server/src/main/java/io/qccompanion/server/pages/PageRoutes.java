package io.qccompanion.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.config.StaticFilesConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.qccompanion.server.auth.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.resource.URLResourceFactory;

/**
 * The pages people use: login, the screens of the app shell ({@link Screen}), agent feedback and
 * the scoring panel. Each page is a jte template in the shell, filled by a small script calling the
 * {@code /api/v1} routes; page routes declare no roles so that a visitor without a session is
 * redirected to the login form.
 */
public final class PageRoutes {
  static {
    // Jetty's registry of resource factories is process-wide: register once, on first use
    ResourceFactory.registerResourceFactory("jar", new URLResourceFactory());
  }

  private final PanelPage panel;
  private final FeedbackPage feedback;
  private final Pages pages;

  /**
   * @param unreadNotifications the count shown in the shell's notifications badge (hidden at 0)
   */
  public PageRoutes(
      PanelPage panel, FeedbackPage feedback, ToIntFunction<Principal> unreadNotifications) {
    this.panel = panel;
    this.feedback = feedback;
    this.pages = new Pages(unreadNotifications);
  }

  /**
   * The pages' scripts, stylesheet and favicon under {@code /assets} and the webjars under {@code
   * /webjars}, both from the class path through Javalin's static-file support. Files inside jars
   * are read through their {@code jar:} URLs: Jetty's default mounts the whole jar as a zip file
   * system first, which reads the central directory of the shaded jar (37,000 entries, most of them
   * LanguageTool's) and took 0.6 s of every start.
   */
  public static void staticFiles(StaticFilesConfig files) {
    files.add(
        f -> {
          f.hostedPath = "/assets";
          f.directory = "/pages";
          f.location = Location.CLASSPATH;
          f.headers = Map.of("Cache-Control", "no-cache");
        });
    files.enableWebjars();
  }

  /** Registers every page route. */
  public void register(RoutesConfig r) {
    r.get("/login", this::login);
    r.get("/", this::home);
    for (Screen s : Screen.values()) r.get(s.path, ctx -> screen(ctx, s));
    r.get("/feedback/{id}", ctx -> feedback.detail(ctx, pages));
    r.get(
        "/calibration/{id}",
        ctx -> detail(ctx, Screen.CALIBRATION, "Calibration session", "calibration-detail.js"));
    r.get("/disputes/{id}", ctx -> detail(ctx, Screen.DISPUTES, "Dispute", "dispute-detail.js"));
    panel.register(r, pages);
  }

  private void login(Context ctx) {
    pages.page(
        ctx,
        "login.jte",
        pages.shell("Log in", null, ctx.path(), false, List.of("login.js")),
        Map.of());
  }

  private void home(Context ctx) {
    Optional<Principal> p = Pages.signedIn(ctx);
    if (p.isEmpty()) return;
    ctx.redirect(
        switch (p.get().role()) {
          case AGENT -> Screen.FEEDBACK.path;
          case ADMIN -> Screen.CONNECTIONS.path;
          case MANAGER -> Screen.DASHBOARD.path;
          default -> Screen.QUEUE.path;
        });
  }

  // A record of a screen (a session, a dispute): the script reads it through the API, which applies
  // the record's own access rules again.
  private void detail(Context ctx, Screen s, String title, String script) {
    Optional<Principal> p = Pages.signedIn(ctx);
    if (p.isEmpty()) return;
    if (!s.roles.contains(p.get().role())) {
      pages.forbidden(ctx, p.get(), "This page is for " + EnumSet.copyOf(s.roles) + ".");
      return;
    }
    pages.page(
        ctx,
        "record.jte",
        pages.shell(title, p.get(), s.path, false, List.of("scoring.js", script)),
        Map.of("recordId", ctx.pathParam("id")));
  }

  private void screen(Context ctx, Screen s) {
    Optional<Principal> p = Pages.signedIn(ctx);
    if (p.isEmpty()) return;
    if (!s.roles.contains(p.get().role())) {
      pages.forbidden(ctx, p.get(), "This page is for " + EnumSet.copyOf(s.roles) + ".");
      return;
    }
    pages.page(
        ctx, s.template(), pages.shell(s.title, p.get(), s.path, false, s.scripts), Map.of());
  }
}
