package io.loopdesk.insights;

import java.util.OptionalDouble;

/**
 * How the counted tickets' latest outcomes of one SLA target split: <a
 * href="package-summary.html#sla-attainment-by-target">met, met late and breached</a>.
 *
 * @param met tickets whose target was met in time
 * @param metLate tickets whose target was met after it was breached
 * @param breached tickets whose target is breached and not met
 */
public record SlaResultCounts(long met, long metLate, long breached) {
  /** Returns the number of tickets with an outcome. */
  public long total() {
    return met + metLate + breached;
  }

  /**
   * Returns the share of tickets met late.
   *
   * @return a fraction in [0, 1], empty when no ticket has an outcome
   */
  public OptionalDouble metLateRate() {
    return total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) metLate / total());
  }

  /**
   * Returns the share of tickets breached and not met.
   *
   * @return a fraction in [0, 1], empty when no ticket has an outcome
   */
  public OptionalDouble breachedRate() {
    return total() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) breached / total());
  }
}
