package io.loopdesk.api;

import java.util.regex.Pattern;

/** Argument checks shared by the value types; each failure is a {@link ValidationException}. */
final class Checks {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private Checks() {}

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  static String notBlank(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    return value;
  }

  static String maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ValidationException.tooLong(field, value.length(), max);
    }
    return value;
  }

  static String text(String field, String value, int max) {
    return maxLength(field, notBlank(field, value), max);
  }

  static String optionalText(String field, String value, int max) {
    return maxLength(field, value == null ? "" : value, max);
  }

  static String code(String field, String value) {
    notBlank(field, value);
    if (!CODE.matcher(value).matches()) {
      throw new ValidationException(
          field, value, "must be an upper-case code like PRODUCT_FAULT ([A-Z][A-Z0-9_]{0,63})");
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new ValidationException(field, value, "must be at least " + min);
    }
    return value;
  }
}
