package io.loopdesk.api;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one place for argument checks in Loopdesk and its modules. Each failure is a {@link
 * ValidationException} that names the field and never echoes the rejected text: a text that is too
 * long is always reported by {@link ValidationException#tooLong(String, int, int)}, as its length
 * and the limit.
 *
 * <p>Limits that many types share have names here ({@link #MAX_ID_LENGTH}, {@link
 * #MAX_UNIT_NAME_LENGTH}, ...); a type with a limit of its own declares it as a named constant next
 * to the field (e.g. {@link Customer#MAX_PHONE_LENGTH}) and passes that.
 */
public final class Checks {
  /** Longest identifier or short code-like name: ids, actor ids, owners, tags, products. */
  public static final int MAX_ID_LENGTH = 64;

  /** Longest department, team or queue name. */
  public static final int MAX_UNIT_NAME_LENGTH = 100;

  /** Longest title of a plan, task or article. */
  public static final int MAX_TITLE_LENGTH = 300;

  /** Longest one-paragraph free text: reasons, targets, measures. */
  public static final int MAX_REASON_LENGTH = 1_000;

  /** Longest note or analysis, e.g. a ticket note or a root cause. */
  public static final int MAX_NOTE_LENGTH = 4_000;

  /** Most entries in a set of tags or categories. */
  public static final int MAX_TAGS = 32;

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private Checks() {}

  /**
   * Rejects {@code null}.
   *
   * @param field the field's name, used in the message
   * @param value the value
   * @param <T> the value's type
   * @return the value
   */
  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  /**
   * Rejects {@code null} and a text of Java whitespace only.
   *
   * @param field the field's name
   * @param value the text
   * @return the text
   */
  public static String notBlank(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    return value;
  }

  /**
   * Rejects a text longer than {@code max} chars; the message gives its length, never the text.
   *
   * @param field the field's name
   * @param value the text, may be {@code null}
   * @param max the largest length allowed
   * @return the text
   */
  public static String maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw ValidationException.tooLong(field, value.length(), max);
    }
    return value;
  }

  /**
   * A required text: not {@code null}, not blank, at most {@code max} chars.
   *
   * @param field the field's name
   * @param value the text
   * @param max the largest length allowed
   * @return the text
   */
  public static String text(String field, String value, int max) {
    return maxLength(field, notBlank(field, value), max);
  }

  /**
   * An optional text: {@code null} becomes empty, at most {@code max} chars.
   *
   * @param field the field's name
   * @param value the text or {@code null}
   * @param max the largest length allowed
   * @return the text, empty for {@code null}
   */
  public static String optionalText(String field, String value, int max) {
    return maxLength(field, value == null ? "" : value, max);
  }

  /**
   * A required text that must show something: not {@code null}, not made of spaces of any kind (see
   * {@link #isSpace(char)}), at most {@code max} chars.
   *
   * @param field the field's name
   * @param value the text
   * @param max the largest length allowed
   * @return the text, unchanged
   */
  public static String visibleText(String field, String value, int max) {
    notNull(field, value);
    if (isBlank(value)) {
      throw new ValidationException(field, value, "must not be blank");
    }
    return maxLength(field, value, max);
  }

  /**
   * An optional text stripped of spaces of any kind at both ends; {@code null} becomes empty.
   *
   * @param field the field's name
   * @param value the text or {@code null}
   * @param max the largest length allowed after stripping
   * @return the stripped text
   */
  public static String optionalStrippedText(String field, String value, int max) {
    return maxLength(field, value == null ? "" : strip(value), max);
  }

  /**
   * An upper-case code like {@code PRODUCT_FAULT}: {@code [A-Z][A-Z0-9_]{0,63}}.
   *
   * @param field the field's name
   * @param value the code
   * @return the code
   */
  public static String code(String field, String value) {
    notBlank(field, value);
    if (!CODE.matcher(value).matches()) {
      throw new ValidationException(
          field, value, "must be an upper-case code like PRODUCT_FAULT ([A-Z][A-Z0-9_]{0,63})");
    }
    return value;
  }

  /**
   * An identifier of 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit.
   *
   * @param field the field's name
   * @param value the identifier
   * @return the identifier
   */
  public static String id(String field, String value) {
    notNull(field, value);
    if (!ID.matcher(value).matches()) {
      throw new ValidationException(
          field,
          value,
          "must be 1-128 characters of letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    return value;
  }

  /**
   * A number within {@code [min, max]}.
   *
   * @param field the field's name
   * @param value the number
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @return the number
   */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * A number of at least {@code min}.
   *
   * @param field the field's name
   * @param value the number
   * @param min the smallest value allowed
   * @return the number
   */
  public static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new ValidationException(field, value, "must be at least " + min);
    }
    return value;
  }

  /**
   * A set of at most {@code maxCount} tags, each a visible text of at most {@link #MAX_ID_LENGTH}
   * chars, stripped and sorted.
   *
   * @param field the field's name
   * @param values the tags
   * @param maxCount the most tags allowed
   * @return an unmodifiable sorted copy
   */
  public static Set<String> tags(String field, Collection<String> values, int maxCount) {
    notNull(field, values);
    if (values.size() > maxCount) {
      throw new ValidationException(
          field, values.size(), "must hold at most " + maxCount + " entries");
    }
    Set<String> copy = new TreeSet<>();
    for (String value : values) {
      copy.add(strip(visibleText(field + "[]", value, MAX_ID_LENGTH)));
    }
    return Collections.unmodifiableSet(copy);
  }

  /**
   * A collection without {@code null} elements, copied to an unmodifiable set.
   *
   * @param field the field's name
   * @param values the elements
   * @param <E> the element type
   * @return an unmodifiable copy
   */
  public static <E> Set<E> noNulls(String field, Collection<E> values) {
    notNull(field, values);
    for (E value : values) {
      notNull(field + "[]", value);
    }
    return Set.copyOf(values);
  }

  /**
   * Tells whether a character is a space of any kind: Java whitespace, Unicode space separators
   * (no-break space U+00A0, ideographic space U+3000 ...), U+0085, zero-width space and BOM.
   *
   * @param c the character
   * @return whether it is a space
   */
  public static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u0085'
        || c == '\u200B'
        || c == '\uFEFF';
  }

  /**
   * Tells whether a text holds nothing but spaces of any kind.
   *
   * @param value the text
   * @return whether it is blank
   */
  public static boolean isBlank(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isSpace(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Removes leading and trailing spaces of any kind.
   *
   * @param value the text
   * @return the stripped text
   */
  public static String strip(String value) {
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
}
