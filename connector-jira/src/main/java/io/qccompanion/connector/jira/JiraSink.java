package io.qccompanion.connector.jira;

import io.qccompanion.model.FeedbackSink;

/** A Jira {@link FeedbackSink} that reports how many requests it sent. */
public interface JiraSink extends FeedbackSink {

  /** HTTP requests sent so far, retries included. */
  long requestCount();
}
