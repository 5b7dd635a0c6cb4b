package io.loopdesk.api;

/** No ticket with the given id exists in the store. */
public final class TicketNotFoundException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;

  /**
   * Creates the exception.
   *
   * @param ticketId the id that was looked up
   */
  public TicketNotFoundException(TicketId ticketId) {
    super("Ticket " + ticketId + " does not exist");
    this.ticketId = ticketId;
  }

  /** Returns the id that was looked up. */
  public TicketId ticketId() {
    return ticketId;
  }
}
