package io.loopdesk.api.event;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One accepted command on one ticket: who did it, when, the ticket version it produced, the status
 * before and after, and what changed. Replaying a ticket's events in order rebuilds the ticket
 * exactly ({@link #replay(List)}).
 *
 * <p><b>History chain.</b> An event written by a service desk that chains histories carries {@link
 * #chain()}: a hex digest over the previous event's chain and this event's own content (see {@code
 * io.loopdesk.core.HistoryChain}). Events written before chaining existed, or by a desk with
 * chaining switched off, have none. The chain is part of the event: stores must keep it exactly,
 * and {@link #applyTo(Ticket)} copies it to the ticket's {@link Ticket#historyHash()}, so a replay
 * reproduces the snapshot's head hash.
 *
 * @param ticketId the ticket
 * @param version the ticket version this event produced (1 for the event that opened it)
 * @param at when the command was accepted
 * @param actor who issued it
 * @param from the status before, {@code null} only for {@link TicketChange.Opened}
 * @param to the status after
 * @param change what changed
 * @param chain the history chain up to and including this event, 64 lowercase hex digits, or {@code
 *     null} if the event was written without one
 */
public record TicketEvent(
    TicketId ticketId,
    long version,
    Instant at,
    Actor actor,
    TicketStatus from,
    TicketStatus to,
    TicketChange change,
    String chain) {
  private static final Pattern CHAIN = Pattern.compile("[0-9a-f]{64}");

  /** Validates the envelope. */
  public TicketEvent {
    requireChainFormat("event.chain", chain);
    require("ticketId", ticketId);
    require("at", at);
    require("actor", actor);
    require("to", to);
    require("change", change);
    boolean opening = change instanceof TicketChange.Opened;
    if (opening != (version == 1)) {
      throw new ValidationException(
          "version", version, "must be 1 exactly for the event that opens a ticket");
    }
    if (opening != (from == null)) {
      throw new ValidationException(
          "from", from, "must be null exactly for the event that opens a ticket");
    }
  }

  /**
   * Creates an event without a history chain, as written before chaining existed.
   *
   * @param ticketId the ticket
   * @param version the ticket version this event produced
   * @param at when the command was accepted
   * @param actor who issued it
   * @param from the status before, {@code null} only for the opening event
   * @param to the status after
   * @param change what changed
   */
  public TicketEvent(
      TicketId ticketId,
      long version,
      Instant at,
      Actor actor,
      TicketStatus from,
      TicketStatus to,
      TicketChange change) {
    this(ticketId, version, at, actor, from, to, change, null);
  }

  /**
   * Returns this event with another chain.
   *
   * @param value the chain, or {@code null} for none
   * @return the event with that chain
   * @throws ValidationException if the value is not 64 lowercase hex digits
   */
  public TicketEvent withChain(String value) {
    return new TicketEvent(ticketId, version, at, actor, from, to, change, value);
  }

  /**
   * Checks the form of a history chain value: {@code null} or 64 lowercase hex digits.
   *
   * @param field the field name for the error
   * @param value the value
   * @return the value
   * @throws ValidationException if the value has another form; the value is not echoed
   */
  public static String requireChainFormat(String field, String value) {
    if (value != null && !CHAIN.matcher(value).matches()) {
      throw new ValidationException(
          field, "<" + value.length() + " chars>", "must be 64 lowercase hex digits or absent");
    }
    return value;
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
        throw new ValidationException(
            "version", version, "the first event of a ticket must open it");
      }
      builder = Ticket.builder().id(ticketId).createdAt(at);
    } else {
      if (!before.id().equals(ticketId)) {
        throw new ValidationException(
            "ticketId", ticketId, "event belongs to another ticket than " + before.id());
      }
      if (before.version() + 1 != version) {
        throw new ValidationException(
            "version", version, "does not follow ticket version " + before.version());
      }
      if (!before.status().equals(from)) {
        throw new ValidationException(
            "from", from, "does not match ticket status " + before.status());
      }
      builder = before.toBuilder();
    }
    if (change.isWork()) {
      builder.callbackConfirmed(false);
    }
    change.applyTo(before, builder);
    return builder.status(to).version(version).updatedAt(at).historyHash(chain).build();
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
