package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A desk that passes every call on, for test desks that change one method (as embedders' wrappers
 * do).
 */
class ForwardingServiceDesk implements ServiceDesk {
  protected final ServiceDesk delegate;

  ForwardingServiceDesk(ServiceDesk delegate) {
    this.delegate = delegate;
  }

  @Override
  public Ticket open(NewTicket request, Actor actor) {
    return delegate.open(request, actor);
  }

  @Override
  public Ticket classify(
      TicketId id, long expectedVersion, Classification classification, Actor actor) {
    return delegate.classify(id, expectedVersion, classification, actor);
  }

  @Override
  public Ticket assign(TicketId id, long expectedVersion, Assignment assignment, Actor actor) {
    return delegate.assign(id, expectedVersion, assignment, actor);
  }

  @Override
  public Ticket start(TicketId id, long expectedVersion, Actor actor) {
    return delegate.start(id, expectedVersion, actor);
  }

  @Override
  public Ticket waitOnCustomer(TicketId id, long expectedVersion, String reason, Actor actor) {
    return delegate.waitOnCustomer(id, expectedVersion, reason, actor);
  }

  @Override
  public Ticket waitOnThirdParty(TicketId id, long expectedVersion, String reason, Actor actor) {
    return delegate.waitOnThirdParty(id, expectedVersion, reason, actor);
  }

  @Override
  public Ticket resume(TicketId id, long expectedVersion, Actor actor) {
    return delegate.resume(id, expectedVersion, actor);
  }

  @Override
  public Ticket resolve(TicketId id, long expectedVersion, String resolution, Actor actor) {
    return delegate.resolve(id, expectedVersion, resolution, actor);
  }

  @Override
  public Ticket recordCallback(
      TicketId id, long expectedVersion, CallbackResult result, Actor actor) {
    return delegate.recordCallback(id, expectedVersion, result, actor);
  }

  @Override
  public Ticket close(TicketId id, long expectedVersion, Actor actor) {
    return delegate.close(id, expectedVersion, actor);
  }

  @Override
  public Ticket reopen(TicketId id, long expectedVersion, String reason, Actor actor) {
    return delegate.reopen(id, expectedVersion, reason, actor);
  }

  @Override
  public Ticket escalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor) {
    return delegate.escalate(id, expectedVersion, escalation, actor);
  }

  @Override
  public Ticket deescalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor) {
    return delegate.deescalate(id, expectedVersion, escalation, actor);
  }

  @Override
  public Ticket reprioritise(
      TicketId id, long expectedVersion, Priority priority, String reason, Actor actor) {
    return delegate.reprioritise(id, expectedVersion, priority, reason, actor);
  }

  @Override
  public Ticket changeDeadline(
      TicketId id, long expectedVersion, Instant dueAt, String reason, Actor actor) {
    return delegate.changeDeadline(id, expectedVersion, dueAt, reason, actor);
  }

  @Override
  public Ticket perform(
      TicketId id, long expectedVersion, TicketAction action, String note, Actor actor) {
    return delegate.perform(id, expectedVersion, action, note, actor);
  }

  @Override
  public Ticket get(TicketId id) {
    return delegate.get(id);
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return delegate.find(id);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    return delegate.history(id);
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    return delegate.query(query);
  }

  @Override
  public Set<TicketAction> allowedActions(Ticket ticket) {
    return delegate.allowedActions(ticket);
  }

  @Override
  public Ticket replyToCustomer(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor) {
    return delegate.replyToCustomer(id, expectedVersion, channel, body, actor);
  }

  @Override
  public Ticket recordCustomerReply(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor) {
    return delegate.recordCustomerReply(id, expectedVersion, channel, body, actor);
  }

  @Override
  public Ticket addInternalNote(TicketId id, long expectedVersion, String body, Actor actor) {
    return delegate.addInternalNote(id, expectedVersion, body, actor);
  }
}
