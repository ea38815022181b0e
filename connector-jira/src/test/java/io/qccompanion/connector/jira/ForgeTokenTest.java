package io.qccompanion.connector.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.HostIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ForgeTokenTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  static final String APP = "ari:cloud:ecosystem::app/5d1c1b4e-0000-4000-8000-00000000abcd";
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static RSAKey forgeKey;
  static RSAKey otherKey;

  final Fixtures fixtures = new Fixtures();
  ConnectionSettings settings;

  @BeforeAll
  static void keys() throws Exception {
    forgeKey = new RSAKeyGenerator(2048).keyID("forge-1").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("forge-1").generate();
  }

  @BeforeEach
  void serveJwks() {
    wm.stubFor(
        get("/.well-known/jwks.json")
            .willReturn(okJson(new JWKSet(forgeKey.toPublicJWK()).toString())));
    settings =
        Fixtures.cloud(
            wm.baseUrl(),
            Map.of("panel.appId", APP, "panel.jwksUrl", wm.baseUrl() + "/.well-known/jwks.json"));
  }

  /** Claims laid out like a real FIT: principal, app, context.extension.issue. */
  static JWTClaimsSet.Builder fit(Instant issued) {
    return new JWTClaimsSet.Builder()
        .issuer("forge/invocation-token")
        .audience(APP)
        .issueTime(Date.from(issued))
        .notBeforeTime(Date.from(issued))
        .expirationTime(Date.from(issued.plus(Duration.ofMinutes(5))))
        .jwtID("6c3a8f1e")
        .claim("principal", "712020:bob")
        .claim("app", Map.of("id", APP, "installationId", "ari:cloud:ecosystem::installation/1"))
        .claim(
            "context",
            Map.of(
                "cloudId", "a436116f-02ce-4520-8fbb-7301462a1674",
                "moduleKey", "qc-panel",
                "extension",
                    Map.of(
                        "type",
                        "jira:issuePanel",
                        "issue",
                        Map.of("id", "10042", "key", "SUP-42", "type", "Support"))));
  }

  static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void acceptsAValidTokenAndNamesTheUserAndIssue() throws Exception {
    String token = sign(fit(NOW.minusSeconds(30)).build(), forgeKey);

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW))
        .contains(HostIdentity.builder().userId("712020:bob").ticketExternalId("10042").build());
    assertThat(
            fixtures.provider.panelLogin().orElseThrow().verify("Bearer " + token, settings, NOW))
        .isPresent();
    wm.verify(1, getRequestedFor(urlEqualTo("/.well-known/jwks.json")));
  }

  @Test
  void rejectsAnExpiredToken() throws Exception {
    String token = sign(fit(NOW.minus(Duration.ofMinutes(10))).build(), forgeKey);

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsATokenForAnotherApp() throws Exception {
    String token =
        sign(fit(NOW).audience("ari:cloud:ecosystem::app/someone-else").build(), forgeKey);

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsATokenSignedWithAnotherKey() throws Exception {
    String token = sign(fit(NOW).build(), otherKey);

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsAnUnsignedToken() {
    String token = new PlainJWT(fit(NOW).build()).serialize();

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }

  @Test
  void rejectsATokenFromAnotherIssuer() throws Exception {
    String token = sign(fit(NOW).issuer("someone").build(), forgeKey);

    assertThat(fixtures.provider.panelLogin().orElseThrow().verify(token, settings, NOW)).isEmpty();
  }
}
