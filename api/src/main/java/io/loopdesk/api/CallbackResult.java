package io.loopdesk.api;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a callback attempt (回访) found out. A reached customer says whether the problem is resolved
 * and rates the service 1..5; an attempt that did not reach the customer has neither.
 *
 * @param outcome whether the customer was reached
 * @param resolved whether the customer confirmed the problem is resolved (false unless reached)
 * @param rating satisfaction 1..5 when reached, {@code null} otherwise
 * @param comment the customer's or agent's comment, empty if none
 * @param satisfaction scores on attitude, efficiency and accuracy when the customer was reached and
 *     gave them, {@code null} otherwise
 */
public record CallbackResult(
    CallbackOutcome outcome,
    boolean resolved,
    Integer rating,
    String comment,
    Satisfaction satisfaction) {
  /** Validates the combination of fields. */
  public CallbackResult {
    Checks.notNull("callback.outcome", outcome);
    comment = Checks.optionalText("callback.comment", comment, 2000);
    if (outcome.reached()) {
      Checks.notNull("callback.rating", rating);
      Checks.range("callback.rating", rating, 1, 5);
    } else {
      if (rating != null) {
        throw new ValidationException(
            "callback.rating", rating, "must be absent when the customer was not reached");
      }
      if (resolved) {
        throw new ValidationException(
            "callback.resolved", true, "cannot be confirmed when the customer was not reached");
      }
      if (satisfaction != null) {
        throw new ValidationException(
            "callback.satisfaction",
            satisfaction,
            "must be absent when the customer was not reached");
      }
    }
  }

  /**
   * Returns the result of a callback that reached the customer.
   *
   * @param resolved whether the customer confirms the problem is resolved
   * @param rating satisfaction 1..5
   * @param comment comment, may be empty
   * @return the result
   */
  public static CallbackResult reached(boolean resolved, int rating, String comment) {
    return new CallbackResult(CallbackOutcome.REACHED, resolved, rating, comment, null);
  }

  /**
   * Returns the result of a callback that reached the customer, with scores per dimension.
   *
   * @param resolved whether the customer confirms the problem is resolved
   * @param rating overall satisfaction 1..5
   * @param satisfaction scores on attitude, efficiency and accuracy
   * @param comment comment, may be empty
   * @return the result
   */
  public static CallbackResult reached(
      boolean resolved, int rating, Satisfaction satisfaction, String comment) {
    Checks.notNull("callback.satisfaction", satisfaction);
    return new CallbackResult(CallbackOutcome.REACHED, resolved, rating, comment, satisfaction);
  }

  /**
   * Returns the result of an attempt that did not reach the customer.
   *
   * @param outcome why not, must not be {@link CallbackOutcome#REACHED}
   * @param comment comment, may be empty
   * @return the result
   */
  public static CallbackResult notReached(CallbackOutcome outcome, String comment) {
    if (outcome == CallbackOutcome.REACHED) {
      throw new ValidationException(
          "callback.outcome", outcome, "use reached(...) for a reached customer");
    }
    return new CallbackResult(outcome, false, null, comment, null);
  }

  /** Returns the scores per dimension, if the customer gave them. */
  public Optional<Satisfaction> satisfactionScores() {
    return Optional.ofNullable(satisfaction);
  }

  /** Returns the rating, present only when the customer was reached. */
  public OptionalInt ratingValue() {
    return rating == null ? OptionalInt.empty() : OptionalInt.of(rating);
  }

  /**
   * Returns true if this result closes the loop: the customer was reached, confirmed the problem
   * resolved and rated at least {@code minimumRating}.
   *
   * @param minimumRating the lowest satisfactory rating, 1..5
   * @return whether the result is satisfactory
   */
  public boolean isSatisfactory(int minimumRating) {
    return outcome.reached() && resolved && rating >= minimumRating;
  }
}
