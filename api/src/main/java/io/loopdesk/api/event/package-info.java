/**
 * Ticket events: one {@link io.loopdesk.api.event.TicketEvent} per accepted command, carrying who
 * did what and when, the status before and after, and a {@link io.loopdesk.api.event.TicketChange}
 * with the data needed to rebuild the ticket. The events of a ticket are its complete audit trail.
 */
package io.loopdesk.api.event;
