package io.loopdesk.sla;

/**
 * Which SLA policy applies to a ticket and why: the policy's name in the {@link SlaContracts}, the
 * rule that chose it (or {@link #DEFAULT_RULE} when no rule matched) and a sentence saying what
 * matched. Shown on the ticket's SLA state ({@link TicketSla#selection()}) and recorded in its SLA
 * audit trail.
 *
 * @param policyName the chosen policy's name
 * @param ruleName the rule that chose it, or {@link #DEFAULT_RULE}
 * @param reason what matched, e.g. {@code rule 'vip' (tier VIP) chose policy 'vip'}
 */
public record PolicySelection(String policyName, String ruleName, String reason) {

  /** The rule name recorded when no rule matched and the default policy applies. */
  public static final String DEFAULT_RULE = "default";

  /** Validates the selection. */
  public PolicySelection {
    if (policyName == null
        || policyName.isBlank()
        || ruleName == null
        || ruleName.isBlank()
        || reason == null) {
      throw new SlaPolicyException(
          policyName == null || policyName.isBlank()
              ? "policyName"
              : ruleName == null || ruleName.isBlank() ? "ruleName" : "reason",
          null,
          "is required");
    }
  }

  /**
   * The selection of the default policy when no rule matched.
   *
   * @param policyName the default policy's name
   * @return the selection, with {@link #DEFAULT_RULE} and a reason saying no rule matched
   */
  public static PolicySelection byDefault(String policyName) {
    return new PolicySelection(
        policyName, DEFAULT_RULE, "no rule matched; default policy '" + policyName + "'");
  }

  /** True when no rule matched and the default policy applies. */
  public boolean isDefault() {
    return DEFAULT_RULE.equals(ruleName);
  }
}
