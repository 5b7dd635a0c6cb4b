package io.loopdesk.core;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import java.util.Optional;

/**
 * An extra rule checked before a command is applied, e.g. "only a team lead may reassign a P0".
 * Guards add restrictions; they can never lift the closed-loop rule. Must be thread-safe and free
 * of side effects.
 */
@FunctionalInterface
public interface TransitionGuard {
  /**
   * Checks a command.
   *
   * @param ticket the ticket before the command
   * @param action the action
   * @param target the status the command would lead to
   * @param actor who issued it
   * @return empty to allow, or the reason for rejecting
   */
  Optional<String> check(Ticket ticket, TicketAction action, TicketStatus target, Actor actor);
}
