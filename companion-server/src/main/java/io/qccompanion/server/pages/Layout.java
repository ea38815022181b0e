package io.qccompanion.server.pages;

import static io.qccompanion.server.pages.Html.esc;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The page shell: head with the session's CSRF token in a meta tag (scripts send it as {@code
 * X-CSRF-Token}), navigation for the caller's role, the page body and its scripts.
 */
final class Layout {
  private record Link(String href, String label) {}

  private Layout() {}

  /** A full page; {@code compact} drops the navigation (the in-tool panel). */
  static String page(
      String title, Principal p, String body, List<String> scripts, boolean compact) {
    var html = new StringBuilder(4096);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" · QC Companion</title>")
        .append("<link rel=\"stylesheet\" href=\"/assets/app.css\">");
    if (p != null && p.csrfToken() != null)
      html.append("<meta name=\"csrf-token\" content=\"").append(esc(p.csrfToken())).append("\">");
    if (p != null)
      html.append("<meta name=\"user-role\" content=\"").append(p.role()).append("\">");
    html.append("</head><body class=\"").append(compact ? "compact" : "full").append("\">");
    html.append("<a class=\"skip\" href=\"#main\">Skip to content</a>");
    if (!compact && p != null) html.append(nav(p));
    html.append("<main id=\"main\">").append(body).append("</main>");
    html.append("<script src=\"/assets/app.js\"></script>");
    for (String s : scripts) html.append("<script src=\"/assets/").append(s).append("\"></script>");
    return html.append("</body></html>").toString();
  }

  private static String nav(Principal p) {
    var html =
        new StringBuilder("<header class=\"top\"><a class=\"brand\" href=\"/\">QC Companion</a>");
    html.append("<nav aria-label=\"Main\"><ul>");
    for (Link l : links(p.role()))
      html.append("<li><a href=\"")
          .append(l.href())
          .append("\">")
          .append(l.label())
          .append("</a></li>");
    html.append("</ul></nav><span class=\"who\">")
        .append(esc(p.name()))
        .append(" (")
        .append(p.role())
        .append(")</span><button type=\"button\" id=\"logout\">Log out</button></header>");
    return html.toString();
  }

  private static List<Link> links(Role role) {
    var links = new ArrayList<Link>();
    if (role == Role.AGENT) links.add(new Link("/feedback", "My feedback"));
    if (role == Role.QC || role == Role.QC_LEAD || role == Role.ADMIN)
      links.add(new Link("/queue", "QC queue"));
    if (role == Role.MANAGER || role == Role.QC_LEAD || role == Role.ADMIN)
      links.add(new Link("/dashboard", "Dashboard"));
    if (role == Role.ADMIN) {
      links.add(new Link("/admin/connections", "Connections"));
      links.add(new Link("/admin/scorecards", "Scorecards"));
      links.add(new Link("/admin/sampling", "Sampling"));
      links.add(new Link("/admin/users", "Users &amp; teams"));
    }
    links.add(new Link("/tokens", "API tokens"));
    return links;
  }

  /** A page explaining an error (403, 404) to a person. */
  static String problem(Principal p, String title, String detail) {
    return page(
        title,
        p,
        "<section class=\"problem\" role=\"alert\"><h1>"
            + esc(title)
            + "</h1><p>"
            + esc(detail)
            + "</p><p><a href=\"/\">Back to the start page</a></p></section>",
        List.of(),
        false);
  }
}
