package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Classification;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.TicketAction;
import java.time.Duration;

/**
 * One generated command of the model. A command addressed to a ticket names it by its opening order
 * ({@code ticket} 0 is {@code T1}); it does nothing if that ticket has not been opened.
 *
 * @param kind what to do
 * @param ticket the ticket's index in opening order
 * @param choice picks the custom action among those the ticket's status allows
 * @param versionOffset added to the current version: 0 for a valid command, otherwise stale
 * @param actor who issues it
 * @param newTicket the request, for {@link Kind#OPEN}
 * @param classification for {@link Kind#CLASSIFY}
 * @param assignment for {@link Kind#ASSIGN}
 * @param callback for {@link Kind#CALLBACK}
 * @param pause how far the clock moves, for {@link Kind#PASS_TIME}
 */
record DeskCommand(
    Kind kind,
    int ticket,
    int choice,
    int versionOffset,
    Actor actor,
    NewTicket newTicket,
    Classification classification,
    Assignment assignment,
    CallbackResult callback,
    Duration pause) {

  /** The kinds of command. */
  enum Kind {
    OPEN(TicketAction.OPEN),
    CLASSIFY(TicketAction.CLASSIFY),
    ASSIGN(TicketAction.ASSIGN),
    START(TicketAction.START),
    WAIT_ON_CUSTOMER(TicketAction.WAIT_ON_CUSTOMER),
    WAIT_ON_THIRD_PARTY(TicketAction.WAIT_ON_THIRD_PARTY),
    RESUME(TicketAction.RESUME),
    RESOLVE(TicketAction.RESOLVE),
    CALLBACK(TicketAction.RECORD_CALLBACK),
    CLOSE(TicketAction.CLOSE),
    REOPEN(TicketAction.REOPEN),
    ESCALATE(TicketAction.ESCALATE),
    /** An agent's message to the customer. */
    REPLY_TO_CUSTOMER(TicketAction.REPLY_TO_CUSTOMER),
    /**
     * A message from the customer; resumes a ticket waiting on the customer when the desk does so.
     */
    CUSTOMER_REPLY(TicketAction.RECORD_CUSTOMER_REPLY),
    /** A note for the service team only. */
    INTERNAL_NOTE(TicketAction.ADD_INTERNAL_NOTE),
    /**
     * The next step towards closing that the lifecycle allows from the ticket's status (close, a
     * custom action, callback, resolve, resume, start, assign, classify, reopen), decided when it
     * runs; keeps sequences deep and shrinkable.
     */
    ADVANCE(null),
    /**
     * A custom action of the lifecycle, picked among those allowed; performed with {@code perform}.
     */
    CUSTOM(null),
    /** Moves the clock forward and ticks the SLA tracker. */
    PASS_TIME(null);

    private final TicketAction action;

    Kind(TicketAction action) {
      this.action = action;
    }

    /** Returns the standard action, or null for CUSTOM and PASS_TIME. */
    TicketAction action() {
      return action;
    }
  }

  /** Returns this command as another kind, with the same target, version, actor and payloads. */
  DeskCommand as(Kind other) {
    return new DeskCommand(
        other,
        ticket,
        choice,
        versionOffset,
        actor,
        newTicket,
        classification,
        assignment,
        callback,
        pause);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT));
    if (kind == Kind.PASS_TIME) {
      return s.append(' ').append(pause).toString();
    }
    if (kind != Kind.OPEN) {
      s.append(" T").append(ticket + 1);
      if (kind == Kind.CUSTOM) {
        s.append(" choice#").append(choice);
      }
      if (versionOffset != 0) {
        s.append(" version").append(versionOffset > 0 ? "+" : "").append(versionOffset);
      }
    }
    s.append(" by ").append(actor.id()).append('/').append(actor.role());
    if (classification != null) {
      s.append(' ').append(classification.category()).append(' ').append(classification.factors());
    }
    if (callback != null) {
      s.append(' ').append(callback.outcome());
      if (callback.outcome().reached()) {
        s.append(callback.resolved() ? " resolved" : " not-resolved")
            .append(" rating=")
            .append(callback.rating());
      }
    }
    return s.toString();
  }
}
