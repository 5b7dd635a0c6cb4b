package io.loopdesk.core;

import io.loopdesk.api.ValidationException;

/**
 * How strict the closed loop is. The loop itself cannot be switched off: a ticket closes only after
 * a callback in which the customer was reached and confirmed the problem resolved with a rating of
 * at least {@code minimumRating}.
 *
 * @param minimumRating lowest satisfactory rating, 1..5 (default 3)
 * @param maxUnreachedAttempts unreached callback attempts after which {@code unreachablePolicy}
 *     applies, at least 1 (default 3)
 * @param unreachablePolicy what happens to a customer that cannot be reached
 */
public record ClosedLoopPolicy(
    int minimumRating, int maxUnreachedAttempts, UnreachablePolicy unreachablePolicy) {
  private static final ClosedLoopPolicy STANDARD =
      new ClosedLoopPolicy(3, 3, UnreachablePolicy.MARK_UNREACHABLE);

  /**
   * The old name of {@link #standard()}.
   *
   * @deprecated presets are named {@code standard()} throughout Loopdesk; use {@link #standard()}
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  public static final ClosedLoopPolicy DEFAULT = STANDARD;

  /**
   * Returns the standard policy: rating at least 3, three attempts, then mark unreachable.
   *
   * @return the standard policy
   */
  public static ClosedLoopPolicy standard() {
    return STANDARD;
  }

  /** Validates the policy. */
  public ClosedLoopPolicy {
    if (minimumRating < 1 || minimumRating > 5) {
      throw new ValidationException(
          "closedLoop.minimumRating", minimumRating, "must be between 1 and 5");
    }
    if (maxUnreachedAttempts < 1) {
      throw new ValidationException(
          "closedLoop.maxUnreachedAttempts", maxUnreachedAttempts, "must be at least 1");
    }
    if (unreachablePolicy == null) {
      throw new ValidationException("closedLoop.unreachablePolicy", null, "must not be null");
    }
  }

  /** What to do when the customer was not reached {@code maxUnreachedAttempts} times in a row. */
  public enum UnreachablePolicy {
    /**
     * Move the ticket to {@link io.loopdesk.api.TicketStatus#UNREACHABLE}, an audited state that is
     * not closed; a later successful callback or a reopen continues it.
     */
    MARK_UNREACHABLE,
    /** Keep the ticket in callback and keep counting attempts; hosts escalate on the count. */
    KEEP_CALLING
  }
}
