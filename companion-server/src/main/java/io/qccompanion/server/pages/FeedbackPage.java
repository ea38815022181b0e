package io.qccompanion.server.pages;

import io.javalin.http.Context;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation as its agent sees it. Ownership is checked here, before any script runs, so an
 * agent opening someone else's evaluation gets a 403 page rather than an empty screen.
 */
public final class FeedbackPage {
  private final Database db;

  public FeedbackPage(Database db) {
    this.db = db;
  }

  void detail(Context ctx, Pages pages) {
    Optional<Principal> signedIn = Pages.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    Principal p = signedIn.get();
    String id = ctx.pathParam("id");
    Optional<Map<String, Object>> row =
        db.read(
            h ->
                h.createQuery(
                        "SELECT agent_id, team_id, qc_id, status, kind FROM evaluations WHERE id = :id")
                    .bind("id", id)
                    .mapToMap()
                    .findOne());
    if (row.isEmpty()) {
      pages.problem(ctx, 404, p, "Evaluation not found", "No evaluation " + id + ".");
      return;
    }
    if (!visible(p, row.get())) {
      pages.forbidden(ctx, p, "This evaluation is about someone else's ticket.");
      return;
    }
    pages.page(
        ctx,
        "feedback.jte",
        pages.shell("Feedback", p, Screen.FEEDBACK.path, false, List.of("feedback-detail.js")),
        Map.of("evaluationId", id));
  }

  private static boolean visible(Principal p, Map<String, Object> e) {
    if (p.role() == Role.AGENT)
      return p.agentId() != null
          && p.agentId().equals(e.get("agent_id"))
          && !"DRAFT".equals(e.get("status"))
          && "REGULAR".equals(e.get("kind"));
    return p.seesTeam((String) e.get("team_id"));
  }
}
