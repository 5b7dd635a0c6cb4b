package io.loopdesk.api;

import java.util.Set;
import java.util.TreeSet;

/**
 * The requested action is not allowed in the ticket's current status. Names the ticket, its status,
 * the attempted action and the actions that are allowed instead.
 */
public final class IllegalTransitionException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;
  private final TicketStatus status;
  private final TicketAction action;
  private final Set<TicketAction> allowedActions;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param status its current status
   * @param action the rejected action
   * @param allowedActions the actions the lifecycle allows from {@code status}
   */
  public IllegalTransitionException(
      TicketId ticketId,
      TicketStatus status,
      TicketAction action,
      Set<TicketAction> allowedActions) {
    super(
        "Ticket "
            + ticketId
            + " is "
            + status
            + ": action "
            + action
            + " is not allowed; allowed actions: "
            + new TreeSet<>(allowedActions.stream().map(TicketAction::name).toList()));
    this.ticketId = ticketId;
    this.status = status;
    this.action = action;
    this.allowedActions = Set.copyOf(allowedActions);
  }

  /** Returns the ticket. */
  public TicketId ticketId() {
    return ticketId;
  }

  /** Returns the status the ticket was in. */
  public TicketStatus status() {
    return status;
  }

  /** Returns the rejected action. */
  public TicketAction action() {
    return action;
  }

  /** Returns the actions allowed from the current status. */
  public Set<TicketAction> allowedActions() {
    return allowedActions;
  }
}
