package io.loopdesk.sla;

import io.loopdesk.api.TicketId;

/**
 * An action the escalation policy asks for in response to an SLA event; carried out by an {@link
 * EscalationHandler} supplied by the host (for example by calling the service desk as {@code
 * Actor.SYSTEM}) and recorded in the tracker's audit trail.
 *
 * @param kind what to do
 * @param cause the SLA event that triggered it
 */
public record EscalationAction(Kind kind, SlaEvent cause) {

  /** The kinds of escalation. */
  public enum Kind {
    /** Tell the ticket's team lead. */
    NOTIFY_TEAM_LEAD,
    /** Move the ticket to a supervisor. */
    REASSIGN_TO_SUPERVISOR,
    /**
     * Raise the ticket's priority by one level (see {@code Priority.raised()}); targets are then
     * recomputed.
     */
    RAISE_PRIORITY
  }

  /** Validates the action. */
  public EscalationAction {
    if (kind == null || cause == null) {
      throw new SlaPolicyException(
          kind == null ? "kind" : "cause", null, "an escalation action needs a kind and a cause");
    }
  }

  /** The ticket concerned. */
  public TicketId ticketId() {
    return cause.ticketId();
  }
}
