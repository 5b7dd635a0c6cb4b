package io.loopdesk.sla;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;

/**
 * Drives one ticket through its lifecycle by producing the same {@link TicketEvent}s the service
 * desk emits (applied with {@link TicketEvent#applyTo}) and feeding them to a listener.
 */
final class TicketScript {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);

  private final TicketListener listener;
  private final TicketId id;
  private Ticket ticket;

  private TicketScript(TicketListener listener, TicketId id) {
    this.listener = listener;
    this.id = id;
  }

  static TicketScript open(TicketListener listener, String id, Instant at) {
    TicketScript script = new TicketScript(listener, TicketId.of(id));
    script.apply(
        at,
        TicketStatus.RECEIVED,
        new TicketChange.Opened(
            Channel.PHONE,
            Customer.of("c-1", "Wang Fang", "13800000000", "wang@example.com"),
            "router X1",
            "no connection",
            "fix it",
            "restarted"));
    return script;
  }

  TicketScript classify(Instant at, Priority priority, Category category) {
    PriorityDecision decision =
        new PriorityDecision(
            priority, PriorityFactors.of(Level.HIGH, Level.HIGH, Level.HIGH), List.of("test"));
    return apply(
        at, TicketStatus.CLASSIFIED, new TicketChange.Classified(category, decision, null));
  }

  TicketScript assign(Instant at) {
    return apply(
        at, TicketStatus.ASSIGNED, new TicketChange.Assigned("agent-7", "after-sales", ""));
  }

  TicketScript assign(Instant at, String agent, String department) {
    return apply(
        at, TicketStatus.ASSIGNED, new TicketChange.Assigned(agent, department, "routing"));
  }

  /** Opens a ticket for the given customer tier, channel and product. */
  static TicketScript open(
      TicketListener listener,
      String id,
      Instant at,
      io.loopdesk.api.CustomerTier tier,
      Channel channel,
      String product) {
    TicketScript script = new TicketScript(listener, TicketId.of(id));
    script.apply(
        at,
        TicketStatus.RECEIVED,
        new TicketChange.Opened(
            channel,
            Customer.of("c-" + id, "Wang Fang", "13800000000", "wang@example.com").withTier(tier),
            product,
            "no connection",
            "fix it",
            "restarted"));
    return script;
  }

  TicketScript start(Instant at) {
    return apply(at, TicketStatus.IN_PROGRESS, new TicketChange.Started());
  }

  TicketScript waitOnCustomer(Instant at) {
    return apply(
        at, TicketStatus.WAITING_ON_CUSTOMER, new TicketChange.WaitStarted("photo of the label"));
  }

  TicketScript waitOnThirdParty(Instant at) {
    return apply(
        at, TicketStatus.WAITING_ON_THIRD_PARTY, new TicketChange.WaitStarted("spare part"));
  }

  TicketScript resume(Instant at) {
    return apply(at, TicketStatus.IN_PROGRESS, new TicketChange.Resumed());
  }

  TicketScript resolve(Instant at) {
    return apply(at, TicketStatus.RESOLVED, new TicketChange.Resolved("replaced the power supply"));
  }

  TicketScript callback(Instant at, TicketChange.CallbackEffect effect) {
    CallbackResult result =
        CallbackResult.reached(effect == TicketChange.CallbackEffect.CONFIRMED, 5, "ok");
    TicketStatus to =
        effect == TicketChange.CallbackEffect.REOPENED
            ? TicketStatus.RECEIVED
            : TicketStatus.CALLBACK;
    return apply(
        at,
        to,
        new TicketChange.CallbackRecorded(new CallbackRecord(at, "agent-7", result), effect));
  }

  TicketScript callbackNotReached(Instant at) {
    CallbackResult result =
        CallbackResult.notReached(io.loopdesk.api.CallbackOutcome.NO_ANSWER, "no answer");
    return apply(
        at,
        TicketStatus.CALLBACK,
        new TicketChange.CallbackRecorded(
            new CallbackRecord(at, "agent-7", result), TicketChange.CallbackEffect.NOT_REACHED));
  }

  TicketScript reprioritise(Instant at, Priority priority) {
    PriorityDecision decision =
        new PriorityDecision(
            priority,
            PriorityFactors.of(Level.HIGH, Level.HIGH, Level.HIGH),
            List.of("test", "changed to " + priority));
    return apply(at, ticket.status(), new TicketChange.PriorityChanged(decision, null));
  }

  TicketScript changeDeadline(Instant at, Instant dueAt) {
    return apply(at, ticket.status(), new TicketChange.DeadlineChanged(dueAt, "delay approved"));
  }

  TicketScript reopen(Instant at) {
    return apply(at, TicketStatus.RECEIVED, new TicketChange.Reopened("problem is back"));
  }

  TicketScript close(Instant at) {
    return apply(at, TicketStatus.CLOSED, new TicketChange.Closed());
  }

  TicketScript agentReply(Instant at) {
    return apply(
        at,
        ticket.status(),
        new TicketChange.AgentReplied(io.loopdesk.api.Channel.EMAIL, "update"));
  }

  TicketScript customerReply(Instant at) {
    boolean resumes = ticket.status().equals(TicketStatus.WAITING_ON_CUSTOMER);
    return apply(
        at,
        resumes ? TicketStatus.IN_PROGRESS : ticket.status(),
        new TicketChange.CustomerReplied(io.loopdesk.api.Channel.APP, "question", resumes));
  }

  TicketScript internalNote(Instant at) {
    return apply(at, ticket.status(), new TicketChange.InternalNoteAdded("note"));
  }

  TicketId id() {
    return id;
  }

  Ticket ticket() {
    return ticket;
  }

  private TicketScript apply(Instant at, TicketStatus to, TicketChange change) {
    long version = ticket == null ? 1 : ticket.version() + 1;
    TicketStatus from = ticket == null ? null : ticket.status();
    TicketEvent event = new TicketEvent(id, version, at, AGENT, from, to, change);
    ticket = event.applyTo(ticket);
    listener.onEvent(event, ticket);
    return this;
  }
}
