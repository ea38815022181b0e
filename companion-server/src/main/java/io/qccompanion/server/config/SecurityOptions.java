package io.qccompanion.server.config;

import java.util.List;

/**
 * Security settings beyond the defaults.
 *
 * @param metricsToken Bearer token that opens {@code /metrics}; null: only loopback callers
 * @param frameAncestors extra origins allowed to frame the embeddable pages (besides the base URLs
 *     of the configured connections), e.g. {@code https://*.atlassian.net}
 */
public record SecurityOptions(String metricsToken, List<String> frameAncestors) {
  public static final SecurityOptions DEFAULTS = new SecurityOptions(null, List.of());

  public SecurityOptions {
    frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
  }
}
