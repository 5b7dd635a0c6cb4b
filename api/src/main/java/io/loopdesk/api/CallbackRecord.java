package io.loopdesk.api;

import java.time.Instant;

/**
 * A recorded callback attempt: when it happened, who made it, and what it found out.
 *
 * @param at when the attempt was recorded
 * @param agentId who made the call
 * @param result the outcome
 */
public record CallbackRecord(Instant at, String agentId, CallbackResult result) {
  /** Validates the record. */
  public CallbackRecord {
    Checks.notNull("callback.at", at);
    Checks.text("callback.agentId", agentId, 64);
    Checks.notNull("callback.result", result);
  }

  /**
   * Returns true if this attempt closes the loop; see {@link CallbackResult#isSatisfactory(int)}.
   *
   * @param minimumRating the lowest satisfactory rating
   * @return whether the attempt is satisfactory
   */
  public boolean isSatisfactory(int minimumRating) {
    return result.isSatisfactory(minimumRating);
  }
}
