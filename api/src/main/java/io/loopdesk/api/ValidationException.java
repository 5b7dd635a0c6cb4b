package io.loopdesk.api;

/**
 * An input value was rejected. Names the offending field, the value (masked when it is personal
 * data) and the rule it broke. Thrown before anything is stored.
 */
public final class ValidationException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

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

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence) {
      return "'" + value + "'";
    }
    return String.valueOf(value);
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
