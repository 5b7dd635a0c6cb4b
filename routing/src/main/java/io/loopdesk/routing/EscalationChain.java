package io.loopdesk.routing;

import io.loopdesk.api.Role;
import io.loopdesk.api.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A department's escalation chain above the assigned agent (level 0): level 1 is the first step,
 * usually the team lead, then supervisor and operations manager. A ticket cannot escalate past the
 * last step. Immutable.
 *
 * @param department the department the chain is for
 * @param steps the steps from level 1 upwards, not empty
 */
public record EscalationChain(String department, List<Step> steps) {

  /**
   * One level of a chain.
   *
   * @param title e.g. {@code team lead}
   * @param role the role of the owner
   * @param ownerId the user who owns tickets escalated to this level and decides delay requests
   *     filed one level below
   */
  public record Step(String title, Role role, String ownerId) {
    /** Validates the step. */
    public Step {
      RoutingRule.checkName("step.title", title);
      if (role == null) {
        throw new ValidationException("step.role", null, "must not be null");
      }
      RoutingRule.checkName("step.ownerId", ownerId);
    }
  }

  /** Validates and copies the steps. */
  public EscalationChain {
    RoutingRule.checkName("department", department);
    if (steps == null || steps.isEmpty() || steps.stream().anyMatch(java.util.Objects::isNull)) {
      throw new ValidationException(
          "chain " + department + ".steps", steps, "must name at least one step and no null");
    }
    steps = List.copyOf(steps);
  }

  /**
   * Returns the handbook's chain: team lead, supervisor, operations manager.
   *
   * @param department the department
   * @param teamLeadId the team lead
   * @param supervisorId the supervisor
   * @param operationsManagerId the operations manager
   * @return the chain
   */
  public static EscalationChain standard(
      String department, String teamLeadId, String supervisorId, String operationsManagerId) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step("team lead", Role.TEAM_LEAD, teamLeadId));
    steps.add(new Step("supervisor", Role.SUPERVISOR, supervisorId));
    steps.add(new Step("operations manager", Role.SUPERVISOR, operationsManagerId));
    return new EscalationChain(department, steps);
  }

  /** Returns the highest level, the number of steps. */
  public int top() {
    return steps.size();
  }

  /**
   * Returns the step of a level.
   *
   * @param level 1 to {@link #top()}
   * @return the step
   */
  public Step step(int level) {
    if (level < 1 || level > top()) {
      throw new ValidationException(
          "level", level, "must be between 1 and " + top() + " in chain " + department);
    }
    return steps.get(level - 1);
  }
}
