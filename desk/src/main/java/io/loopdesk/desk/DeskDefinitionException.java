package io.loopdesk.desk;

import io.loopdesk.api.LoopdeskException;

/**
 * A desk definition (YAML, JSON, a map or a tree) is malformed or invalid. Names the path of the
 * offending key, such as {@code calendars.office.zone} or {@code sla.targets[2].duration}, and what
 * is wrong; the message never carries a parser's internals, and values are shown shortened to 40
 * characters.
 */
public final class DeskDefinitionException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /**
   * Creates the exception.
   *
   * @param path where the problem is, e.g. {@code calendars.office.zone}
   * @param problem what is wrong
   */
  public DeskDefinitionException(String path, String problem) {
    super("Invalid desk definition at " + path + ": " + problem);
    this.path = path;
  }

  /**
   * Creates the exception for a problem a module's own loader found (a calendar, the SLA policy,
   * the routing rules, the lifecycle): the path is the section's path followed by the module's
   * field.
   *
   * @param path where the problem is
   * @param problem what is wrong
   * @param cause the module's exception
   */
  public DeskDefinitionException(String path, String problem, LoopdeskException cause) {
    super("Invalid desk definition at " + path + ": " + problem, cause);
    this.path = path;
  }

  /** Returns the path of the offending key, e.g. {@code calendars.office.zone}. */
  public String path() {
    return path;
  }
}
