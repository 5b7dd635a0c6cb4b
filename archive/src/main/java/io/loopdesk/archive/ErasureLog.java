package io.loopdesk.archive;

import java.util.List;

/**
 * Where {@link ErasureService} records what it erased; the source of the {@link ErasureReport}.
 * {@link InMemoryErasureLog} is the single-JVM reference, {@link JdbcErasureLog} the shared one.
 * Thread-safe; an entry per customer and ticket is recorded once (later records of the same pair
 * are ignored), so erasure can be retried and run on several instances.
 */
public interface ErasureLog {

  /**
   * Records an entry unless one for its customer and ticket exists.
   *
   * @param entry the entry
   * @return true if recorded by this call
   */
  boolean record(ErasureEntry entry);

  /**
   * Returns every entry, by erasure instant, then customer id and ticket id.
   *
   * @return the entries
   */
  List<ErasureEntry> entries();

  /**
   * Returns the entries of one ticket (several if its customer changed and both were erased).
   *
   * @param ticketId the ticket
   * @return the entries
   */
  default List<ErasureEntry> entriesOf(io.loopdesk.api.TicketId ticketId) {
    return entries().stream().filter(e -> e.ticketId().equals(ticketId)).toList();
  }
}
