package io.qccompanion.server.autoqa;

/** One engine for all AutoQA tests: loading LanguageTool takes seconds. */
final class Engines {
  private static AutoQa shared;

  private Engines() {}

  static synchronized AutoQa shared() {
    if (shared == null) shared = new AutoQa(AutoQaConfig.DEFAULTS);
    return shared;
  }
}
