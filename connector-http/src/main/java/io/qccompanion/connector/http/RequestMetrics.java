package io.qccompanion.connector.http;

import io.qccompanion.model.RequestObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reports every request of a connection to the server's {@link RequestObserver}, with the path's
 * ids replaced by {@code {id}} so endpoints stay few ({@code GET /api/v2/tickets/{id}/comments}).
 */
public final class RequestMetrics implements Interceptor {
  /** Numeric ids, the only kind most hosts put in paths. */
  public static final String NUMERIC_ID = "\\d+";

  private final String connectionId;
  private final RequestObserver observer;
  private final Pattern id;

  /**
   * @param idSegment a regular expression matching one whole path segment that is an id, e.g.
   *     {@link #NUMERIC_ID} or {@code \d+|[A-Z][A-Z0-9]+-\d+} for Jira issue keys
   */
  public RequestMetrics(String connectionId, RequestObserver observer, String idSegment) {
    if (connectionId == null) throw new IllegalArgumentException("connectionId == null");
    this.connectionId = connectionId;
    this.observer = observer == null ? RequestObserver.NONE : observer;
    // The segment after "api" is a version (/rest/api/3), not an id.
    this.id = Pattern.compile("(?<!/api)/(" + idSegment + ")(?=/|\\.json$|$)");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String endpoint = endpoint(request);
    long started = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      observer.observe(connectionId, endpoint, response.code(), since(started));
      return response;
    } catch (IOException e) {
      observer.observe(connectionId, endpoint, 0, since(started));
      throw e;
    }
  }

  /** Method and path with ids replaced and a {@code .json} suffix dropped; never the query. */
  public String endpoint(Request request) {
    String path = id.matcher(request.url().encodedPath()).replaceAll("/{id}");
    return request.method() + " " + path.replaceFirst("\\.json$", "");
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
