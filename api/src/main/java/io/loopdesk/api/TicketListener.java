package io.loopdesk.api;

import io.loopdesk.api.event.TicketEvent;

/**
 * Called after a command was accepted and stored. Listeners run on the thread that issued the
 * command, in registration order; an exception thrown by a listener is logged and does not undo the
 * stored change. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TicketListener {
  /**
   * Receives an accepted event.
   *
   * @param event the event
   * @param ticket the ticket as stored after the event
   */
  void onEvent(TicketEvent event, Ticket ticket);
}
