package io.qccompanion.connector.zendesk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.HostIdentity;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies the JWT Zendesk posts to a signed-URL app ({@code signedUrls: true}): RS256 only, signed
 * by the app's public key (option {@code panel.publicKey}, PEM), {@code iss} the account host
 * ({@code acme.zendesk.com}), {@code aud} the installation URL (option {@code panel.audience}, e.g.
 * {@code https://acme.zendesk.com/api/v2/apps/installations/42.json}), {@code exp}/{@code iat}
 * within a small skew.
 */
final class PanelTokenVerifier {
  static final Duration SKEW = Duration.ofSeconds(60);
  private static final Pattern TRAILING_ID = Pattern.compile("(\\d+)(\\.json)?/?$");

  private PanelTokenVerifier() {}

  static Optional<HostIdentity> verify(String token, ConnectionSettings settings, Instant now) {
    String pem = settings.option("panel.publicKey", null);
    String audience = settings.option("panel.audience", null);
    if (token == null || pem == null || audience == null || now == null) return Optional.empty();
    try {
      SignedJWT jwt = SignedJWT.parse(token.trim());
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return Optional.empty();
      if (!jwt.verify(new RSASSAVerifier(publicKey(pem)))) return Optional.empty();
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!timely(claims, now)) return Optional.empty();
      if (!issuerMatches(claims.getIssuer(), settings)) return Optional.empty();
      if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
        return Optional.empty();
      }
      String userId = userId(claims);
      if (userId == null) return Optional.empty();
      return Optional.of(
          HostIdentity.builder()
              .userId(userId)
              .email(email(claims))
              .ticketExternalId(ticketId(claims))
              .build());
    } catch (ParseException
        | JOSEException
        | GeneralSecurityException
        | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean timely(JWTClaimsSet claims, Instant now) {
    Date exp = claims.getExpirationTime();
    Date iat = claims.getIssueTime();
    if (exp == null || iat == null) return false;
    return !now.isAfter(exp.toInstant().plus(SKEW)) && !iat.toInstant().isAfter(now.plus(SKEW));
  }

  private static boolean issuerMatches(String issuer, ConnectionSettings settings) {
    if (issuer == null) return false;
    String expected = settings.option("panel.issuer", URI.create(settings.baseUrl()).getHost());
    String bare = issuer.replaceFirst("^https?://", "").replaceAll("/+$", "");
    return bare.equalsIgnoreCase(expected);
  }

  /** {@code sub}, else {@code user_id} or {@code context.user_id}; a user URL yields its id. */
  private static String userId(JWTClaimsSet claims) throws ParseException {
    String raw = claims.getSubject();
    if (raw == null) raw = string(claims.getClaim("user_id"));
    if (raw == null) raw = string(context(claims).get("user_id"));
    if (raw == null || raw.isBlank()) return null;
    Matcher m = TRAILING_ID.matcher(raw);
    return raw.contains("/") && m.find() ? m.group(1) : raw;
  }

  private static String email(JWTClaimsSet claims) throws ParseException {
    String email = string(claims.getClaim("email"));
    return email != null ? email : string(context(claims).get("user_email"));
  }

  private static String ticketId(JWTClaimsSet claims) throws ParseException {
    String ticket = string(claims.getClaim("ticket_id"));
    return ticket != null ? ticket : string(context(claims).get("ticket_id"));
  }

  private static Map<String, Object> context(JWTClaimsSet claims) throws ParseException {
    Map<String, Object> context = claims.getJSONObjectClaim("context");
    return context == null ? Map.of() : context;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  static RSAPublicKey publicKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64);
    return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }
}
