package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;

/**
 * A command the embedder's desk must refuse, declared with {@link DeskUnderTest.Builder#forbid}:
 * the executable statement of what a guard is meant to enforce, e.g. "only team leads close". The
 * model sends commands by every role; if the desk accepts one this prohibition matches, the kit
 * reports the guard as broken. Must be free of side effects.
 */
@FunctionalInterface
public interface Prohibition {
  /**
   * Says whether the desk must refuse a command.
   *
   * @param ticket the ticket before the command
   * @param action the action the command performs
   * @param actor who issues it
   * @return true if the desk must refuse it
   */
  boolean forbids(Ticket ticket, TicketAction action, Actor actor);
}
