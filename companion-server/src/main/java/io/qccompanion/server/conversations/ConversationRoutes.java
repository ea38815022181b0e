package io.qccompanion.server.conversations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/tickets/{id}/messages}: a ticket's stored conversation, for graders. */
public final class ConversationRoutes {
  private final Database db;
  private final Conversations conversations;

  public ConversationRoutes(Database db, Clock clock) {
    this.db = db;
    this.conversations = new Conversations(clock);
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/tickets/{id}/messages", this::messages, Role.GRADERS);
  }

  private record TicketRef(String connectionId, String externalId, String teamId) {}

  void messages(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    Map<String, Object> body =
        db.read(
            h -> {
              TicketRef t =
                  h.createQuery(
                          "SELECT connection_id, external_id, team_id FROM tickets WHERE id = ?")
                      .bind(0, id)
                      .map(
                          (rs, c) ->
                              new TicketRef(rs.getString(1), rs.getString(2), rs.getString(3)))
                      .findOne()
                      .filter(ref -> p.seesTeam(ref.teamId()))
                      .orElseThrow(() -> new NotFound("ticket", id));
              Conversations.Transcript transcript =
                  conversations.read(h, t.connectionId(), t.externalId());
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("ticketId", id);
              out.put("items", transcript.messages());
              out.put("omitted", transcript.omitted());
              return out;
            });
    ctx.json(body);
  }
}
