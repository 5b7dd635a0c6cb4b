package io.loopdesk.improvement;

import io.loopdesk.api.LoopdeskException;

/**
 * A plan operation broke a rule of the improvement process (a late delay request, completing with
 * open tasks, a stale version, an unknown plan). Names the plan and the rule; nothing was changed.
 */
public final class PlanRuleException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String planId;

  /**
   * Creates the exception.
   *
   * @param planId the plan
   * @param rule what was broken
   */
  public PlanRuleException(String planId, String rule) {
    super("Improvement plan " + planId + ": " + rule);
    this.planId = planId;
  }

  /** Returns the plan's id. */
  public String planId() {
    return planId;
  }
}
