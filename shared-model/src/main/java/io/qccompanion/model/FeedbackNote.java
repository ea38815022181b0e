package io.qccompanion.model;

import java.util.List;

/**
 * The QC result of one evaluation revision, to be written onto the host ticket. Host formatting
 * (HTML, ADF, plain text) is the connector's job.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param idempotencyKey unique per evaluation revision, e.g. {@code qc-<evaluationId>-r2}
 * @param ticketExternalId the host's id of the ticket
 * @param ticketKey the host's human key (Jira issue key; Zendesk id)
 * @param scorePercent 0-100 with one decimal, null when every criterion was N/A
 * @param failedCriteria criteria that scored below full marks
 * @param evaluationUrl link to the evaluation on the companion
 * @since 0.1
 */
public record FeedbackNote(
    String idempotencyKey,
    String ticketExternalId,
    String ticketKey,
    String evaluationId,
    int revision,
    String scorecardName,
    Double scorePercent,
    boolean passed,
    boolean criticalFail,
    List<FailedCriterion> failedCriteria,
    String overallComment,
    String coachingNote,
    String qcName,
    String evaluationUrl) {

  /** A criterion that lost points, with what the QC wrote. */
  public record FailedCriterion(
      String section, String criterion, boolean critical, List<String> rootCauses, String comment) {
    public FailedCriterion {
      rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
    }

    /**
     * A builder with every field at its documented default.
     *
     * @since 0.2
     */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * A builder holding this value's fields, to copy with a change.
     *
     * @since 0.2
     */
    public Builder newBuilder() {
      Builder b = new Builder();
      b.section = section;
      b.criterion = criterion;
      b.critical = critical;
      b.rootCauses = rootCauses;
      b.comment = comment;
      return b;
    }

    /**
     * Builds {@link FailedCriterion}; a field never set keeps its default (null, empty, zero or
     * false unless the component's documentation says otherwise).
     *
     * @since 0.2
     */
    public static final class Builder {
      private String section;
      private String criterion;
      private boolean critical;
      private List<String> rootCauses;
      private String comment;

      private Builder() {}

      public Builder section(String section) {
        this.section = section;
        return this;
      }

      public Builder criterion(String criterion) {
        this.criterion = criterion;
        return this;
      }

      public Builder critical(boolean critical) {
        this.critical = critical;
        return this;
      }

      public Builder rootCauses(List<String> rootCauses) {
        this.rootCauses = rootCauses;
        return this;
      }

      public Builder comment(String comment) {
        this.comment = comment;
        return this;
      }

      public FailedCriterion build() {
        return new FailedCriterion(section, criterion, critical, rootCauses, comment);
      }
    }
  }

  public FeedbackNote {
    if (idempotencyKey == null || idempotencyKey.isBlank())
      throw new IllegalArgumentException("idempotencyKey is blank");
    if (ticketExternalId == null) throw new IllegalArgumentException("ticketExternalId == null");
    failedCriteria = failedCriteria == null ? List.of() : List.copyOf(failedCriteria);
  }

  /**
   * A builder with every field at its documented default.
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.idempotencyKey = idempotencyKey;
    b.ticketExternalId = ticketExternalId;
    b.ticketKey = ticketKey;
    b.evaluationId = evaluationId;
    b.revision = revision;
    b.scorecardName = scorecardName;
    b.scorePercent = scorePercent;
    b.passed = passed;
    b.criticalFail = criticalFail;
    b.failedCriteria = failedCriteria;
    b.overallComment = overallComment;
    b.coachingNote = coachingNote;
    b.qcName = qcName;
    b.evaluationUrl = evaluationUrl;
    return b;
  }

  /**
   * Builds {@link FeedbackNote}; a field never set keeps its default (null, empty, zero or false
   * unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String idempotencyKey;
    private String ticketExternalId;
    private String ticketKey;
    private String evaluationId;
    private int revision;
    private String scorecardName;
    private Double scorePercent;
    private boolean passed;
    private boolean criticalFail;
    private List<FailedCriterion> failedCriteria;
    private String overallComment;
    private String coachingNote;
    private String qcName;
    private String evaluationUrl;

    private Builder() {}

    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public Builder ticketExternalId(String ticketExternalId) {
      this.ticketExternalId = ticketExternalId;
      return this;
    }

    public Builder ticketKey(String ticketKey) {
      this.ticketKey = ticketKey;
      return this;
    }

    public Builder evaluationId(String evaluationId) {
      this.evaluationId = evaluationId;
      return this;
    }

    public Builder revision(int revision) {
      this.revision = revision;
      return this;
    }

    public Builder scorecardName(String scorecardName) {
      this.scorecardName = scorecardName;
      return this;
    }

    public Builder scorePercent(Double scorePercent) {
      this.scorePercent = scorePercent;
      return this;
    }

    public Builder passed(boolean passed) {
      this.passed = passed;
      return this;
    }

    public Builder criticalFail(boolean criticalFail) {
      this.criticalFail = criticalFail;
      return this;
    }

    public Builder failedCriteria(List<FailedCriterion> failedCriteria) {
      this.failedCriteria = failedCriteria;
      return this;
    }

    public Builder overallComment(String overallComment) {
      this.overallComment = overallComment;
      return this;
    }

    public Builder coachingNote(String coachingNote) {
      this.coachingNote = coachingNote;
      return this;
    }

    public Builder qcName(String qcName) {
      this.qcName = qcName;
      return this;
    }

    public Builder evaluationUrl(String evaluationUrl) {
      this.evaluationUrl = evaluationUrl;
      return this;
    }

    public FeedbackNote build() {
      return new FeedbackNote(
          idempotencyKey,
          ticketExternalId,
          ticketKey,
          evaluationId,
          revision,
          scorecardName,
          scorePercent,
          passed,
          criticalFail,
          failedCriteria,
          overallComment,
          coachingNote,
          qcName,
          evaluationUrl);
    }
  }
}
