package io.qccompanion.server.autoqa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which evaluations are graded without AutoQA's pre-filled answers, so that the agreement gate has
 * independent human grades to measure against: every calibration grade (graded blind), and a fixed
 * share of regular evaluations chosen from a hash of the evaluation id (deterministic: the panel
 * and the submit path decide alike, and a re-run decides the same). A kept pre-filled value agrees
 * with the machine by construction, so the gate counts only answers given without one.
 */
final class Holdout {
  /** Why nothing was pre-filled. */
  enum Reason {
    /** One of the regular evaluations held out for the agreement gate. */
    HOLDOUT,
    /** A calibration grade: graders grade blind, without machine answers too. */
    CALIBRATION
  }

  /** The share of regular evaluations held out unless configured otherwise. */
  static final int DEFAULT_PERCENT = 10;

  private final int percent;

  Holdout(int percent) {
    if (percent < 0 || percent > 100) throw new IllegalArgumentException("percent not in 0..100");
    this.percent = percent;
  }

  int percent() {
    return percent;
  }

  /** Null when the evaluation gets pre-filled suggestions, else why it does not. */
  Reason withheld(String evaluationId, String kind) {
    if ("CALIBRATION".equals(kind)) return Reason.CALIBRATION;
    return evaluationId != null && heldOut(evaluationId) ? Reason.HOLDOUT : null;
  }

  /** Whether the hash of the id falls in the held-out share (in steps of 0.01 %). */
  boolean heldOut(String evaluationId) {
    byte[] h = sha256(evaluationId);
    long bucket =
        ((h[0] & 0xFFL) << 24 | (h[1] & 0xFFL) << 16 | (h[2] & 0xFFL) << 8 | (h[3] & 0xFFL))
            % 10_000;
    return bucket < percent * 100L;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
