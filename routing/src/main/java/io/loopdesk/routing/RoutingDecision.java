package io.loopdesk.routing;

import io.loopdesk.api.Priority;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of evaluating routing rules for one ticket: where it goes, its priority, tags, the
 * skills its agent needs, and which rules fired and why. Immutable.
 *
 * @param target the department and queue, empty if no fired rule assigned one
 * @param priority the resulting priority, empty if the ticket had none and no rule set one
 * @param priorityChanged whether a rule changed the input's priority
 * @param tags the tags added by fired rules, sorted
 * @param requirement skills required by fired rules plus the customer's language
 * @param fired the rules that fired, in order
 */
public record RoutingDecision(
    Optional<RuleAction.AssignTo> target,
    Optional<Priority> priority,
    boolean priorityChanged,
    Set<String> tags,
    SkillRequirement requirement,
    List<FiredRule> fired) {

  /** Copies the collections. */
  public RoutingDecision {
    tags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(tags));
    fired = List.copyOf(fired);
  }

  /** Returns true if a rule assigned a department and queue. */
  public boolean routed() {
    return target.isPresent();
  }

  /**
   * Returns the audit text: every fired rule with its reasons and effects, or {@code no routing
   * rule matched}.
   */
  public String explanation() {
    if (fired.isEmpty()) {
      return "no routing rule matched";
    }
    StringBuilder sb = new StringBuilder();
    for (FiredRule f : fired) {
      if (sb.length() > 0) {
        sb.append(" | ");
      }
      sb.append(f.explain());
    }
    return sb.toString();
  }
}
