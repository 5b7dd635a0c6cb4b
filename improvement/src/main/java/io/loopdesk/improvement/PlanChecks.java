package io.loopdesk.improvement;

import io.loopdesk.api.ValidationException;

/** Argument checks of this package; failures are {@link ValidationException}s naming the field. */
final class PlanChecks {
  private PlanChecks() {}

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  static String text(String field, String value, int max) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    if (value.length() > max) {
      throw new ValidationException(field, value.length() + " characters", "must be at most " + max + " characters");
    }
    return value;
  }
}
