package io.qccompanion.connector.zendesk;

import io.qccompanion.model.RequestObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Reports every request of a connection to the server's {@link RequestObserver}. */
final class RequestMetrics implements Interceptor {
  // Numeric ids (tickets, users) become {id} so endpoints stay few; the .json suffix goes.
  private static final Pattern ID = Pattern.compile("/(\\d+)(?=/|\\.json$|$)");

  private final String connectionId;
  private final RequestObserver observer;

  RequestMetrics(String connectionId, RequestObserver observer) {
    this.connectionId = connectionId;
    this.observer = observer;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String endpoint = endpoint(request);
    long started = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      observer.observe(
          connectionId, endpoint, response.code(), Duration.ofNanos(System.nanoTime() - started));
      return response;
    } catch (IOException e) {
      observer.observe(connectionId, endpoint, 0, Duration.ofNanos(System.nanoTime() - started));
      throw e;
    }
  }

  static String endpoint(Request request) {
    String path = ID.matcher(request.url().encodedPath()).replaceAll("/{id}");
    return request.method() + " " + path.replaceFirst("\\.json$", "");
  }
}
