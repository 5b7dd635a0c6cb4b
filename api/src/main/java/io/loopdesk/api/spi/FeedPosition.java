package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;

/**
 * A position in a store's {@link TicketEventFeed}: every event has one, positions of the feed
 * strictly increase in delivery order, and a reader that remembers the last position it handled
 * asks for the events after it. Compared by {@code transaction}, then by {@code sequence}.
 *
 * <p>What the two numbers mean is the store's business (the JDBC store on PostgreSQL stores the
 * writing transaction's id and a sequence value; in-memory and H2 stores a commit counter twice);
 * treat a position as opaque, store it with {@link #toString()} and read it back with {@link
 * #parse(String)} if you keep it outside the store.
 *
 * @param transaction the commit group of the event, 0 or more
 * @param sequence the event's number within the feed, 0 or more
 */
public record FeedPosition(long transaction, long sequence) implements Comparable<FeedPosition> {

  /** The position before the first event: reading after it starts at the beginning of the feed. */
  public static final FeedPosition START = new FeedPosition(0, 0);

  /** Validates the position. */
  public FeedPosition {
    if (transaction < 0) {
      throw new ValidationException("position.transaction", transaction, "must not be negative");
    }
    if (sequence < 0) {
      throw new ValidationException("position.sequence", sequence, "must not be negative");
    }
  }

  @Override
  public int compareTo(FeedPosition other) {
    int byTransaction = Long.compare(transaction, other.transaction);
    return byTransaction != 0 ? byTransaction : Long.compare(sequence, other.sequence);
  }

  /**
   * Returns whether this position comes after another.
   *
   * @param other the other position
   * @return true if this one is strictly greater
   */
  public boolean isAfter(FeedPosition other) {
    return compareTo(other) > 0;
  }

  /** Returns the position as {@code transaction:sequence}, the form {@link #parse} reads. */
  @Override
  public String toString() {
    return transaction + ":" + sequence;
  }

  /**
   * Reads a position written by {@link #toString()}.
   *
   * @param text the text, e.g. {@code "812:40127"}
   * @return the position
   * @throws ValidationException if the text is null or not two non-negative numbers with a colon
   */
  public static FeedPosition parse(String text) {
    if (text == null) {
      throw new ValidationException("position", null, "must not be null");
    }
    int colon = text.indexOf(':');
    if (text.length() > 41 || colon < 1 || colon == text.length() - 1) {
      throw new ValidationException(
          "position",
          text.length() > 41 ? text.substring(0, 41) + "..." : text,
          "must be two non-negative numbers separated by ':'");
    }
    try {
      return new FeedPosition(
          Long.parseLong(text, 0, colon, 10), Long.parseLong(text, colon + 1, text.length(), 10));
    } catch (NumberFormatException e) {
      throw new ValidationException(
          "position", text, "must be two non-negative numbers separated by ':'");
    }
  }
}
