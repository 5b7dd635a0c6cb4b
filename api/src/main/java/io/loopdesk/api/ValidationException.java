package io.loopdesk.api;

/**
 * An input value was rejected. Names the offending field, the value and the rule it broke. Thrown
 * before anything is stored.
 *
 * <p>The message never echoes text: any value may be personal data put into the wrong field (a
 * phone number as a category, an ID number as a document type). Values are shown masked, as their
 * first character and their length, e.g. {@code '1****' (11 characters)}; only numbers, booleans,
 * enum constants, {@code java.time} values and Loopdesk's validated codes with fewer than seven
 * digits are shown as they are. Identifiers (ticket, customer and actor ids) are not personal data;
 * hosts must not build them from personal data.
 */
public final class ValidationException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  /**
   * A number or code with this many digits may be a phone, ID or passport number in the wrong
   * field.
   */
  private static final int LONG_NUMBER_DIGITS = 7;

  private final String field;
  private final String value;
  private final String problem;

  /**
   * Creates a validation error.
   *
   * @param field the field, e.g. {@code "customer.phone"}
   * @param value the rejected value as shown to developers (already masked for personal data)
   * @param problem the rule that was broken, e.g. {@code "must not be blank"}
   */
  public ValidationException(String field, Object value, String problem) {
    super("Invalid " + field + " = " + describe(value) + ": " + problem);
    this.field = field;
    this.value = describe(value);
    this.problem = problem;
  }

  /**
   * Creates a validation error whose value is described by the caller, for descriptions that by
   * construction hold no input: a position in a document, a type name, a length.
   *
   * @param field the field
   * @param description what the value was, without any of its content, e.g. {@code <input at line
   *     2, column 10>}
   * @param problem the rule that was broken
   * @return the exception
   */
  public static ValidationException described(String field, String description, String problem) {
    return new ValidationException(field, description, problem, true);
  }

  /**
   * Creates a validation error for a text that is too long, without quoting any of it.
   *
   * @param field the field
   * @param length the text's length in chars
   * @param max the largest length allowed
   * @return the exception
   */
  public static ValidationException tooLong(String field, int length, int max) {
    return new ValidationException(
        field, length + " characters", "must be at most " + max + " characters", true);
  }

  private ValidationException(
      String field, String safeDescription, String problem, boolean described) {
    super("Invalid " + field + " = " + safeDescription + ": " + problem);
    this.field = field;
    this.value = safeDescription;
    this.problem = problem;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    boolean safeType =
        value instanceof Number
            || value instanceof Boolean
            || value instanceof Enum<?>
            || value instanceof java.time.temporal.TemporalAccessor
            || value instanceof java.time.temporal.TemporalAmount
            || value instanceof TicketStatus
            || value instanceof TicketAction
            || value instanceof Category
            || value instanceof Channel;
    String text = String.valueOf(value);
    if (safeType && text.chars().filter(Character::isDigit).count() < LONG_NUMBER_DIGITS) {
      return text;
    }
    return masked(text);
  }

  /** Shows a text as its first character (code point) and its length, never more of it. */
  private static String masked(String text) {
    if (text.isEmpty()) {
      return "''";
    }
    int length = text.codePointCount(0, text.length());
    int first = text.codePointAt(0);
    String shown =
        Character.isISOControl(first) || Character.isWhitespace(first)
            ? ""
            : new String(Character.toChars(first));
    return "'" + shown + "****' (" + length + (length == 1 ? " character)" : " characters)");
  }

  /** Returns the name of the rejected field. */
  public String field() {
    return field;
  }

  /** Returns the rejected value as text ({@code null} shown as {@code "null"}). */
  public String value() {
    return value;
  }

  /** Returns the rule the value broke. */
  public String problem() {
    return problem;
  }
}
