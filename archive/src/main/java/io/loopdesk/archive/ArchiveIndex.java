package io.loopdesk.archive;

import io.loopdesk.api.TicketId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which tickets are archived. {@link InMemoryArchiveIndex} is the single-JVM reference; {@link
 * JdbcArchiveIndex} keeps it in the database for several instances.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe; with a shared database, correct across instances and restarts.
 *   <li>{@link #claim}: of any number of concurrent claims of one ticket version exactly one wins,
 *       durably. A record stays; a ticket that changed after its archived version (a reopen that
 *       raced the archiver) is live again until a claim of its newer version replaces the record.
 * </ul>
 */
public interface ArchiveIndex {

  /**
   * Archives a ticket version: stores the record unless the ticket has one; replaces a record of an
   * older version.
   *
   * @param ticket the record
   * @return true if this call archived that version
   */
  boolean claim(ArchivedTicket ticket);

  /**
   * Finds a ticket's archive record.
   *
   * @param id the ticket
   * @return the record, or empty if the ticket is not archived
   */
  Optional<ArchivedTicket> find(TicketId id);

  /**
   * Returns the archived versions of some tickets, in one round trip.
   *
   * @param ids the tickets, at most 1,000
   * @return the archived version of each ticket that has an archive record
   */
  Map<TicketId, Long> archivedAmong(Collection<TicketId> ids);

  /**
   * Returns a customer's archived tickets.
   *
   * @param customerId the customer
   * @return their records, in ticket id order
   */
  List<ArchivedTicket> byCustomer(String customerId);
}
