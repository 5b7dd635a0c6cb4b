package io.loopdesk.store.tck;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a ticket's history one event at a time through the public api types only, the way a
 * service desk would: every step builds a {@link TicketEvent} and applies it with {@link
 * TicketEvent#applyTo(Ticket)}. The store is not involved until {@link #saveTo} or {@link
 * #saveAllTo}; the lifecycle is not enforced, so a test can build any sequence a custom lifecycle
 * might produce. Not thread-safe.
 */
public final class TicketHistory {
  private final List<TicketEvent> events = new ArrayList<>();
  private final List<Ticket> snapshots = new ArrayList<>();
  private Instant clock;
  private Duration step;
  private Actor actor;

  private TicketHistory(Instant openedAt, Duration step, Actor actor) {
    this.clock = openedAt;
    this.step = step;
    this.actor = actor;
  }

  /**
   * Starts a history with the opening event.
   *
   * @param id the ticket id
   * @param openedAt when the ticket is opened; later events follow one {@code step} apart
   * @param step the time between consecutive events, may be zero
   * @param actor who performs the steps until {@link #by} changes it
   * @param opened the opening change
   * @return the history with one event
   */
  public static TicketHistory open(
      TicketId id, Instant openedAt, Duration step, Actor actor, TicketChange.Opened opened) {
    TicketHistory history = new TicketHistory(openedAt, step, actor);
    history.append(new TicketEvent(id, 1, openedAt, actor, null, TicketStatus.RECEIVED, opened));
    return history;
  }

  /**
   * Starts a history for an ordinary phone ticket.
   *
   * @param id the ticket id
   * @param openedAt when it is opened
   * @return the history with one event
   */
  public static TicketHistory open(TicketId id, Instant openedAt) {
    return open(
        id,
        openedAt,
        Duration.ofMinutes(7).plusNanos(1),
        Samples.AGENT,
        new TicketChange.Opened(
            Channel.PHONE,
            Customer.of("C-1", "张三", "13800001111", null),
            "X9 phone",
            "电池无法充电 battery won't charge",
            "refund",
            ""));
  }

  /**
   * Sets who performs the following steps.
   *
   * @param value the actor
   * @return this history
   */
  public TicketHistory by(Actor value) {
    actor = value;
    return this;
  }

  /**
   * Sets the time between the following steps.
   *
   * @param value the step, may be zero
   * @return this history
   */
  public TicketHistory every(Duration value) {
    step = value;
    return this;
  }

  /**
   * Classifies the ticket.
   *
   * @param category the category
   * @param priority the priority decision
   * @param dueAt the deadline, or null
   * @return this history
   */
  public TicketHistory classify(Category category, PriorityDecision priority, Instant dueAt) {
    return next(TicketStatus.CLASSIFIED, new TicketChange.Classified(category, priority, dueAt));
  }

  /**
   * Assigns (or reassigns) the ticket.
   *
   * @param assignee the agent
   * @param department the department
   * @return this history
   */
  public TicketHistory assign(String assignee, String department) {
    return next(
        TicketStatus.ASSIGNED,
        new TicketChange.Assigned(assignee, department, "routing rule: " + department));
  }

  /** Starts work. */
  public TicketHistory start() {
    return next(TicketStatus.IN_PROGRESS, new TicketChange.Started());
  }

  /**
   * Waits on the customer.
   *
   * @param reason what is asked
   * @return this history
   */
  public TicketHistory waitOnCustomer(String reason) {
    return next(TicketStatus.WAITING_ON_CUSTOMER, new TicketChange.WaitStarted(reason));
  }

  /**
   * Waits on a third party.
   *
   * @param reason what is asked
   * @return this history
   */
  public TicketHistory waitOnThirdParty(String reason) {
    return next(TicketStatus.WAITING_ON_THIRD_PARTY, new TicketChange.WaitStarted(reason));
  }

  /** Resumes work after a wait. */
  public TicketHistory resume() {
    return next(TicketStatus.IN_PROGRESS, new TicketChange.Resumed());
  }

  /**
   * Resolves the ticket.
   *
   * @param resolution what was done
   * @return this history
   */
  public TicketHistory resolve(String resolution) {
    return next(TicketStatus.RESOLVED, new TicketChange.Resolved(resolution));
  }

  /**
   * Records a callback attempt with the effect a closed-loop policy would give it.
   *
   * @param agentId who called
   * @param result what the call found out
   * @param effect the effect; decides the next status
   * @return this history
   */
  public TicketHistory callback(String agentId, CallbackResult result, CallbackEffect effect) {
    TicketStatus to =
        switch (effect) {
          case CONFIRMED, NOT_REACHED -> TicketStatus.CALLBACK;
          case REOPENED -> TicketStatus.RECEIVED;
          case GAVE_UP -> TicketStatus.UNREACHABLE;
        };
    return next(
        to,
        new TicketChange.CallbackRecorded(
            new CallbackRecord(nextInstant(), agentId, result), effect));
  }

  /** Closes the ticket. */
  public TicketHistory close() {
    return next(TicketStatus.CLOSED, new TicketChange.Closed());
  }

  /**
   * Reopens the ticket.
   *
   * @param reason why
   * @return this history
   */
  public TicketHistory reopen(String reason) {
    return next(TicketStatus.RECEIVED, new TicketChange.Reopened(reason));
  }

  /**
   * Records an agent's reply to the customer; keeps the status.
   *
   * @param channel the channel
   * @param body the message
   * @return this history
   */
  public TicketHistory replyToCustomer(Channel channel, String body) {
    return next(ticket().status(), new TicketChange.AgentReplied(channel, body));
  }

  /**
   * Records a customer's reply; a reply while waiting on the customer resumes the ticket, as the
   * standard desk does.
   *
   * @param channel the channel
   * @param body the message
   * @return this history
   */
  public TicketHistory customerReply(Channel channel, String body) {
    boolean resumes = ticket().status().equals(TicketStatus.WAITING_ON_CUSTOMER);
    return next(
        resumes ? TicketStatus.IN_PROGRESS : ticket().status(),
        new TicketChange.CustomerReplied(channel, body, resumes));
  }

  /**
   * Adds an internal note; keeps the status.
   *
   * @param body the note
   * @return this history
   */
  public TicketHistory internalNote(String body) {
    return next(ticket().status(), new TicketChange.InternalNoteAdded(body));
  }

  /**
   * Performs a custom transition.
   *
   * @param action the action
   * @param note the note
   * @param to the status it leads to
   * @return this history
   */
  public TicketHistory custom(TicketAction action, String note, TicketStatus to) {
    return next(to, new TicketChange.CustomTransition(action, note));
  }

  /**
   * Appends an event built from the current ticket.
   *
   * @param to the status after the change
   * @param change the change
   * @return this history
   */
  public TicketHistory next(TicketStatus to, TicketChange change) {
    Ticket current = ticket();
    append(
        new TicketEvent(
            current.id(), current.version() + 1, advance(), actor, current.status(), to, change));
    return this;
  }

  private Instant nextInstant() {
    return clock.plus(step);
  }

  private Instant advance() {
    clock = clock.plus(step);
    return clock;
  }

  private void append(TicketEvent event) {
    Ticket before = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
    Ticket after = event.applyTo(before);
    events.add(event);
    snapshots.add(after);
  }

  /** Returns the ticket id. */
  public TicketId id() {
    return events.get(0).ticketId();
  }

  /** Returns the current ticket, the result of every event so far. */
  public Ticket ticket() {
    return snapshots.get(snapshots.size() - 1);
  }

  /** Returns the events so far, in version order. */
  public List<TicketEvent> events() {
    return List.copyOf(events);
  }

  /** Returns the ticket after each event: element {@code i} has version {@code i + 1}. */
  public List<Ticket> snapshots() {
    return List.copyOf(snapshots);
  }

  /** Returns the latest event. */
  public TicketEvent lastEvent() {
    return events.get(events.size() - 1);
  }

  /**
   * Saves the events that the store does not have yet, one save per event, oldest first.
   *
   * @param store the store
   * @param alreadySaved how many events the store already holds
   * @return the number of events the store holds afterwards
   */
  public int saveTo(TicketStore store, int alreadySaved) {
    for (int i = alreadySaved; i < events.size(); i++) {
      store.save(events.get(i), snapshots.get(i));
    }
    return events.size();
  }

  /**
   * Saves every event, one save per event.
   *
   * @param store an empty store for this ticket
   * @return the current ticket
   */
  public Ticket saveAllTo(TicketStore store) {
    saveTo(store, 0);
    return ticket();
  }
}
