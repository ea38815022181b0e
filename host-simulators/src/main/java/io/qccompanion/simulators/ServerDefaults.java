package io.qccompanion.simulators;

/**
 * JDK {@code HttpServer} settings every simulator needs, applied before the first server starts
 * (the JDK reads them once per process).
 */
public final class ServerDefaults {
  /** Seconds an idle keep-alive connection stays open: longer than clients pool connections. */
  public static final int IDLE_SECONDS = 600;

  private ServerDefaults() {}

  /**
   * No Nagle delay (~40 ms on small answers otherwise), and idle connections kept for {@link
   * #IDLE_SECONDS}. The JDK default of 30 s is shorter than OkHttp's 5-minute pool: a pooled
   * connection the server had already closed failed the next request with "unexpected end of
   * stream" (the keep-alive defect seen in the demo's write-backs).
   */
  public static void apply() {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.idleInterval", Integer.toString(IDLE_SECONDS));
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }
}
