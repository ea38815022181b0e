package io.qccompanion.connector.jira;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.HostIdentity;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Forge Invocation Token (FIT), the bearer token Forge Remote sends with {@code
 * invokeRemote}: RS256 signed with a key from Forge's JWKS, {@code iss = forge/invocation-token},
 * {@code aud} = the app id ({@code ari:cloud:ecosystem::app/<uuid>}), the user's account id in
 * {@code principal}, the issue in {@code context.extension.issue}. See
 * https://developer.atlassian.com/platform/forge/remote/essentials/#verifying-remote-requests
 */
final class ForgeTokenVerifier {
  static final String ISSUER = "forge/invocation-token";
  static final String DEFAULT_JWKS_URL =
      "https://forge.cdn.prod.atlassian-dev.net/.well-known/jwks.json";
  private static final Duration SKEW = Duration.ofSeconds(60);
  private static final Duration JWKS_TTL = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(ForgeTokenVerifier.class);

  private record Cached(JWKSet keys, Instant fetchedAt) {}

  private final OkHttpClient.Builder clientBuilder;
  private OkHttpClient client; // built on the first key fetch: a client loads the trust store
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  ForgeTokenVerifier(OkHttpClient.Builder client) {
    this.clientBuilder = client;
  }

  private synchronized OkHttpClient client() {
    if (client == null) client = clientBuilder.build();
    return client;
  }

  Optional<HostIdentity> verify(String token, ConnectionSettings settings, Instant now) {
    String appId = settings.option("panel.appId", null);
    if (token == null || appId == null) return Optional.empty();
    try {
      SignedJWT jwt = SignedJWT.parse(token.startsWith("Bearer ") ? token.substring(7) : token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
      Optional<JWK> key = key(settings, jwt.getHeader().getKeyID(), now);
      if (key.isEmpty() || !(key.get() instanceof RSAKey rsa)) return Optional.empty();
      JWSVerifier verifier = new RSASSAVerifier(rsa);
      if (!jwt.verify(verifier)) return Optional.empty();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer())) return Optional.empty();
      if (claims.getAudience() == null || !claims.getAudience().contains(appId)) {
        return Optional.empty();
      }
      Date exp = claims.getExpirationTime();
      if (exp == null || exp.toInstant().plus(SKEW).isBefore(now)) return Optional.empty();
      Date nbf = claims.getNotBeforeTime();
      if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) return Optional.empty();
      String principal = claims.getStringClaim("principal");
      if (principal == null) principal = claims.getSubject();
      if (principal == null) return Optional.empty();
      return Optional.of(
          HostIdentity.builder().userId(principal).ticketExternalId(issue(claims)).build());
    } catch (ParseException | com.nimbusds.jose.JOSEException | IOException e) {
      log.debug("Forge invocation token rejected: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static String issue(JWTClaimsSet claims) throws ParseException {
    Map<String, Object> context = claims.getJSONObjectClaim("context");
    if (context == null || !(context.get("extension") instanceof Map<?, ?> ext)) return null;
    if (!(ext.get("issue") instanceof Map<?, ?> issue)) return null;
    Object id = issue.get("id");
    if (id == null) id = issue.get("key");
    return id == null ? null : id.toString();
  }

  private Optional<JWK> key(ConnectionSettings settings, String kid, Instant now)
      throws IOException, ParseException {
    String inline = settings.option("panel.jwks", null);
    if (inline != null) return find(JWKSet.parse(inline), kid);
    String url = settings.option("panel.jwksUrl", DEFAULT_JWKS_URL);
    Cached cached = cache.get(url);
    if (cached != null && cached.fetchedAt().plus(JWKS_TTL).isAfter(now)) {
      Optional<JWK> key = find(cached.keys(), kid);
      // A new kid means Forge rotated its keys: fetch again, at most once a minute.
      if (key.isPresent() || cached.fetchedAt().plusSeconds(60).isAfter(now)) return key;
    }
    try (Response response =
        client().newCall(new Request.Builder().url(url).get().build()).execute()) {
      if (!response.isSuccessful())
        throw new IOException("JWKS " + url + " answered " + response.code());
      JWKSet keys = JWKSet.parse(response.body().string());
      cache.put(url, new Cached(keys, now));
      return find(keys, kid);
    }
  }

  private static Optional<JWK> find(JWKSet keys, String kid) {
    if (kid == null)
      return keys.getKeys().size() == 1 ? Optional.of(keys.getKeys().get(0)) : Optional.empty();
    return Optional.ofNullable(keys.getKeyByKeyId(kid));
  }
}
