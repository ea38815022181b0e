package io.qccompanion.server.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Headers on every response: a strict Content-Security-Policy (scripts and styles from this origin
 * only, no inline script), {@code frame-ancestors 'none'} except on the embeddable panel pages,
 * which the configured hosts (the connections' base URLs and {@code QC_FRAME_ANCESTORS}) may frame;
 * {@code nosniff}, a same-origin Referrer-Policy and, behind https, HSTS.
 */
final class SecurityHeaders {
  /** Paths the hosts embed in their ticket view (Zendesk sidebar). */
  static final List<String> EMBEDDABLE = List.of("/panel");

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors ";

  private final boolean https;
  private final Supplier<List<String>> hostUrls;
  private final List<String> extraAncestors;

  /**
   * @param publicUrl how users reach the companion; https turns on HSTS
   * @param hostUrls base URLs of the configured connections (read per embeddable request)
   * @param extraAncestors further origins allowed to frame the panel
   */
  public SecurityHeaders(
      String publicUrl, Supplier<List<String>> hostUrls, List<String> extraAncestors) {
    this.https = publicUrl != null && publicUrl.startsWith("https://");
    this.hostUrls = hostUrls;
    this.extraAncestors = List.copyOf(extraAncestors);
  }

  /** Before-handler: sets the headers (error pages included). */
  public void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (https || "https".equals(ctx.header("X-Forwarded-Proto")))
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (embeddable(ctx.path())) {
      Set<String> origins = ancestors();
      ctx.header(
          "Content-Security-Policy",
          CSP + (origins.isEmpty() ? "'none'" : String.join(" ", origins)));
    } else {
      ctx.header("Content-Security-Policy", CSP + "'none'");
      ctx.header("X-Frame-Options", "DENY");
    }
  }

  static boolean embeddable(String path) {
    for (String p : EMBEDDABLE) if (path.equals(p) || path.startsWith(p + "/")) return true;
    return false;
  }

  private Set<String> ancestors() {
    Set<String> origins = new LinkedHashSet<>();
    for (String url : hostUrls.get()) origin(url).ifPresent(origins::add);
    for (String extra : extraAncestors) if (!extra.isBlank()) origins.add(extra.strip());
    return origins;
  }

  static java.util.Optional<String> origin(String url) {
    try {
      URI u = URI.create(url.strip());
      if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme())))
        return java.util.Optional.empty();
      return java.util.Optional.of(
          u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
