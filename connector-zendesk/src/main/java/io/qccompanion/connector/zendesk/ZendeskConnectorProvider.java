package io.qccompanion.connector.zendesk;

import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.model.TicketSource;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The Zendesk Support connector, found through {@link java.util.ServiceLoader}. */
public final class ZendeskConnectorProvider implements ConnectorProvider {

  @Override
  public Host host() {
    return Host.ZENDESK;
  }

  /** Opens a {@link ZendeskTicketSource}; see docs/zendesk.md for the options it reads. */
  @Override
  public TicketSource openSource(ConnectionSettings settings, Clock clock) {
    return new ZendeskTicketSource(settings, clock, Sleeper.REAL, ZendeskHttp.Factory.DEFAULT);
  }

  /** Opens a {@link ZendeskFeedbackSink}. */
  @Override
  public FeedbackSink openSink(ConnectionSettings settings, Clock clock) {
    return new ZendeskFeedbackSink(settings, Sleeper.REAL, ZendeskHttp.Factory.DEFAULT);
  }

  /** Checks {@code x-zendesk-webhook-signature} against {@code secret}; 5 minutes freshness. */
  @Override
  public boolean verifyWebhook(
      Map<String, String> headers, byte[] body, String secret, Instant now) {
    return WebhookSignature.verify(headers, body, secret, now);
  }

  /**
   * Verifies a Zendesk signed-URL JWT with options {@code panel.publicKey}, {@code panel.audience}.
   */
  @Override
  public Optional<HostIdentity> verifyPanelToken(
      String token, ConnectionSettings settings, Instant now) {
    return PanelTokenVerifier.verify(token, settings, now);
  }
}
