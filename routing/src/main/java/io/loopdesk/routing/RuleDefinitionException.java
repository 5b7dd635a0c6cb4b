package io.loopdesk.routing;

import io.loopdesk.api.LoopdeskException;

/**
 * A routing rule set is malformed or clashes with itself: a field is missing or has a wrong value,
 * a rule id is used twice, or a rule can never fire because an earlier one always wins. Names the
 * field (a path such as {@code rules[3].when.priority}), the rejected value and the problem.
 */
public final class RuleDefinitionException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param field where the problem is, e.g. {@code rules[2].id}
   * @param value the rejected value as text, may be null
   * @param problem what is wrong
   */
  public RuleDefinitionException(String field, Object value, String problem) {
    super(
        "Invalid routing rules at "
            + field
            + " = "
            + (value == null ? "null" : "'" + value + "'")
            + ": "
            + problem);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /**
   * Creates the exception with a cause, e.g. a JSON syntax error.
   *
   * @param field where the problem is
   * @param problem what is wrong
   * @param cause the underlying error
   */
  public RuleDefinitionException(String field, String problem, Throwable cause) {
    super("Invalid routing rules at " + field + ": " + problem, cause);
    this.field = field;
    this.value = null;
  }

  /** Returns the path of the offending field. */
  public String field() {
    return field;
  }

  /** Returns the rejected value as text, or null. */
  public String value() {
    return value;
  }
}
