package io.loopdesk.access.internal;

import io.loopdesk.api.Customer;
import io.loopdesk.api.Masking;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks customers' personal data in tickets and events. Stateless, thread-safe. */
public final class PersonalData {
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d(?:[ -]?\\d){6,}[\\dXx]?");

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
   * Masks the customer in an opening event, and e-mail addresses and long numbers in the bodies of
   * communications; other events carry no customer data.
   *
   * @param e the event
   * @return the event with personal data masked
   */
  public static TicketEvent mask(TicketEvent e) {
    return mask(e, null);
  }

  /**
   * Masks the customer in an opening event, and in the bodies of communications the ticket
   * customer's personal data (when {@code customer} is in clear) as well as any e-mail address and
   * any number of seven or more digits (phones and ID numbers, the customer's or anyone else's).
   *
   * @param e the event
   * @param customer the ticket's customer, or null
   * @return the event with personal data masked
   */
  public static TicketEvent mask(TicketEvent e, Customer customer) {
    TicketChange change = e.change();
    TicketChange masked;
    if (change instanceof TicketChange.Opened o) {
      masked =
          new TicketChange.Opened(
              o.channel(),
              mask(o.customer()),
              o.product(),
              o.problem(),
              o.expectation(),
              o.alreadyTried());
    } else if (change instanceof TicketChange.AgentReplied r) {
      masked = new TicketChange.AgentReplied(r.channel(), maskText(r.body(), customer));
    } else if (change instanceof TicketChange.CustomerReplied r) {
      masked =
          new TicketChange.CustomerReplied(r.channel(), maskText(r.body(), customer), r.resumed());
    } else if (change instanceof TicketChange.InternalNoteAdded n) {
      masked = new TicketChange.InternalNoteAdded(maskText(n.body(), customer));
    } else {
      return e;
    }
    return new TicketEvent(
        e.ticketId(), e.version(), e.at(), e.actor(), e.from(), e.to(), masked, e.chain());
  }

  /**
   * Masks personal data in free text: the customer's own values (name, phone, e-mail, address, ID
   * numbers) when the customer is in clear, then every e-mail address and every number of seven or
   * more digits.
   *
   * @param text the text
   * @param customer the customer whose data to look for, or null
   * @return the masked text, never shorter than one char for a non-blank input
   */
  public static String maskText(String text, Customer customer) {
    String result = text;
    if (customer != null && customer.form() == PersonalDataForm.CLEAR) {
      Customer masked = customer.masked();
      result = replace(result, customer.address(), masked.address());
      result = replace(result, customer.email(), masked.email());
      result = replace(result, customer.phone(), masked.phone());
      for (int i = 0; i < customer.idDocuments().size(); i++) {
        result =
            replace(
                result,
                customer.idDocuments().get(i).number(),
                masked.idDocuments().get(i).number());
      }
      result = replace(result, customer.name(), masked.name());
    }
    result =
        EMAIL.matcher(result).replaceAll(m -> Matcher.quoteReplacement(Masking.email(m.group())));
    result =
        LONG_NUMBER
            .matcher(result)
            .replaceAll(m -> Matcher.quoteReplacement(Masking.idNumber(m.group())));
    return result;
  }

  private static String replace(String text, String value, String replacement) {
    return value == null || value.isEmpty() ? text : text.replace(value, replacement);
  }
}
