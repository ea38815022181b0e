package io.qccompanion.simulators.jira;

/** Workflow statuses of the simulated instance with their status categories. */
enum SimStatus {
  OPEN("1", "Open", "new", 2, "To Do", false),
  IN_PROGRESS("3", "In Progress", "indeterminate", 4, "In Progress", false),
  WAITING("10001", "Waiting for customer", "indeterminate", 4, "In Progress", false),
  DONE("10002", "Done", "done", 3, "Done", true),
  CLOSED("6", "Closed", "done", 3, "Done", true);

  final String id;
  final String name;
  final String categoryKey;
  final int categoryId;
  final String categoryName;
  final boolean done;

  SimStatus(
      String id,
      String name,
      String categoryKey,
      int categoryId,
      String categoryName,
      boolean done) {
    this.id = id;
    this.name = name;
    this.categoryKey = categoryKey;
    this.categoryId = categoryId;
    this.categoryName = categoryName;
    this.done = done;
  }
}
