package io.loopdesk.spring.boot;

import io.loopdesk.api.LoopdeskException;

/**
 * The {@code loopdesk.*} properties describe an invalid desk. Names the property, such as {@code
 * loopdesk.calendars.office.zone}, and what is wrong; Spring Boot's start-up failure report shows
 * both.
 */
public final class LoopdeskConfigurationException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param property the offending property, e.g. {@code loopdesk.calendars.office.zone}
   * @param problem what is wrong
   * @param cause the underlying Loopdesk exception
   */
  public LoopdeskConfigurationException(String property, String problem, LoopdeskException cause) {
    super("Invalid Loopdesk configuration at " + property + ": " + problem, cause);
    this.property = property;
    this.problem = problem;
  }

  /**
   * Creates the exception for a problem the starter found itself.
   *
   * @param property the offending property, e.g. {@code loopdesk.store.type}
   * @param problem what is wrong
   */
  public LoopdeskConfigurationException(String property, String problem) {
    super("Invalid Loopdesk configuration at " + property + ": " + problem);
    this.property = property;
    this.problem = problem;
  }

  /** Returns the offending property, e.g. {@code loopdesk.calendars.office.zone}. */
  public String property() {
    return property;
  }

  /** Returns what is wrong with it. */
  public String problem() {
    return problem;
  }
}
