package io.qccompanion.connector.jira;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Csat;
import io.qccompanion.model.TicketSource;

/** A Jira {@link TicketSource} with the lazy extras the server may call for sampled issues. */
public interface JiraSource extends TicketSource {

  /**
   * Reads the JSM customer satisfaction of one request ({@code GET
   * /rest/servicedeskapi/request/{key}/feedback}); call it only for sampled issues.
   *
   * @return {@link Csat#NONE} when the customer gave no rating or the flavor is not {@code jsm}
   */
  Csat fetchCsat(String issueIdOrKey) throws ConnectorException;

  /** HTTP requests sent so far, retries included. */
  long requestCount();
}
