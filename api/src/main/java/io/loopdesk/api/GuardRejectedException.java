package io.loopdesk.api;

/** A guard configured on the lifecycle rejected a command; nothing was changed. */
public final class GuardRejectedException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;
  private final TicketAction action;
  private final String guard;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param action the rejected action
   * @param guard the guard's name
   * @param reason why the guard rejected it
   */
  public GuardRejectedException(
      TicketId ticketId, TicketAction action, String guard, String reason) {
    super("Guard '" + guard + "' rejected " + action + " on ticket " + ticketId + ": " + reason);
    this.ticketId = ticketId;
    this.action = action;
    this.guard = guard;
  }

  /** Returns the ticket. */
  public TicketId ticketId() {
    return ticketId;
  }

  /** Returns the rejected action. */
  public TicketAction action() {
    return action;
  }

  /** Returns the name of the guard that rejected it. */
  public String guard() {
    return guard;
  }
}
