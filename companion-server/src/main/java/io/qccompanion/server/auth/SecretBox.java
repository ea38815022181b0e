package io.qccompanion.server.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Encrypts secrets at rest with AES-256-GCM: {@code v1:base64(iv || ciphertext || tag)}. */
public final class SecretBox {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param base64Key 32 random bytes, base64-encoded (config {@code secretKey})
   */
  public SecretBox(String base64Key) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("secret key is not base64");
    }
    if (raw.length != 32)
      throw new IllegalArgumentException("secret key must be 32 bytes, got " + raw.length);
    this.key = new SecretKeySpec(raw, "AES");
  }

  public String encrypt(String plaintext) {
    if (plaintext == null) return null;
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return "v1:"
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(String sealedText) {
    if (sealedText == null) return null;
    if (!sealedText.startsWith("v1:")) throw new IllegalStateException("unknown secret format");
    try {
      byte[] all = Base64.getDecoder().decode(sealedText.substring(3));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt a stored secret: was the secret key changed?", e);
    }
  }
}
