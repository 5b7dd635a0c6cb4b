package io.loopdesk.archive;

import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.TicketId;

/**
 * A command tried to change an archived ticket; archived tickets are read-only. Nothing was
 * written.
 */
public final class ArchivedTicketException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;

  /**
   * Creates the exception.
   *
   * @param ticketId the archived ticket
   */
  public ArchivedTicketException(TicketId ticketId) {
    super("Ticket " + ticketId + " is archived and read-only; open a new ticket instead");
    this.ticketId = ticketId;
  }

  /** Returns the archived ticket. */
  public TicketId ticketId() {
    return ticketId;
  }
}
