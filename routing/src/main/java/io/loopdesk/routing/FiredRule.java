package io.loopdesk.routing;

import java.util.List;

/**
 * A rule that fired for a ticket, why, and what it did.
 *
 * @param ruleId the rule's id
 * @param description the rule's description, may be empty
 * @param reasons one explanation per condition, e.g. {@code priority P0 in [P0, P1]}; empty for a
 *     rule without conditions
 * @param effects what each action did, e.g. {@code assigned to technical-support/tech-l2} or {@code
 *     assignment ignored: already assigned by rule faults}
 */
public record FiredRule(
    String ruleId, String description, List<String> reasons, List<String> effects) {
  /** Copies the lists. */
  public FiredRule {
    reasons = List.copyOf(reasons);
    effects = List.copyOf(effects);
  }

  /**
   * Returns a one-line explanation, e.g. {@code rule faults (category ... ; priority ...): assigned
   * to ...}.
   */
  public String explain() {
    return "rule "
        + ruleId
        + " ("
        + (reasons.isEmpty() ? "always" : String.join("; ", reasons))
        + "): "
        + String.join(", ", effects);
  }
}
