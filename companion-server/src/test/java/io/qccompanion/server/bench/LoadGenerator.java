package io.qccompanion.server.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP/1.1 load generator in the spirit of {@code wrk}: {@code connections} threads,
 * each with one keep-alive socket, send the next request as soon as the previous answer is read.
 * Latencies go into a fixed histogram (100 µs buckets up to 10 s), so memory stays bounded however
 * long it runs. Answers other than 2xx are counted as errors.
 */
final class LoadGenerator {
  private static final int BUCKET_MICROS = 100;
  private static final int BUCKETS = 100_000;

  /** What one run measured. */
  record Result(long requests, long errors, double seconds, double p50Ms, double p99Ms) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final int port;
  private final int connections;

  LoadGenerator(int port, int connections) {
    this.port = port;
    this.connections = connections;
  }

  /**
   * Runs for {@code seconds}; {@code request} builds the raw request text for the n-th request of a
   * connection (it must send {@code Connection: keep-alive} semantics, i.e. no close).
   */
  Result run(double seconds, IntFunction<byte[]> request) throws InterruptedException {
    long[][] histograms = new long[connections][];
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(connections);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int id = c;
      histograms[id] = new long[BUCKETS];
      Thread t =
          new Thread(
              () -> {
                try {
                  loop(end, request, histograms[id], errors);
                } catch (IOException e) {
                  errors.incrementAndGet();
                } finally {
                  done.countDown();
                }
              },
              "load-" + id);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = new long[BUCKETS];
    long n = 0;
    for (long[] h : histograms)
      for (int i = 0; i < BUCKETS; i++) {
        all[i] += h[i];
        n += h[i];
      }
    return new Result(n, errors.get(), elapsed, percentile(all, n, 0.50), percentile(all, n, 0.99));
  }

  private void loop(long end, IntFunction<byte[]> request, long[] histogram, AtomicLong errors)
      throws IOException {
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress("127.0.0.1", port));
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
      for (int i = 0; System.nanoTime() < end; i++) {
        long t0 = System.nanoTime();
        out.write(request.apply(i));
        out.flush();
        int status = readResponse(in);
        long micros = (System.nanoTime() - t0) / 1000;
        histogram[(int) Math.min(BUCKETS - 1, micros / BUCKET_MICROS)]++;
        if (status < 200 || status > 299) errors.incrementAndGet();
      }
    }
  }

  private static double percentile(long[] histogram, long n, double q) {
    long rank = (long) Math.ceil(n * q);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank && rank > 0) return (i + 0.5) * BUCKET_MICROS / 1000.0;
    }
    return Double.NaN;
  }

  /** Reads one response (Content-Length or chunked body); returns its status. */
  static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) throw new IOException("connection closed");
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      String lower = h.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-length:")) length = Long.parseLong(h.substring(15).strip());
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).strip(), 16); size > 0; ) {
        skip(in, size);
        line(in);
        size = Long.parseLong(line(in).strip(), 16);
      }
      line(in);
    } else if (length > 0) skip(in, length);
    return status;
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long k = in.skip(n);
      if (k <= 0) {
        if (in.read() < 0) throw new IOException("connection closed in body");
        k = 1;
      }
      n -= k;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) return b.length() == 0 ? null : b.toString();
      if (c != '\r') b.append((char) c);
    }
    return b.toString();
  }

  /** A GET with a Bearer token (null for none). */
  static byte[] get(String path, String token) {
    return ("GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A request with a JSON body and a Bearer token. */
  static byte[] withBody(String method, String path, String token, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return (method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n"
            + "Authorization: Bearer "
            + token
            + "\r\n\r\n"
            + json)
        .getBytes(StandardCharsets.UTF_8);
  }
}
