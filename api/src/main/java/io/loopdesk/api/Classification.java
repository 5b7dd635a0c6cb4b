package io.loopdesk.api;

/**
 * The result of classifying a ticket: its category and the factors from which the priority model
 * derives its priority.
 *
 * @param category the category
 * @param factors impact, urgency and severity
 */
public record Classification(Category category, PriorityFactors factors) {
  /** Validates the classification. */
  public Classification {
    Checks.notNull("category", category);
    Checks.notNull("factors", factors);
  }

  /**
   * Returns a classification.
   *
   * @param category the category
   * @param impact customers or business affected
   * @param urgency whether normal use is blocked
   * @param severity safety risk or core function
   * @return the classification
   */
  public static Classification of(Category category, Level impact, Level urgency, Level severity) {
    return new Classification(category, PriorityFactors.of(impact, urgency, severity));
  }
}
