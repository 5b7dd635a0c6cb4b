package io.loopdesk.api;

/**
 * A close was attempted without a completed callback in which the customer was reached and
 * confirmed the problem resolved with a satisfactory rating. This guard cannot be configured away.
 */
public final class ClosedLoopViolationException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket that may not be closed
   * @param reason what is missing, e.g. "no callback recorded since the ticket was resolved"
   */
  public ClosedLoopViolationException(TicketId ticketId, String reason) {
    super("Ticket " + ticketId + " cannot be closed: " + reason);
    this.ticketId = ticketId;
  }

  /** Returns the ticket that may not be closed. */
  public TicketId ticketId() {
    return ticketId;
  }
}
