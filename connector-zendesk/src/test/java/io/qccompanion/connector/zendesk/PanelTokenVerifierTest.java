package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.HostIdentity;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelTokenVerifierTest {
  private static final String AUDIENCE =
      "https://acme.zendesk.com/api/v2/apps/installations/42.json";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final KeyPair ZENDESK = rsa();
  private static final KeyPair OTHER = rsa();

  private final ZendeskConnectorProvider provider = new ZendeskConnectorProvider();
  private final ConnectionSettings settings =
      Fixtures.settings(
          "https://acme.zendesk.com",
          Map.of("panel.publicKey", pem(ZENDESK), "panel.audience", AUDIENCE));

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer("acme.zendesk.com")
        .audience(AUDIENCE)
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(300)))
        .subject("https://acme.zendesk.com/api/v2/users/9001.json")
        .claim("email", "dana@acme.example.com")
        .claim(
            "context",
            Map.of("product", "support", "location", "ticket_sidebar", "ticket_id", 35436));
  }

  private static String rs256(JWTClaimsSet claims, KeyPair keys) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  @Test
  void aValidTokenProvesTheUserAndTheTicket() throws Exception {
    String token = rs256(claims().build(), ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW))
        .contains(
            HostIdentity.builder()
                .userId("9001")
                .email("dana@acme.example.com")
                .ticketExternalId("35436")
                .build());
  }

  @Test
  void acceptsAPlainUserIdSubjectAndAnHttpsIssuer() throws Exception {
    String token =
        rs256(claims().subject("9001").issuer("https://acme.zendesk.com").build(), ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW))
        .map(HostIdentity::userId)
        .contains("9001");
  }

  @Test
  void rejectsAnExpiredToken() throws Exception {
    String token = rs256(claims().expirationTime(Date.from(NOW.minusSeconds(61))).build(), ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsATokenIssuedInTheFuture() throws Exception {
    String token = rs256(claims().issueTime(Date.from(NOW.plusSeconds(120))).build(), ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsAnotherInstallationsAudience() throws Exception {
    String token =
        rs256(
            claims().audience("https://acme.zendesk.com/api/v2/apps/installations/7.json").build(),
            ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsAnotherAccountAsIssuer() throws Exception {
    String token = rs256(claims().issuer("evil.zendesk.com").build(), ZENDESK);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsATokenSignedWithAnotherKey() throws Exception {
    String token = rs256(claims().build(), OTHER);

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsUnsignedTokens() {
    String token = new PlainJWT(new PlainHeader(), claims().build()).serialize();

    assertThat(provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsHs256EvenWhenKeyedWithThePublicKey() throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    jwt.sign(new MACSigner(pem(ZENDESK).getBytes()));

    assertThat(provider.panelLogin().orElseThrow().verify(jwt.serialize(), settings, NOW))
        .isEmpty();
  }

  @Test
  void rejectsEverythingWhenTheConnectionHasNoKeyOrAudience() throws Exception {
    String token = rs256(claims().build(), ZENDESK);
    ConnectionSettings unconfigured = Fixtures.settings("https://acme.zendesk.com", Map.of());

    assertThat(provider.panelLogin().orElseThrow().verify(token, unconfigured, NOW)).isEmpty();
    assertThat(provider.panelLogin().orElseThrow().verify("not-a-jwt", settings, NOW)).isEmpty();
  }
}
