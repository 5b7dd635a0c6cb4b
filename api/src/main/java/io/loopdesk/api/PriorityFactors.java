package io.loopdesk.api;

/**
 * The three factors the priority model weighs, as in the after-sales standard.
 *
 * @param impact how many customers or how much business is affected
 * @param urgency whether normal use is blocked
 * @param severity how serious the problem is: {@link Level#HIGH} means a safety risk or a core
 *     function failure
 */
public record PriorityFactors(Level impact, Level urgency, Level severity) {
  /** Validates that no factor is missing. */
  public PriorityFactors {
    Checks.notNull("impact", impact);
    Checks.notNull("urgency", urgency);
    Checks.notNull("severity", severity);
  }

  /**
   * Returns the factors.
   *
   * @param impact customers or business affected
   * @param urgency whether normal use is blocked
   * @param severity safety risk or core function
   * @return the factors
   */
  public static PriorityFactors of(Level impact, Level urgency, Level severity) {
    return new PriorityFactors(impact, urgency, severity);
  }
}
