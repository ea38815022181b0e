package io.qccompanion.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * URLs of files inside npm webjars served by Javalin under {@code /webjars}; the version comes from
 * the webjar's own {@code pom.properties} (pinned in the parent pom), never from a hand-written
 * path.
 */
final class Webjars {
  private Webjars() {}

  /**
   * {@code /webjars/<artifact>/<version>/<file>} for the webjar {@code org.webjars.npm:artifact}.
   */
  static String path(String artifact, String file) {
    String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    try (InputStream in = Webjars.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null)
        throw new IllegalStateException("webjar " + artifact + " is not on the class path");
      var props = new Properties();
      props.load(in);
      return "/webjars/" + artifact + "/" + props.getProperty("version") + "/" + file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
