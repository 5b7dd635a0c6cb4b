package io.loopdesk.access.internal;

import io.loopdesk.api.Customer;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;

/** Masks customers' personal data in tickets and events. Stateless, thread-safe. */
public final class PersonalData {
  private PersonalData() {}

  /**
   * Masks a customer with {@link Customer#masked()}: every personal field, the phone included,
   * holds its {@link io.loopdesk.api.Masking} output.
   *
   * @param c the customer
   * @return the masked customer
   */
  public static Customer mask(Customer c) {
    return c.masked();
  }

  /**
   * Masks the customer of a ticket.
   *
   * @param t the ticket
   * @return the ticket with a masked customer
   */
  public static Ticket mask(Ticket t) {
    return t.toBuilder().customer(mask(t.customer())).build();
  }

  /**
   * Masks the customer in an opening event; other events carry no customer data.
   *
   * @param e the event
   * @return the event with personal data masked
   */
  public static TicketEvent mask(TicketEvent e) {
    if (e.change() instanceof TicketChange.Opened o) {
      TicketChange.Opened masked =
          new TicketChange.Opened(o.channel(), mask(o.customer()), o.product(), o.problem(), o.expectation(), o.alreadyTried());
      return new TicketEvent(e.ticketId(), e.version(), e.at(), e.actor(), e.from(), e.to(), masked, e.chain());
    }
    return e;
  }
}
