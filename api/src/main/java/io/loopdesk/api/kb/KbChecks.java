package io.loopdesk.api.kb;

import io.loopdesk.api.ValidationException;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Argument checks shared by the knowledge-base value types; failures are {@link ValidationException}. */
final class KbChecks {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private KbChecks() {}

  static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  static String text(String field, String value, int max) {
    notNull(field, value);
    if (isBlank(value)) {
      throw new ValidationException(field, value, "must not be blank");
    }
    return maxLength(field, value, max);
  }

  static String optionalText(String field, String value, int max) {
    return maxLength(field, value == null ? "" : strip(value), max);
  }

  /**
   * Tells whether a character is a space of any kind: Java whitespace, Unicode space separators
   * (no-break space U+00A0, ideographic space U+3000 ...), U+0085, zero-width space and BOM.
   */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == '\u200B' || c == '\uFEFF';
  }

  /** Tells whether a text holds nothing but spaces of any kind. */
  static boolean isBlank(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isSpace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Removes leading and trailing spaces of any kind. */
  static String strip(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** Rejects a text longer than {@code max}; the message gives its length, never the text (it may be personal). */
  static String maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw new ValidationException(
          field, "(" + value.length() + " characters)", "must be at most " + max + " characters");
    }
    return value;
  }

  static String id(String field, String value) {
    notNull(field, value);
    if (!ID.matcher(value).matches()) {
      throw new ValidationException(
          field, value, "must be 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  static Set<String> tags(String field, Collection<String> values, int maxCount) {
    notNull(field, values);
    if (values.size() > maxCount) {
      throw new ValidationException(field, values.size(), "must hold at most " + maxCount + " entries");
    }
    Set<String> copy = new TreeSet<>();
    for (String value : values) {
      copy.add(strip(text(field + "[]", value, 64)));
    }
    return Collections.unmodifiableSet(copy);
  }

  static <E> Set<E> enumSet(String field, Collection<E> values) {
    notNull(field, values);
    for (E value : values) {
      notNull(field + "[]", value);
    }
    return Set.copyOf(values);
  }
}
