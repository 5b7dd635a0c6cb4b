package io.loopdesk.examples.simulation;

import io.loopdesk.insights.SlaResultCounts;
import java.util.OptionalDouble;

/**
 * The handbook's standards measured over the tickets opened in one period (a day or a week).
 *
 * @param period the period, e.g. {@code 2026-09-28} or {@code week 2026-09-28}
 * @param tickets tickets opened
 * @param firstResponse how their first-response targets ended (met, met late, breached)
 * @param satisfiedRate share of callback ratings of 4 or 5 (standard: at least 90 %)
 * @param firstContactResolution first-contact resolution (standard: at least 80 %)
 * @param qaScore mean QA score of the reviewed tickets (standard: at least 90)
 * @param resolutionSla resolution SLA attainment
 * @param csat mean callback rating, 1..5
 */
public record Standards(
    String period,
    long tickets,
    SlaResultCounts firstResponse,
    OptionalDouble satisfiedRate,
    OptionalDouble firstContactResolution,
    OptionalDouble qaScore,
    OptionalDouble resolutionSla,
    OptionalDouble csat) {
  /** The handbook's answered-in-time standard. */
  public static final double ANSWERED_IN_TIME = 0.85;

  /** The handbook's satisfaction standard. */
  public static final double SATISFACTION = 0.90;

  /** The handbook's resolution standard. */
  public static final double RESOLUTION = 0.80;

  /** The handbook's QA score standard. */
  public static final double QA_SCORE = 90;

  /** Returns the share of first responses met in time, empty when none ended. */
  public OptionalDouble firstResponseAttainment() {
    return firstResponse.total() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) firstResponse.met() / firstResponse.total());
  }

  /**
   * Returns whether every measured standard is met (a standard with nothing to measure counts as
   * met).
   */
  public boolean meetsAll() {
    return at(firstResponseAttainment(), ANSWERED_IN_TIME)
        && at(satisfiedRate, SATISFACTION)
        && at(firstContactResolution, RESOLUTION)
        && at(qaScore, QA_SCORE);
  }

  private static boolean at(OptionalDouble value, double standard) {
    return value.isEmpty() || value.getAsDouble() >= standard;
  }
}
