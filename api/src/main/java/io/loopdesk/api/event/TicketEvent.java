package io.loopdesk.api.event;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.List;

/**
 * One accepted command on one ticket: who did it, when, the ticket version it produced, the status
 * before and after, and what changed. Replaying a ticket's events in order rebuilds the ticket
 * exactly ({@link #replay(List)}).
 *
 * @param ticketId the ticket
 * @param version the ticket version this event produced (1 for the event that opened it)
 * @param at when the command was accepted
 * @param actor who issued it
 * @param from the status before, {@code null} only for {@link TicketChange.Opened}
 * @param to the status after
 * @param change what changed
 */
public record TicketEvent(
    TicketId ticketId, long version, Instant at, Actor actor, TicketStatus from, TicketStatus to, TicketChange change) {

  /** Validates the envelope. */
  public TicketEvent {
    require("ticketId", ticketId);
    require("at", at);
    require("actor", actor);
    require("to", to);
    require("change", change);
    boolean opening = change instanceof TicketChange.Opened;
    if (opening != (version == 1)) {
      throw new ValidationException("version", version, "must be 1 exactly for the event that opens a ticket");
    }
    if (opening != (from == null)) {
      throw new ValidationException("from", from, "must be null exactly for the event that opens a ticket");
    }
  }

  private static void require(String field, Object value) {
    if (value == null) {
      throw new ValidationException("event." + field, null, "must not be null");
    }
  }

  /**
   * Applies this event to the ticket as it was before it.
   *
   * @param before the ticket at version {@code version - 1}, or {@code null} for the opening event
   * @return the ticket at this event's version
   * @throws ValidationException if the event does not follow {@code before}
   */
  public Ticket applyTo(Ticket before) {
    Ticket.Builder builder;
    if (before == null) {
      if (version != 1) {
        throw new ValidationException("version", version, "the first event of a ticket must open it");
      }
      builder = Ticket.builder().id(ticketId).createdAt(at);
    } else {
      if (!before.id().equals(ticketId)) {
        throw new ValidationException("ticketId", ticketId, "event belongs to another ticket than " + before.id());
      }
      if (before.version() + 1 != version) {
        throw new ValidationException("version", version, "does not follow ticket version " + before.version());
      }
      if (!before.status().equals(from)) {
        throw new ValidationException("from", from, "does not match ticket status " + before.status());
      }
      builder = before.toBuilder();
    }
    if (change.isWork()) {
      builder.callbackConfirmed(false);
    }
    change.applyTo(before, builder);
    return builder.status(to).version(version).updatedAt(at).build();
  }

  /**
   * Rebuilds a ticket from its complete event history.
   *
   * @param events the ticket's events in version order, starting with the opening event
   * @return the ticket as of the last event
   * @throws ValidationException if the list is empty or out of order
   */
  public static Ticket replay(List<TicketEvent> events) {
    if (events == null || events.isEmpty()) {
      throw new ValidationException("events", events, "must contain at least the opening event");
    }
    Ticket ticket = null;
    for (TicketEvent event : events) {
      ticket = event.applyTo(ticket);
    }
    return ticket;
  }
}
