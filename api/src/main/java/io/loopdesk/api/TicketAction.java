package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A command that moves a ticket through its lifecycle; lifecycles may add their own.
 *
 * <p>Open for extension: besides the constants, any upper-case code such as {@code SUBMIT_QA} is
 * accepted through {@link #of(String)}; two values are equal when their names are.
 *
 * @param name the upper-case code, e.g. {@code OPEN}
 */
public record TicketAction(@JsonValue String name) {
  /** Accept a new ticket. */
  public static final TicketAction OPEN = new TicketAction("OPEN");

  /** Set category and priority. */
  public static final TicketAction CLASSIFY = new TicketAction("CLASSIFY");

  /** Give the ticket to an agent and department (also reassigns). */
  public static final TicketAction ASSIGN = new TicketAction("ASSIGN");

  /** The assignee starts working. */
  public static final TicketAction START = new TicketAction("START");

  /** Pause while the customer is asked for something. */
  public static final TicketAction WAIT_ON_CUSTOMER = new TicketAction("WAIT_ON_CUSTOMER");

  /** Pause while a third party is asked for something. */
  public static final TicketAction WAIT_ON_THIRD_PARTY = new TicketAction("WAIT_ON_THIRD_PARTY");

  /** Work continues after a wait. */
  public static final TicketAction RESUME = new TicketAction("RESUME");

  /** The problem is solved; the callback is due. */
  public static final TicketAction RESOLVE = new TicketAction("RESOLVE");

  /** Record a callback attempt and its outcome. */
  public static final TicketAction RECORD_CALLBACK = new TicketAction("RECORD_CALLBACK");

  /** Close the loop after a satisfactory callback. */
  public static final TicketAction CLOSE = new TicketAction("CLOSE");

  /** Send the ticket back to classification. */
  public static final TicketAction REOPEN = new TicketAction("REOPEN");

  /** Raise the ticket's escalation level. */
  public static final TicketAction ESCALATE = new TicketAction("ESCALATE");

  /** Lower the ticket's escalation level explicitly. */
  public static final TicketAction DEESCALATE = new TicketAction("DEESCALATE");

  /** Change the priority of a classified ticket, keeping its factors, with a reason. */
  public static final TicketAction REPRIORITISE = new TicketAction("REPRIORITISE");

  /** Change the resolution deadline, e.g. after an approved delay request. */
  public static final TicketAction CHANGE_DEADLINE = new TicketAction("CHANGE_DEADLINE");

  /** Send a message to the customer on a channel; keeps the status. */
  public static final TicketAction REPLY_TO_CUSTOMER = new TicketAction("REPLY_TO_CUSTOMER");

  /**
   * Record a message from the customer; keeps the status, except that it may resume a ticket
   * waiting on the customer (see {@code ServiceDesk#recordCustomerReply}).
   */
  public static final TicketAction RECORD_CUSTOMER_REPLY =
      new TicketAction("RECORD_CUSTOMER_REPLY");

  /** Add an internal note, never shown to the customer; keeps the status. */
  public static final TicketAction ADD_INTERNAL_NOTE = new TicketAction("ADD_INTERNAL_NOTE");

  /** Give up the callback after too many failed attempts (applied by policy). */
  public static final TicketAction MARK_UNREACHABLE = new TicketAction("MARK_UNREACHABLE");

  /** Validates the code; see {@link #of(String)}. */
  public TicketAction {
    Checks.code("action", name);
  }

  /**
   * Returns the value with the given code.
   *
   * @param name an upper-case code matching {@code [A-Z][A-Z0-9_]{0,63}}
   * @return the value
   * @throws ValidationException if the code is null, blank or malformed
   */
  @JsonCreator
  public static TicketAction of(String name) {
    return new TicketAction(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
