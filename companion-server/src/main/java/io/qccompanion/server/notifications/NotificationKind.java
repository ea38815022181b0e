package io.qccompanion.server.notifications;

/** What a notification is about; each kind can be switched on or off per user and channel. */
enum NotificationKind {
  EVALUATION_NEW("A new evaluation of my ticket"),
  DISPUTE_OPENED("A dispute opened in my team"),
  DISPUTE_RESOLVED("A dispute about my work resolved"),
  CALIBRATION_INVITATION("An invitation to a calibration session"),
  CALIBRATION_REVEALED("Calibration grades revealed"),
  ACTION_PLAN_DUE("An action plan falls due");

  private final String label;

  NotificationKind(String label) {
    this.label = label;
  }

  /** How the preferences page names the kind. */
  public String label() {
    return label;
  }
}
