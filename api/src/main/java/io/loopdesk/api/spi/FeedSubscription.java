package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A named, durable consumer of a {@link TicketEventFeed}: each {@link #poll()} reads the events
 * after the subscription's stored position, hands them to the handler one by one in feed order and
 * then stores the position of the last one handled in the store's own database. A consumer built
 * again after a restart, in this process or another, resumes where the last one stopped.
 *
 * <pre>{@code
 * FeedSubscription kpis = FeedSubscription.builder(feed, "kpi-export", event -> export(event)).build();
 * executor.scheduleWithFixedDelay(kpis::catchUp, 0, 1, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p><b>At-least-once.</b> The position is stored after the handler returned, so an event handled
 * just before a crash is delivered again after the restart: make handlers idempotent by {@link
 * FeedEvent#eventId()}. When the handler throws, the position of the last event it handled is
 * stored and the exception propagates; the next poll starts with the failed event.
 *
 * <p><b>Threads.</b> Thread-safe: polls of one instance run one at a time. Run one consumer per
 * name at a time across processes; two would each deliver every event (stored positions still only
 * move forwards).
 */
public final class FeedSubscription {
  private final TicketEventFeed feed;
  private final String name;
  private final Consumer<FeedEvent> handler;
  private final int batchSize;
  private final FeedPosition initial;
  private FeedPosition position;

  private FeedSubscription(Builder builder) {
    this.feed = builder.feed;
    this.name = builder.name;
    this.handler = builder.handler;
    this.batchSize = builder.batchSize;
    this.initial = builder.initial;
  }

  /**
   * Returns a builder.
   *
   * @param feed the feed to read
   * @param name the subscription's durable name, see {@link
   *     TicketEventFeed#requireSubscriptionName}
   * @param handler receives every event; must be idempotent by event id
   * @return the builder
   * @throws ValidationException if an argument is null or the name is invalid
   */
  public static Builder builder(TicketEventFeed feed, String name, Consumer<FeedEvent> handler) {
    return new Builder(feed, name, handler);
  }

  /** Returns the subscription's name. */
  public String name() {
    return name;
  }

  /**
   * Returns the position of the last event handled: the stored one until the first poll, then what
   * this consumer handled.
   */
  public synchronized FeedPosition position() {
    return current();
  }

  /**
   * Handles at most one batch of events after the stored position and stores the new position.
   *
   * @return the number of events handled, 0 at the end of the feed
   * @throws RuntimeException whatever the handler threw, after the position of the events handled
   *     before it was stored
   */
  public synchronized int poll() {
    FeedPosition from = current();
    List<FeedEvent> batch = feed.readAfter(from, batchSize);
    FeedPosition last = from;
    int handled = 0;
    try {
      for (FeedEvent event : batch) {
        handler.accept(event);
        last = event.position();
        handled++;
      }
    } finally {
      if (last.isAfter(from)) {
        feed.saveSubscriptionPosition(name, last);
        position = last;
      }
    }
    return handled;
  }

  /**
   * Polls until the end of the feed is reached.
   *
   * @return the number of events handled
   * @throws RuntimeException whatever the handler threw (see {@link #poll()})
   */
  public synchronized int catchUp() {
    int total = 0;
    int handled;
    do {
      handled = poll();
      total += handled;
    } while (handled == batchSize);
    return total;
  }

  private FeedPosition current() {
    if (position == null) {
      position = feed.subscriptionPosition(name).orElse(initial);
    }
    return position;
  }

  /** Configures a {@link FeedSubscription}; not thread-safe. */
  public static final class Builder {
    private final TicketEventFeed feed;
    private final String name;
    private final Consumer<FeedEvent> handler;
    private int batchSize = 500;
    private FeedPosition initial = FeedPosition.START;

    private Builder(TicketEventFeed feed, String name, Consumer<FeedEvent> handler) {
      if (feed == null) {
        throw new ValidationException("feed", null, "must not be null");
      }
      if (handler == null) {
        throw new ValidationException("handler", null, "must not be null");
      }
      this.feed = feed;
      this.name = TicketEventFeed.requireSubscriptionName(name);
      this.handler = handler;
    }

    /**
     * Sets how many events one poll reads at most (default 500).
     *
     * @param value 1 to {@link TicketEventFeed#MAX_LIMIT}
     * @return this builder
     */
    public Builder batchSize(int value) {
      if (value < 1 || value > TicketEventFeed.MAX_LIMIT) {
        throw new ValidationException(
            "batchSize", value, "must be between 1 and " + TicketEventFeed.MAX_LIMIT);
      }
      batchSize = value;
      return this;
    }

    /**
     * Sets where a subscription that never stored a position starts (default {@link
     * FeedPosition#START}, the whole history).
     *
     * @param value the position after which to start
     * @return this builder
     */
    public Builder startAfter(FeedPosition value) {
      if (value == null) {
        throw new ValidationException("startAfter", null, "must not be null");
      }
      initial = value;
      return this;
    }

    /** Returns the subscription; it reads its stored position on the first poll. */
    public FeedSubscription build() {
      return new FeedSubscription(this);
    }
  }
}
