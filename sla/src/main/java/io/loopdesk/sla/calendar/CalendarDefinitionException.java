package io.loopdesk.sla.calendar;

import io.loopdesk.api.LoopdeskException;
import java.util.Objects;

/**
 * Thrown when a business calendar definition is invalid, or when a calendar cannot answer a
 * question because it has no working time at all. Names the {@link Problem}, the offending field
 * and its value.
 */
public class CalendarDefinitionException extends LoopdeskException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with a calendar definition. */
  public enum Problem {
    /** A required field is missing, null or blank. */
    MISSING_VALUE,
    /** An interval's end is not after its start (and it is not declared as crossing midnight). */
    END_BEFORE_START,
    /** An interval is longer than 24 hours or has zero length. */
    INVALID_LENGTH,
    /** Two working intervals overlap, within one day or across midnight. */
    OVERLAPPING_INTERVALS,
    /** Two date overrides cover the same date. */
    CONFLICTING_OVERRIDES,
    /** The time-zone id is not known to the JVM's time-zone database. */
    UNKNOWN_ZONE,
    /** A value could not be parsed (interval text, date, weekday, JSON or YAML syntax). */
    MALFORMED_VALUE,
    /** A time is more precise than whole seconds. */
    SUB_SECOND_PRECISION,
    /**
     * A deadline or working day was asked of a calendar that has no working time in the searched
     * range.
     */
    NO_WORKING_TIME,
    /** A calendar name was used twice or was not found. */
    UNKNOWN_OR_DUPLICATE_NAME
  }

  private final Problem problem;
  private final String field;
  private final String value;

  /**
   * Creates an exception.
   *
   * @param problem what is wrong
   * @param field the field (JSON path style, e.g. {@code weekly.MONDAY[1]}) holding the bad value
   * @param value the offending value as text (may be null)
   * @param detail a human readable explanation
   */
  public CalendarDefinitionException(Problem problem, String field, String value, String detail) {
    super(problem + " at '" + field + "' (value: " + value + "): " + detail);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.field = field;
    this.value = value;
  }

  /**
   * Same as the four-argument constructor, with an underlying cause (e.g. a Jackson parse error).
   */
  public CalendarDefinitionException(
      Problem problem, String field, String value, String detail, Throwable cause) {
    this(problem, field, value, detail);
    initCause(cause);
  }

  /** The kind of problem. */
  public Problem problem() {
    return problem;
  }

  /** The field that holds the offending value, e.g. {@code overrides[2].hours[0]}. */
  public String field() {
    return field;
  }

  /** The offending value as text, or null when the value was missing. */
  public String value() {
    return value;
  }
}
