package io.loopdesk.routing;

import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.TicketId;

/** An escalation or delay-request rule was broken; nothing was changed. */
public final class EscalationException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  /** Which rule was broken. */
  public enum Problem {
    /** The ticket is already at the top of its chain. */
    TOP_OF_CHAIN,
    /** A de-escalation must name a level below the current one. */
    NOT_LOWER,
    /** The ticket has no resolution deadline to delay. */
    NO_DEADLINE,
    /**
     * A delay request came later than {@link io.loopdesk.sla.calendar.DelayRequestNoticeRule}
     * allows.
     */
    TOO_LATE,
    /** The requested deadline is not after the current one. */
    NOT_LATER,
    /** Only the ticket's assignee may request a delay. */
    NOT_ASSIGNEE,
    /** Only the next level of the ticket's chain may decide a delay request. */
    NOT_APPROVER,
    /** The delay request was already decided, or another one is pending. */
    ALREADY_DECIDED,
    /** No such delay request. */
    UNKNOWN_REQUEST
  }

  private final TicketId ticketId;
  private final Problem problem;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param problem the broken rule
   * @param detail an explanation without personal data
   */
  public EscalationException(TicketId ticketId, Problem problem, String detail) {
    super("Ticket " + ticketId + ": " + problem + ": " + detail);
    this.ticketId = ticketId;
    this.problem = problem;
  }

  /** Returns the ticket. */
  public TicketId ticketId() {
    return ticketId;
  }

  /** Returns the broken rule. */
  public Problem problem() {
    return problem;
  }
}
