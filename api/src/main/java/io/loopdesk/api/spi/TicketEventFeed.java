package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * The global feed of every ticket event a store accepted, for readers in other services and other
 * instances: integrations, KPIs and the SLA engine read "every event after position N" and catch up
 * after downtime. Stores that offer it implement this interface next to {@link TicketStore}; {@link
 * TicketStore#eventFeed()} finds it.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Order.</b> {@link #readAfter} returns events in strictly increasing {@link FeedPosition}
 *       order; the events of one ticket come in version order.
 *   <li><b>Gap safety.</b> A reader never skips an event: once {@code readAfter} returned an event
 *       at position p, no event at a position up to p becomes visible later. Stores achieve this by
 *       delivering an event only when every event that could still commit with a smaller position
 *       has committed or rolled back (the classic trap is a reader that trusts the largest visible
 *       sequence value: sequence values are taken before commit, so a slower transaction can commit
 *       a smaller one after a faster one was read). An event may therefore appear in the feed a
 *       little after its save returned, never before.
 *   <li><b>Completeness.</b> Every saved event is in the feed exactly once; events of rolled back
 *       saves never are.
 *   <li><b>Durable subscriptions.</b> A named consumer stores its position in the store ({@link
 *       #saveSubscriptionPosition}) and reads it back after a restart ({@link
 *       #subscriptionPosition}); a stored position never moves backwards. {@link FeedSubscription}
 *       runs such a consumer with at-least-once delivery.
 *   <li><b>Threads.</b> Every method may be called concurrently, also while saves run.
 * </ul>
 */
public interface TicketEventFeed {

  /** The largest number of events one {@link #readAfter} call returns. */
  int MAX_LIMIT = 10_000;

  /** The longest subscription name, in characters. */
  int MAX_SUBSCRIPTION_NAME_LENGTH = 200;

  /**
   * Returns the events after a position, in position order.
   *
   * @param after the position of the last event the reader handled, {@link FeedPosition#START} to
   *     read from the beginning
   * @param limit the largest number of events to return, 1 to {@link #MAX_LIMIT}
   * @return up to {@code limit} events, empty when the reader is at the end of the feed
   * @throws ValidationException if {@code after} is null or the limit is out of range
   */
  List<FeedEvent> readAfter(FeedPosition after, int limit);

  /**
   * Returns the position a named subscription stored last.
   *
   * @param subscription the subscription's name
   * @return the position, or empty if the subscription never stored one
   * @throws ValidationException if the name is invalid (see {@link #requireSubscriptionName})
   */
  Optional<FeedPosition> subscriptionPosition(String subscription);

  /**
   * Stores a named subscription's position durably. A position before the stored one is ignored, so
   * a stored position only moves forwards.
   *
   * @param subscription the subscription's name
   * @param position the position of the last event the subscription handled
   * @throws ValidationException if the name is invalid or the position is null
   */
  void saveSubscriptionPosition(String subscription, FeedPosition position);

  /**
   * Checks the arguments of {@link #readAfter}; adapters call it first.
   *
   * @param after the position
   * @param limit the limit
   * @throws ValidationException if the position is null or the limit is out of range
   */
  static void requireReadArguments(FeedPosition after, int limit) {
    if (after == null) {
      throw new ValidationException("after", null, "must not be null; use FeedPosition.START");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", limit, "must be between 1 and " + MAX_LIMIT);
    }
  }

  /**
   * Checks a subscription name: not blank, at most {@link #MAX_SUBSCRIPTION_NAME_LENGTH}
   * characters, no control characters and no unpaired surrogates (databases could not store it
   * exactly).
   *
   * @param subscription the name
   * @return the name
   * @throws ValidationException if it is invalid
   */
  static String requireSubscriptionName(String subscription) {
    if (subscription == null || subscription.isBlank()) {
      throw new ValidationException("subscription", subscription, "must not be blank");
    }
    if (subscription.length() > MAX_SUBSCRIPTION_NAME_LENGTH) {
      throw new ValidationException(
          "subscription",
          subscription.substring(0, 20) + "...",
          "must be at most " + MAX_SUBSCRIPTION_NAME_LENGTH + " characters");
    }
    if (subscription
        .codePoints()
        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
      throw new ValidationException(
          "subscription",
          subscription.replaceAll("\\p{Cntrl}", "?"),
          "must not contain control characters or unpaired surrogates");
    }
    return subscription;
  }
}
