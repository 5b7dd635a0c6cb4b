package io.loopdesk.api;

import java.util.List;

/**
 * A priority together with the factors it was derived from and the reasons, in the order they were
 * applied (matrix cell first, then each override).
 *
 * @param priority the resulting priority
 * @param factors the assessed factors
 * @param reasons human-readable reasons, never empty
 */
public record PriorityDecision(Priority priority, PriorityFactors factors, List<String> reasons) {
  /** Validates the decision and copies the reasons. */
  public PriorityDecision {
    Checks.notNull("priority", priority);
    Checks.notNull("factors", factors);
    Checks.notNull("reasons", reasons);
    if (reasons.isEmpty()) {
      throw new ValidationException("reasons", reasons, "must name at least one reason");
    }
    reasons = List.copyOf(reasons);
    for (String reason : reasons) {
      Checks.text("reasons[]", reason, 500);
    }
  }
}
