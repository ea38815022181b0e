package io.qccompanion.server.pages;

import io.javalin.http.Context;
import io.qccompanion.server.web.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/** Serves the pages' scripts and stylesheet from the class path (no build step, no CDN). */
final class Assets {
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(js|css)");

  void serve(Context ctx) {
    String file = ctx.pathParam("file");
    if (!NAME.matcher(file).matches()) throw HttpProblem.notFound("asset", file);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("pages/" + file)) {
      if (in == null) throw HttpProblem.notFound("asset", file);
      ctx.contentType(
          file.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      ctx.header("Cache-Control", "no-cache");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
