package io.qccompanion.server.summaries;

/** One summary row's key: the group (empty when ungrouped) and the bucket slot index. */
record Cell(String group, int slot) {}
