package io.loopdesk.api;

/**
 * The customer's satisfaction on the three dimensions the service handbook names, each 1..5.
 *
 * @param attitude the agents' service attitude
 * @param efficiency how fast and smoothly the problem was handled
 * @param accuracy whether the information and the fix were right
 */
public record Satisfaction(int attitude, int efficiency, int accuracy) {
  /** Validates the scores. */
  public Satisfaction {
    Checks.range("satisfaction.attitude", attitude, 1, 5);
    Checks.range("satisfaction.efficiency", efficiency, 1, 5);
    Checks.range("satisfaction.accuracy", accuracy, 1, 5);
  }

  /**
   * Returns the scores.
   *
   * @param attitude 1..5
   * @param efficiency 1..5
   * @param accuracy 1..5
   * @return the scores
   */
  public static Satisfaction of(int attitude, int efficiency, int accuracy) {
    return new Satisfaction(attitude, efficiency, accuracy);
  }
}
