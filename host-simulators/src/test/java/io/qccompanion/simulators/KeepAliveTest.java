package io.qccompanion.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The keep-alive defect: the JDK server closed connections idle for 30 s while clients (OkHttp
 * keeps them 5 minutes) still had them pooled, so the next request failed with "unexpected end of
 * stream". One raw connection, two requests 35 s apart.
 */
class KeepAliveTest {
  @Test
  void aPooledConnectionStillAnswersAfterThirtyFiveIdleSeconds() throws Exception {
    try (SimulatedZendesk zendesk =
        SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(5).build())) {
      URI base = URI.create(zendesk.baseUrl());
      String auth =
          Base64.getEncoder()
              .encodeToString(
                  (zendesk.options().email() + "/token:" + zendesk.options().apiToken())
                      .getBytes(StandardCharsets.UTF_8));
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        assertThat(get(in, out, base, auth)).startsWith("HTTP/1.1 200");
        Thread.sleep(35_000);
        assertThat(get(in, out, base, auth)).startsWith("HTTP/1.1 200");
      }
    }
  }

  private static String get(InputStream in, OutputStream out, URI base, String auth)
      throws IOException {
    out.write(
        ("GET /api/v2/users/me HTTP/1.1\r\nHost: "
                + base.getHost()
                + ":"
                + base.getPort()
                + "\r\nAuthorization: Basic "
                + auth
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead(in);
    int length = 0;
    for (String line : head.split("\r\n"))
      if (line.toLowerCase().startsWith("content-length:"))
        length = Integer.parseInt(line.substring(15).trim());
    in.readNBytes(length);
    return head;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String s = head.toString(StandardCharsets.US_ASCII);
      if (s.endsWith("\r\n\r\n")) return s;
    }
    return head.toString(StandardCharsets.US_ASCII); // connection closed: empty or partial
  }
}
