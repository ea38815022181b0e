package io.qccompanion.server.domain;

import java.util.Collection;

/** Checks on decoded input; each failure names the field as a JSON pointer. */
public final class Fields {
  private Fields() {}

  public static String required(String value, String field) {
    if (value == null || value.isBlank()) throw Invalid.malformed(field, field + " is required");
    return value.strip();
  }

  public static <T> T required(T value, String field) {
    if (value == null) throw Invalid.malformed(field, field + " is required");
    return value;
  }

  public static <T extends Collection<?>> T notEmpty(T value, String field) {
    if (value == null || value.isEmpty())
      throw Invalid.malformed(field, field + " must not be empty");
    return value;
  }

  public static double range(double value, double min, double max, String field) {
    if (Double.isNaN(value) || value < min || value > max)
      throw Invalid.malformed(field, field + " must be between " + min + " and " + max);
    return value;
  }

  public static int range(int value, int min, int max, String field) {
    if (value < min || value > max)
      throw Invalid.malformed(field, field + " must be between " + min + " and " + max);
    return value;
  }

  public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
    required(value, field);
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Invalid.malformed(
          field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** An ISO date ({@code 2026-10-19}). */
  public static java.time.LocalDate date(String value, String field) {
    required(value, field);
    try {
      return java.time.LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw Invalid.malformed(field, field + " must be a date like 2026-10-19");
    }
  }
}
