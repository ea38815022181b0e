package io.qccompanion.server.autoqa;

/**
 * Where a check found what it reports.
 *
 * @param messageIndex index into {@link Conversation#messages()}
 * @param start first character, in {@link AutoQa#readableText} of that message
 * @param end character after the last one
 * @param ruleId the rule that matched, e.g. {@code lt:EN_A_VS_AN}, {@code greeting:en:3}
 * @param excerpt the matched characters
 * @param note a sentence for the reader, e.g. the LanguageTool message; may be empty
 */
record Evidence(int messageIndex, int start, int end, String ruleId, String excerpt, String note) {
  public Evidence {
    if (start < 0 || end < start)
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    note = note == null ? "" : note;
  }
}
