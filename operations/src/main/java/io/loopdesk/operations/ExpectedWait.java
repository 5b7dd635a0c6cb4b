package io.loopdesk.operations;

import io.loopdesk.api.ValidationException;

/**
 * An expected wait as told to a customer who has just been queued, e.g. {@code expected wait about
 * 4 minutes}. Immutable.
 *
 * @param seconds the expected wait in seconds, at least 0; {@link Double#POSITIVE_INFINITY} when
 *     the queue is overloaded and no estimate can be given
 */
public record ExpectedWait(double seconds) {
  /** Validates the wait. */
  public ExpectedWait {
    if (!(seconds >= 0)) {
      throw new ValidationException("seconds", seconds, "must be at least 0");
    }
  }

  /**
   * Returns the wait of a customer who sees {@code ahead} customers before them with all agents
   * busy (see {@link ErlangC#expectedWaitBehindSeconds(int, int)}).
   *
   * @param model the interval's model
   * @param agents the agents on duty
   * @param ahead customers waiting before this one
   * @return the wait
   */
  public static ExpectedWait behind(ErlangC model, int agents, int ahead) {
    return new ExpectedWait(model.expectedWaitBehindSeconds(agents, ahead));
  }

  /**
   * Returns the mean wait of a queued customer when only the load is known (see {@link
   * ErlangC#expectedWaitWhenQueuedSeconds(int)}).
   *
   * @param model the interval's model
   * @param agents the agents on duty
   * @return the wait, infinite if the agents cannot keep up
   */
  public static ExpectedWait whenQueued(ErlangC model, int agents) {
    return new ExpectedWait(model.expectedWaitWhenQueuedSeconds(agents));
  }

  /**
   * Returns the wait rounded to whole minutes, at least 1; {@code -1} if it cannot be estimated.
   *
   * @return the minutes
   */
  public long minutes() {
    if (Double.isInfinite(seconds)) {
      return -1;
    }
    return Math.max(1, Math.round(seconds / 60));
  }

  /**
   * Returns the sentence for the customer: {@code expected wait under 1 minute}, {@code expected
   * wait about 1 minute}, {@code expected wait about N minutes}, or {@code expected wait cannot be
   * estimated now} when the queue is overloaded.
   *
   * @return the sentence
   */
  public String describe() {
    if (Double.isInfinite(seconds)) {
      return "expected wait cannot be estimated now";
    }
    if (seconds < 30) {
      return "expected wait under 1 minute";
    }
    long m = minutes();
    return "expected wait about " + m + (m == 1 ? " minute" : " minutes");
  }
}
