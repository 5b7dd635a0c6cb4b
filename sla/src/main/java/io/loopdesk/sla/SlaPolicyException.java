package io.loopdesk.sla;

import io.loopdesk.api.LoopdeskException;

/** A bad SLA policy, target or escalation rule; names the field and the offending value. */
public class SlaPolicyException extends LoopdeskException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String value;

  /**
   * Creates an exception.
   *
   * @param field the offending field, e.g. {@code warningThresholds[1]}
   * @param value the offending value as text (may be null)
   * @param detail what is wrong
   */
  public SlaPolicyException(String field, Object value, String detail) {
    super("invalid SLA policy field '" + field + "' (value: " + value + "): " + detail);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  /** The offending field. */
  public String field() {
    return field;
  }

  /** The offending value as text, or null. */
  public String value() {
    return value;
  }
}
