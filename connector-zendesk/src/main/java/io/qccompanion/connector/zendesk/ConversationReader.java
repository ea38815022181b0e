package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Reads a ticket's comments ({@code GET /api/v2/tickets/{id}/comments?include=users}), following
 * {@code next_page} (offset paging) or {@code links.next} (cursor paging), oldest first.
 */
final class ConversationReader {
  private static final int MAX_PAGES = 50;
  private final ZendeskHttp http;

  ConversationReader(ZendeskHttp http) {
    this.http = http;
  }

  List<Message> read(String ticketId) throws ConnectorException {
    Map<String, String> roles = new HashMap<>();
    List<Message> messages = new ArrayList<>();
    forEachComment(
        ticketId,
        page ->
            page.path("users")
                .forEach(u -> roles.put(u.path("id").asText(), u.path("role").asText())),
        comment -> {
          String author = comment.path("author_id").asText();
          String body = comment.path("plain_body").asText(comment.path("body").asText(""));
          messages.add(
              Message.builder()
                  .authorId(author)
                  .authorRole(roleOf(roles.get(author)))
                  .publicMessage(comment.path("public").asBoolean(true))
                  .createdAt(TicketMapper.instantOrNull(comment.path("created_at")))
                  .body(body)
                  .build());
        });
    messages.sort(
        (a, b) ->
            a.createdAt() == null || b.createdAt() == null
                ? 0
                : a.createdAt().compareTo(b.createdAt()));
    return messages;
  }

  /** Calls {@code onComment} for every comment of the ticket, page by page. */
  void forEachComment(String ticketId, Consumer<JsonNode> onPage, Consumer<JsonNode> onComment)
      throws ConnectorException {
    HttpUrl url =
        http.url("api", "v2", "tickets", ticketId, "comments")
            .addQueryParameter("include", "users")
            .build();
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      JsonNode body = http.get(url);
      onPage.accept(body);
      body.path("comments").forEach(onComment);
      url = nextPage(body);
      // Never send our credentials to a host a response pointed at.
      if (url != null && !http.sameOrigin(url)) url = null;
    }
  }

  private static HttpUrl nextPage(JsonNode body) {
    JsonNode next = body.path("next_page");
    if (!next.isTextual() && body.path("meta").path("has_more").asBoolean(false)) {
      next = body.path("links").path("next");
    }
    return next.isTextual() ? HttpUrl.parse(next.asText()) : null;
  }

  private static String roleOf(String zendeskRole) {
    if (zendeskRole == null) return "system";
    return switch (zendeskRole) {
      case "end-user" -> "customer";
      case "agent", "admin" -> "agent";
      default -> "system";
    };
  }
}
