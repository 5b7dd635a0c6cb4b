package io.loopdesk.api;

/**
 * Who owns a ticket, and why (for example which routing rule chose them).
 *
 * @param assignee the agent's user id
 * @param department the department or queue
 * @param reason why this assignment was made, empty if not stated; recorded in the audit trail
 */
public record Assignment(String assignee, String department, String reason) {
  /** Validates the assignment. */
  public Assignment {
    Checks.text("assignee", assignee, 64);
    Checks.text("department", department, 100);
    reason = Checks.optionalText("reason", reason, 1000);
  }

  /**
   * Returns an assignment with a reason.
   *
   * @param assignee the agent
   * @param department the department
   * @param reason why, e.g. "rule P0-faults: category PRODUCT_FAULT and priority P0"
   * @return the assignment
   */
  public static Assignment of(String assignee, String department, String reason) {
    return new Assignment(assignee, department, reason);
  }

  /**
   * Returns an assignment.
   *
   * @param assignee the agent
   * @param department the department
   * @return the assignment
   */
  public static Assignment of(String assignee, String department) {
    return new Assignment(assignee, department, "");
  }
}
