package io.loopdesk.sla;

import io.loopdesk.api.TicketId;

/**
 * How a {@link ServiceDeskEscalationHandler} moves a ticket up its escalation levels: level 1 for
 * {@link EscalationAction.Kind#NOTIFY_TEAM_LEAD}, level 2 for {@link
 * EscalationAction.Kind#REASSIGN_TO_SUPERVISOR}. The handler's default ladder has one fixed team
 * lead and supervisor; the routing module's {@code Escalations#slaHandler()} plugs in the ticket's
 * department chain instead. Implementations must be idempotent (a ticket already at or above the
 * level stays where it is) and thread-safe.
 */
@FunctionalInterface
public interface EscalationLadder {

  /**
   * Raises the ticket to at least {@code level}.
   *
   * @param ticketId the ticket
   * @param level the lowest level the ticket must be at afterwards, 1 or 2
   * @param action the escalation action that asks for it (its cause is the SLA event)
   * @param reason a description of the cause for the ticket's history, e.g. {@code SLA: RESOLUTION
   *     target PT24H exceeded}
   */
  void escalateAtLeast(TicketId ticketId, int level, EscalationAction action, String reason);
}
