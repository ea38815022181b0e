package io.qccompanion.model;

import java.time.Instant;
import java.util.Optional;

/**
 * How a host's in-tool panel proves who is looking: the connector verifies the host token (Zendesk
 * signed-URL JWT, Forge invocation token) and the server maps the proven host user to a companion
 * user. The server's generic panel routes accept the token as form field {@code token} (posted by
 * the host on first load) or as a Bearer header (calls from a host app's backend).
 *
 * @since 0.2
 */
public interface PanelLogin {

  /**
   * Verifies {@code token} against the key material configured on the connection (options such as
   * {@code panel.publicKey} or {@code panel.appId}). Thread-safe; never throws for a bad token.
   *
   * @return the proven host user, or empty when the token is invalid, expired or for another
   *     connection
   */
  Optional<HostIdentity> verify(String token, ConnectionSettings settings, Instant now);
}
