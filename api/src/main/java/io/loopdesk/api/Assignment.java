package io.loopdesk.api;

/**
 * Who owns a ticket.
 *
 * @param assignee the agent's user id
 * @param department the department or queue
 */
public record Assignment(String assignee, String department) {
  /** Validates the assignment. */
  public Assignment {
    Checks.text("assignee", assignee, 64);
    Checks.text("department", department, 100);
  }

  /**
   * Returns an assignment.
   *
   * @param assignee the agent
   * @param department the department
   * @return the assignment
   */
  public static Assignment of(String assignee, String department) {
    return new Assignment(assignee, department);
  }
}
