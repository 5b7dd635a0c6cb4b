package io.loopdesk.api.kb;

/**
 * An argument was rejected before anything was stored or searched. Names the field, the value and
 * the rule it broke.
 */
public final class KbValidationException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;
  private final String problem;

  /**
   * Creates a validation error.
   *
   * @param field the field, e.g. {@code "article.title"}
   * @param value the rejected value ({@code null} allowed); long text is shortened in the message
   * @param problem the rule that was broken, e.g. {@code "must not be blank"}
   */
  public KbValidationException(String field, Object value, String problem) {
    super("Invalid " + field + " = " + describe(value) + ": " + problem);
    this.field = field;
    this.value = describe(value);
    this.problem = problem;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...(" + text.length() + " chars)";
    }
    return value instanceof CharSequence ? "'" + text + "'" : text;
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
