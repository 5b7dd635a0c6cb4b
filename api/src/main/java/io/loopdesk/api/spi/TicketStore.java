package io.loopdesk.api.spi;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import java.util.List;
import java.util.Optional;

/**
 * Storage of tickets and their append-only event history. Implement it to keep Loopdesk's data in
 * your own database; the in-memory store of {@code loopdesk-core} is the reference implementation.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread safety.</b> Every method may be called concurrently from many threads.
 *   <li><b>Atomicity.</b> {@link #save} writes the ticket snapshot and its event in one atomic
 *       step: afterwards either both are visible or neither is, also after a crash.
 *   <li><b>Optimistic concurrency.</b> {@link #save} succeeds only if the stored version equals
 *       {@code event.version() - 1} (no stored ticket counts as version 0). Otherwise it throws
 *       {@link VersionConflictException} and writes nothing. Of any number of concurrent saves
 *       based on the same version, exactly one succeeds.
 *   <li><b>Fidelity.</b> {@link #find} returns a ticket {@code equals} to the one saved, and {@link
 *       #events} returns events {@code equals} to those saved, in version order; every field
 *       round-trips exactly, including long and non-Latin text (Chinese, emoji).
 *   <li><b>Queries</b> return exactly the tickets for which {@link TicketQuery#matches} is true,
 *       ordered by creation instant then id, with the query's offset and limit applied.
 * </ul>
 */
public interface TicketStore {

  /**
   * Finds the current snapshot of a ticket.
   *
   * @param id the ticket id
   * @return the ticket, or empty if it does not exist
   */
  Optional<Ticket> find(TicketId id);

  /**
   * Finds the ticket a command is about to change, which the caller expects at {@code
   * expectedVersion}. The default is {@link #find}.
   *
   * <p>A store may answer from memory when it holds exactly that version of the ticket, because it
   * wrote or read it itself, and skip the database. Such an answer may be stale (another process
   * changed the ticket since), so a store that answers from memory must make the {@link #save} that
   * follows on the same thread fail with {@link VersionConflictException} unless the stored ticket
   * is still the very write it remembered. Callers must treat a rejection decided on this answer as
   * provisional and confirm it with {@link #find}. Any other answer is the stored ticket, as from
   * {@link #find}.
   *
   * @param id the ticket id
   * @param expectedVersion the version the command expects
   * @return the ticket, or empty if it does not exist
   */
  default Optional<Ticket> findForCommand(TicketId id, long expectedVersion) {
    return find(id);
  }

  /**
   * Atomically stores a ticket snapshot and appends the event that produced it.
   *
   * @param event the event; {@code event.version() - 1} is the version the change was based on
   * @param ticket the ticket after the event; its id and version equal the event's
   * @throws VersionConflictException if the stored version is not {@code event.version() - 1};
   *     nothing is written
   * @throws io.loopdesk.api.ValidationException if ticket and event do not belong together
   */
  void save(TicketEvent event, Ticket ticket);

  /**
   * Returns every event of a ticket in version order.
   *
   * @param id the ticket id
   * @return the events, empty if the ticket does not exist
   */
  List<TicketEvent> events(TicketId id);

  /**
   * Finds tickets matching a query.
   *
   * @param query the criteria and paging
   * @return one page of matching tickets
   */
  Page<Ticket> query(TicketQuery query);

  /**
   * Returns this store's global event feed, if it offers one. The default finds it when the store
   * itself implements {@link TicketEventFeed}; a store that wraps another should pass the wrapped
   * store's feed on.
   *
   * @return the feed, or empty if the store has none
   */
  default Optional<TicketEventFeed> eventFeed() {
    return this instanceof TicketEventFeed feed ? Optional.of(feed) : Optional.empty();
  }

  /**
   * Returns this store's {@link CheckpointClaims}, if it offers them: instances that share the
   * store then fire each due checkpoint once between them. The default finds them when the store
   * itself implements the interface.
   *
   * @return the claims, or empty if the store has none
   */
  default Optional<CheckpointClaims> checkpointClaims() {
    return this instanceof CheckpointClaims claims ? Optional.of(claims) : Optional.empty();
  }

  /**
   * Checks that a ticket is the result of an event, as {@link #save} requires; adapters call it
   * before writing.
   *
   * @param event the event
   * @param ticket the ticket after it
   * @throws ValidationException if either is null or their ids or versions differ
   */
  static void requireMatching(TicketEvent event, Ticket ticket) {
    if (event == null) {
      throw new ValidationException("event", null, "must not be null");
    }
    if (ticket == null) {
      throw new ValidationException("ticket", null, "must not be null");
    }
    if (!event.ticketId().equals(ticket.id())) {
      throw new ValidationException(
          "ticket.id", ticket.id(), "must equal the event's ticket id " + event.ticketId());
    }
    if (event.version() != ticket.version()) {
      throw new ValidationException(
          "ticket.version", ticket.version(), "must equal the event's version " + event.version());
    }
  }
}
