package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import io.qccompanion.model.WriteResult;
import io.qccompanion.simulators.zendesk.Comment;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End-to-end flows against the simulated Zendesk over real HTTP. */
class SimulatedZendeskFlowTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private final SimulatedZendesk zendesk =
      SimulatedZendesk.start(
          SimulatedZendesk.defaults().ticketCount(450).agentCount(6).now(NOW).build());
  private final ManualTime time = new ManualTime(NOW.plusSeconds(3600));

  @AfterEach
  void stop() {
    zendesk.close();
  }

  private ConnectionSettings settings() {
    return zendesk.connectionSettings("c-sim", Map.of("export.perPage", "100"));
  }

  private ZendeskTicketSource source() {
    return new ZendeskTicketSource(settings(), time, time, SpecValidation.HTTP);
  }

  private ZendeskFeedbackSink sink() {
    return new ZendeskFeedbackSink(settings(), time, time, SpecValidation.HTTP);
  }

  /** Drains the export from {@code from}, as the server would, committing every page. */
  private static List<Page> drain(ZendeskTicketSource source, Checkpoint from) throws Exception {
    List<Page> pages = new ArrayList<>();
    Checkpoint next = from;
    for (int i = 0; i < 100; i++) {
      Page page = source.fetchClosedSince(next, 100);
      pages.add(page);
      next = page.next();
      if (page.done()) return pages;
    }
    throw new AssertionError("export never ended");
  }

  private static List<Long> ids(List<Page> pages) {
    return pages.stream()
        .flatMap(p -> p.tickets().stream())
        .map(t -> Long.parseLong(t.externalId()))
        .collect(Collectors.toList());
  }

  @Test
  void ingestsEveryClosedTicketExactlyOnceWithOneRequestPerPage() throws Exception {
    List<Page> pages;
    long requests;
    try (var source =
        new ZendeskTicketSource(
            zendesk.connectionSettings(
                "c-sim", Map.of("export.perPage", "100", "conversations", "false")),
            time,
            time,
            SpecValidation.HTTP)) {
      pages = drain(source, Checkpoint.INITIAL);
      requests = source.requestCount();
    }

    List<Long> ids = ids(pages);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).containsExactlyInAnyOrderElementsOf(zendesk.closedTicketIds());
    assertThat(requests).isEqualTo(pages.size());
    Set<String> agentIds =
        zendesk.agents().stream().map(a -> Long.toString(a.id())).collect(Collectors.toSet());
    Set<String> users =
        pages.stream()
            .flatMap(p -> p.users().stream())
            .map(HostUser::id)
            .collect(Collectors.toSet());
    assertThat(users).isEqualTo(agentIds);
    Ticket any = pages.get(0).tickets().get(0);
    assertThat(any.handleTimeSeconds()).isPositive();
    assertThat(any.firstReplyMinutes()).isNotNull();
    assertThat(any.solvedAt()).isNotNull();
  }

  @Test
  void resumesFromTheCommittedCheckpointAfterACrashWithoutGapOrDuplicate() throws Exception {
    List<Long> committed = new ArrayList<>();
    Checkpoint checkpoint;
    try (var source = source()) {
      Page first = source.fetchClosedSince(Checkpoint.INITIAL, 100);
      committed.addAll(ids(List.of(first)));
      Page second = source.fetchClosedSince(first.next(), 100);
      committed.addAll(ids(List.of(second)));
      checkpoint = second.next();
      source.fetchClosedSince(checkpoint, 100); // page 3 read, then the process dies uncommitted
    }

    List<Long> afterRestart;
    try (var restarted = source()) {
      afterRestart = ids(drain(restarted, checkpoint));
    }

    List<Long> union = new ArrayList<>(committed);
    union.addAll(afterRestart);
    assertThat(committed).isNotEmpty();
    assertThat(union).doesNotHaveDuplicates();
    assertThat(union).containsExactlyInAnyOrderElementsOf(zendesk.closedTicketIds());
  }

  @Test
  void picksUpTicketsSolvedAfterTheLastSync() throws Exception {
    try (var source = source()) {
      List<Page> pages = drain(source, Checkpoint.INITIAL);
      Checkpoint last = pages.get(pages.size() - 1).next();
      long fresh = zendesk.addTicket();
      zendesk.solve(fresh);

      List<Long> next = ids(drain(source, last));

      assertThat(next).containsExactly(fresh);
    }
  }

  @Test
  void readsTheConversationOfOneTicketOldestFirstWithRoles() throws Exception {
    long ticketId = zendesk.closedTicketIds().get(0);
    List<Message> messages;
    try (var source = source()) {
      messages = source.fetchConversation(Long.toString(ticketId));
    }

    List<Comment> stored = zendesk.commentsOf(ticketId);
    assertThat(messages).hasSize(stored.size());
    assertThat(messages.get(0).authorRole()).isEqualTo("customer");
    assertThat(messages).anyMatch(m -> m.authorRole().equals("agent") && m.publicMessage());
    assertThat(messages)
        .extracting(Message::body)
        .containsExactlyElementsOf(stored.stream().map(Comment::body).toList());
  }

  @Test
  void writesExactlyOneNoteWhenTheConnectionDropsAfterTheUpdateWasApplied() throws Exception {
    long ticketId = ticketWithStatus("solved");
    FeedbackNote note = FeedbackNotes.failing(Long.toString(ticketId), "qc-e7-r1");
    int before = zendesk.commentsOf(ticketId).size();
    zendesk.faults().dropAfterApplyNext(1);

    try (var sink = sink()) {
      ConnectorException unknown =
          catchThrowableOfType(ConnectorException.class, () -> sink.publish(note));
      assertThat(unknown.retryable()).isTrue();

      WriteResult retry = sink.publish(note);

      assertThat(retry.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(sink.find(note)).contains(retry);
    }
    List<Comment> comments = zendesk.commentsOf(ticketId);
    assertThat(comments).hasSize(before + 1);
    assertThat(comments.stream().filter(c -> c.htmlBody().contains("qc-note:qc-e7-r1"))).hasSize(1);
    Comment note1 = comments.get(comments.size() - 1);
    assertThat(note1.publicComment()).isFalse();
    assertThat(zendesk.tagsOf(ticketId)).contains("qc_graded", "qc_fail");
  }

  @Test
  void ingestsEveryConversationInBulkWithinTenRequestsPerThousandTickets() throws Exception {
    List<Page> pages;
    long requests;
    try (var source =
        new ZendeskTicketSource(
            zendesk.connectionSettings("c-sim", Map.of()), time, time, SpecValidation.HTTP)) {
      pages = drain(source, Checkpoint.INITIAL);
      requests = source.requestCount();
    }
    Map<String, List<Message>> byTicket = new HashMap<>();
    for (Page page : pages) {
      page.tickets()
          .forEach(
              t ->
                  byTicket
                      .computeIfAbsent(t.externalId(), k -> new ArrayList<>())
                      .addAll(t.conversation()));
      page.conversations()
          .forEach((id, m) -> byTicket.computeIfAbsent(id, k -> new ArrayList<>()).addAll(m));
    }
    List<Long> closed = zendesk.closedTicketIds();
    long comments = 0;
    for (long id : closed) {
      comments += zendesk.commentsOf(id).size();
      List<String> stored = zendesk.commentsOf(id).stream().map(Comment::body).toList();
      assertThat(
              byTicket.getOrDefault(Long.toString(id), List.of()).stream()
                  .map(Message::id)
                  .distinct()
                  .count())
          .as("comments of ticket %d", id)
          .isEqualTo(stored.size());
    }
    long conversationRequests = requests - pages.size();
    System.out.printf(
        "Zendesk ingest with conversations: %d tickets, %d comments, %d export + %d event"
            + " requests%n",
        closed.size(), comments, pages.size(), conversationRequests);
    // One event request per 1000 comments (every ticket's comments, open ones included), plus
    // the last partial page of each read.
    assertThat(conversationRequests).isLessThanOrEqualTo(comments * 21 / 20 / 1000 + pages.size());
  }

  @Test
  void writeBackCostsOneRequestPerEvaluationAndLooksOnlyAfterAnUnknownOutcome() throws Exception {
    List<Long> tickets =
        zendesk.closedTicketIds().stream()
            .filter(id -> zendesk.statusOf(id).equals("solved"))
            .limit(10)
            .toList();
    try (var sink = sink()) {
      long before = sink.requestCount();
      for (long id : tickets)
        sink.writeStep(
            FeedbackSink.PUBLISH,
            FeedbackNotes.failing(Long.toString(id), "qc-x" + id),
            false,
            Map.of());
      double perEvaluation = (sink.requestCount() - before) / (double) tickets.size();
      System.out.printf("Zendesk write-back: %.1f requests per evaluation%n", perEvaluation);
      assertThat(perEvaluation).isEqualTo(1.0);

      long ticket = tickets.get(0);
      FeedbackNote note = FeedbackNotes.failing(Long.toString(ticket), "qc-y1-r1");
      zendesk.faults().serverErrorAfterApplyNext(1);
      ConnectorException unknown =
          catchThrowableOfType(
              ConnectorException.class,
              () -> sink.writeStep(FeedbackSink.PUBLISH, note, false, Map.of()));
      assertThat(unknown.isOutcomeUnknown()).isTrue();
      WriteResult retry = sink.writeStep(FeedbackSink.PUBLISH, note, true, Map.of());
      assertThat(retry.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(
              zendesk.commentsOf(ticket).stream()
                  .filter(c -> c.htmlBody().contains("qc-note:qc-y1-r1")))
          .hasSize(1);
    }
  }

  @Test
  void writesAnInternalNoteOnceAndReportsItAlreadyPresentAfterwards() throws Exception {
    long ticketId = ticketWithStatus("solved");
    FeedbackNote note = FeedbackNotes.failing(Long.toString(ticketId), "qc-e8-r2");

    try (var sink = sink()) {
      WriteResult first = sink.publish(note);
      WriteResult second = sink.publish(note);

      assertThat(first.outcome()).isEqualTo(WriteResult.Outcome.WRITTEN);
      assertThat(first.hostReference()).isNotNull();
      assertThat(second.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
      assertThat(second.hostReference()).isEqualTo(first.hostReference());
    }
  }

  @Test
  void fallsBackToTagsOnClosedTicketsAndKeepsTheNoteOnTheCompanion() throws Exception {
    long ticketId = ticketWithStatus("closed");
    int before = zendesk.commentsOf(ticketId).size();

    WriteResult result;
    try (var sink = sink()) {
      result = sink.publish(FeedbackNotes.failing(Long.toString(ticketId), "qc-e9-r1"));
    }

    assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.FELL_BACK);
    assertThat(result.detail()).isEqualTo("ticket is closed; note kept on the companion");
    assertThat(zendesk.commentsOf(ticketId)).hasSize(before);
    assertThat(zendesk.tagsOf(ticketId)).contains("qc_graded", "qc_fail");
  }

  @Test
  void revokedTokenPausesTheSyncAndFailsTheCheckRecommendingAServiceAccount() throws Exception {
    zendesk.faults().revokeCredentials();

    try (var source = source()) {
      ConnectorException e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 100));
      assertThat(e.credentialsInvalid()).isTrue();
      assertThat(e.getMessage()).contains("connection 'acme'").contains("service account");

      ConnectionCheck check = source.check();
      assertThat(check.ok()).isFalse();
      assertThat(check.items().get(0).name()).isEqualTo("credentials");
      assertThat(check.items().get(0).detail()).contains("(401)").contains("service account");
    }
  }

  @Test
  void checkReportsTheAdminUserTimeZoneAndAReachableExport() {
    ConnectionCheck check;
    try (var source = source()) {
      check = source.check();
    }

    assertThat(check.ok()).as(check.toString()).isTrue();
    assertThat(check.timeZone()).isEqualTo("London");
    assertThat(check.rateLimitRemaining()).isBetween(0, 699);
    Map<String, String> details = new HashMap<>();
    check.items().forEach(i -> details.put(i.name(), i.detail()));
    assertThat(details.keySet())
        .containsExactlyInAnyOrder(
            "credentials", "read tickets", "incremental export", "time zone");
    assertThat(details.get("credentials")).contains("role admin");
  }

  @Test
  void survivesRateLimitsServerErrorsAndMalformedPagesFromTheHost() throws Exception {
    zendesk
        .faults()
        .rateLimitNext(1, java.time.Duration.ofSeconds(2))
        .serverErrorNext(1)
        .malformedNext(1);

    List<Long> ids;
    try (var source = source()) {
      ids = ids(drain(source, Checkpoint.INITIAL));
    }

    assertThat(ids).containsExactlyInAnyOrderElementsOf(zendesk.closedTicketIds());
    assertThat(time.sleeps()).contains(Duration.ofSeconds(2));
  }

  @Test
  void timesOutSlowAnswersAndReportsATransientFailure() {
    zendesk.faults().delay(Duration.ofMillis(400));
    Map<String, String> options = new HashMap<>(settings().options());
    options.put("http.readTimeoutMillis", "100");
    options.put("http.maxAttempts", "2");
    ConnectionSettings slow = zendesk.connectionSettings("c-sim", options);

    try (var source = new ZendeskTicketSource(slow, time, time, SpecValidation.HTTP)) {
      ConnectorException e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 100));
      assertThat(e.retryable()).isTrue();
      assertThat(e.status()).isZero();
      assertThat(source.requestCount()).isEqualTo(2);
    }
  }

  private long ticketWithStatus(String status) {
    for (long id : zendesk.closedTicketIds()) {
      if (zendesk.statusOf(id).equals(status)) return id;
    }
    throw new AssertionError("no " + status + " ticket");
  }
}
