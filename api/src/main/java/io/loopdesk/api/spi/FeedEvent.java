package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One event as a {@link TicketEventFeed} delivers it: the event and its position in the feed.
 *
 * @param position where the event stands in the feed
 * @param event the ticket event
 */
public record FeedEvent(FeedPosition position, TicketEvent event) {

  /** Validates the pair. */
  public FeedEvent {
    if (position == null) {
      throw new ValidationException("position", null, "must not be null");
    }
    if (event == null) {
      throw new ValidationException("event", null, "must not be null");
    }
  }

  /**
   * Returns the event's id, {@link #idOf(TicketEvent)}: the same for every delivery of this event,
   * so a handler that must not act twice remembers the ids it handled.
   */
  public UUID eventId() {
    return idOf(event);
  }

  /**
   * Returns the stable id of an event: a name-based UUID (RFC 4122 version 3) of its ticket id and
   * version, which together identify an event. Every store, feed and outbox row uses this id.
   *
   * @param event the event
   * @return its id
   */
  public static UUID idOf(TicketEvent event) {
    if (event == null) {
      throw new ValidationException("event", null, "must not be null");
    }
    String name = "loopdesk-event\u0000" + event.ticketId().value() + "\u0000" + event.version();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
