package io.qccompanion.server.outbox;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.WriteResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host in memory: notes land on "tickets" by idempotency key. Scripted failures are consumed one
 * per publish; a failure marked {@code afterApply} writes the note and then fails (a timeout after
 * the host applied it).
 */
final class FakeSink implements FeedbackSink {
  /** One scripted answer of {@link #publish}. */
  record Step(ConnectorException failure, boolean afterApply) {}

  final Map<String, FeedbackNote> onHost = new ConcurrentHashMap<>();
  final List<FeedbackNote> published = new ArrayList<>();
  final List<FeedbackNote> looked = new ArrayList<>();
  private final Deque<Step> script = new ArrayDeque<>();
  volatile Runnable beforePublish = () -> {};
  volatile boolean ticketClosed;

  FakeSink failNext(ConnectorException e) {
    script.add(new Step(e, false));
    return this;
  }

  FakeSink applyThenFail(ConnectorException e) {
    script.add(new Step(e, true));
    return this;
  }

  @Override
  public synchronized WriteResult publish(FeedbackNote note) throws ConnectorException {
    beforePublish.run();
    published.add(note);
    Step step = script.poll();
    if (step != null && !step.afterApply()) throw step.failure();
    if (ticketClosed)
      return new WriteResult(WriteResult.Outcome.FELL_BACK, null, "ticket closed: tags only");
    boolean already = onHost.putIfAbsent(note.idempotencyKey(), note) != null;
    if (step != null) throw step.failure();
    return already
        ? new WriteResult(WriteResult.Outcome.ALREADY_PRESENT, "c-" + note.idempotencyKey(), null)
        : new WriteResult(WriteResult.Outcome.WRITTEN, "c-" + note.idempotencyKey(), null);
  }

  @Override
  public synchronized Optional<WriteResult> find(FeedbackNote note) {
    looked.add(note);
    return Optional.ofNullable(onHost.get(note.idempotencyKey()))
        .map(
            n ->
                new WriteResult(
                    WriteResult.Outcome.ALREADY_PRESENT, "c-" + n.idempotencyKey(), "found"));
  }
}
