package io.loopdesk.core.internal;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.DeadlinePolicy;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.GuardRejectedException;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityModel;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.ClosedLoopRule;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.Lifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard {@link ServiceDesk}. Stateless apart from its collaborators, so thread-safe when
 * they are; concurrent commands on one ticket are serialised by the store's optimistic version
 * check. Logs ticket ids, statuses and actor ids only, never personal data or free text.
 *
 * <p>With a {@link HistoryChain}, every new event is stamped with its link after the current
 * snapshot's {@link Ticket#historyHash()}; reads do not verify the chain (see {@code
 * TicketHistoryVerifier}).
 */
public final class DefaultServiceDesk implements ServiceDesk {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultServiceDesk.class);
  private static final Set<TicketAction> STANDARD_ACTIONS =
      Set.of(
          TicketAction.OPEN,
          TicketAction.CLASSIFY,
          TicketAction.ASSIGN,
          TicketAction.START,
          TicketAction.WAIT_ON_CUSTOMER,
          TicketAction.WAIT_ON_THIRD_PARTY,
          TicketAction.RESUME,
          TicketAction.RESOLVE,
          TicketAction.RECORD_CALLBACK,
          TicketAction.CLOSE,
          TicketAction.REOPEN,
          TicketAction.MARK_UNREACHABLE,
          TicketAction.ESCALATE,
          TicketAction.DEESCALATE,
          TicketAction.REPRIORITISE,
          TicketAction.CHANGE_DEADLINE,
          TicketAction.REPLY_TO_CUSTOMER,
          TicketAction.RECORD_CUSTOMER_REPLY,
          TicketAction.ADD_INTERNAL_NOTE);

  private final Clock clock;
  private final TicketStore store;
  private final Lifecycle lifecycle;
  private final ClosedLoopPolicy closedLoop;
  private final PriorityModel priorityModel;
  private final DeadlinePolicy deadlinePolicy;
  private final Supplier<TicketId> idGenerator;
  private final List<TicketListener> listeners;
  private final HistoryChain historyChain;
  private final boolean resumeOnCustomerReply;

  /** The change a command makes and the status it leads to. */
  private record Step(TicketChange change, TicketStatus to) {}

  /** Computes a command's step from the current ticket, the lifecycle's target and the instant. */
  @FunctionalInterface
  private interface StepMaker {
    Step make(Ticket current, TicketStatus target, Instant at);
  }

  /**
   * Creates the desk; use {@code ServiceDesks.builder()} instead.
   *
   * @param clock stamps events
   * @param store keeps tickets and events
   * @param lifecycle the state machine
   * @param closedLoop the callback rules
   * @param priorityModel derives priorities
   * @param deadlinePolicy derives resolution deadlines
   * @param idGenerator generates ids for new tickets
   * @param listeners called after each accepted command
   * @param historyChain chains each new event to the one before, or {@code null} to write events
   *     without a chain
   * @param resumeOnCustomerReply whether a customer's reply resumes a ticket waiting on the
   *     customer
   */
  public DefaultServiceDesk(
      Clock clock,
      TicketStore store,
      Lifecycle lifecycle,
      ClosedLoopPolicy closedLoop,
      PriorityModel priorityModel,
      DeadlinePolicy deadlinePolicy,
      Supplier<TicketId> idGenerator,
      List<TicketListener> listeners,
      HistoryChain historyChain,
      boolean resumeOnCustomerReply) {
    this.clock = clock;
    this.store = store;
    this.lifecycle = lifecycle;
    this.closedLoop = closedLoop;
    this.priorityModel = priorityModel;
    this.deadlinePolicy = deadlinePolicy;
    this.idGenerator = idGenerator;
    this.listeners = List.copyOf(listeners);
    this.historyChain = historyChain;
    this.resumeOnCustomerReply = resumeOnCustomerReply;
  }

  @Override
  public Ticket open(NewTicket request, Actor actor) {
    require("request", request);
    require("actor", actor);
    if (request.customer().form() != PersonalDataForm.CLEAR) {
      throw new ValidationException(
          "customer.form",
          request.customer().form(),
          "must be CLEAR to open a ticket: a masked or sealed customer cannot be called back");
    }
    TicketId id = request.id().orElseGet(idGenerator);
    TicketChange.Opened opened =
        new TicketChange.Opened(
            request.channel(),
            request.customer(),
            request.product(),
            request.problem(),
            request.expectation(),
            request.alreadyTried());
    TicketEvent event =
        chained(
            new TicketEvent(id, 1, clock.instant(), actor, null, TicketStatus.RECEIVED, opened),
            null);
    return commit(event, event.applyTo(null));
  }

  @Override
  public Ticket classify(
      TicketId id, long expectedVersion, Classification classification, Actor actor) {
    require("classification", classification);
    return execute(
        id,
        expectedVersion,
        TicketAction.CLASSIFY,
        actor,
        (current, target, at) -> {
          int prior = priorComplaints(current, classification.category(), at);
          PriorityDecision decision = priorityModel.assess(current, classification, prior);
          Ticket classified =
              current.toBuilder().category(classification.category()).priority(decision).build();
          Instant due = deadlinePolicy.resolutionDue(classified, at).orElse(null);
          return new Step(
              new TicketChange.Classified(classification.category(), decision, due), target);
        });
  }

  @Override
  public Ticket assign(TicketId id, long expectedVersion, Assignment assignment, Actor actor) {
    require("assignment", assignment);
    return execute(
        id,
        expectedVersion,
        TicketAction.ASSIGN,
        actor,
        (current, target, at) ->
            new Step(
                new TicketChange.Assigned(
                    assignment.assignee(), assignment.department(), assignment.reason()),
                target));
  }

  @Override
  public Ticket start(TicketId id, long expectedVersion, Actor actor) {
    return simple(id, expectedVersion, TicketAction.START, actor, new TicketChange.Started());
  }

  @Override
  public Ticket waitOnCustomer(TicketId id, long expectedVersion, String reason, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.WAIT_ON_CUSTOMER,
        actor,
        new TicketChange.WaitStarted(text("reason", reason)));
  }

  @Override
  public Ticket waitOnThirdParty(TicketId id, long expectedVersion, String reason, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.WAIT_ON_THIRD_PARTY,
        actor,
        new TicketChange.WaitStarted(text("reason", reason)));
  }

  @Override
  public Ticket resume(TicketId id, long expectedVersion, Actor actor) {
    return simple(id, expectedVersion, TicketAction.RESUME, actor, new TicketChange.Resumed());
  }

  @Override
  public Ticket resolve(TicketId id, long expectedVersion, String resolution, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.RESOLVE,
        actor,
        new TicketChange.Resolved(text("resolution", resolution)));
  }

  @Override
  public Ticket recordCallback(
      TicketId id, long expectedVersion, CallbackResult result, Actor actor) {
    require("result", result);
    return execute(
        id,
        expectedVersion,
        TicketAction.RECORD_CALLBACK,
        actor,
        (current, target, at) -> {
          CallbackRecord record = new CallbackRecord(at, actor.id(), result);
          if (result.isSatisfactory(closedLoop.minimumRating())) {
            return new Step(
                new TicketChange.CallbackRecorded(record, CallbackEffect.CONFIRMED), target);
          }
          if (result.outcome().reached()) {
            return new Step(
                new TicketChange.CallbackRecorded(record, CallbackEffect.REOPENED),
                TicketStatus.RECEIVED);
          }
          boolean exhausted =
              current.failedCallbackAttempts() + 1 >= closedLoop.maxUnreachedAttempts();
          if (exhausted
              && closedLoop.unreachablePolicy()
                  == ClosedLoopPolicy.UnreachablePolicy.MARK_UNREACHABLE) {
            return new Step(
                new TicketChange.CallbackRecorded(record, CallbackEffect.GAVE_UP),
                TicketStatus.UNREACHABLE);
          }
          return new Step(
              new TicketChange.CallbackRecorded(record, CallbackEffect.NOT_REACHED), target);
        });
  }

  @Override
  public Ticket close(TicketId id, long expectedVersion, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.CLOSE,
        actor,
        new TicketChange.Closed(TicketAction.CLOSE, ""));
  }

  @Override
  public Ticket reopen(TicketId id, long expectedVersion, String reason, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.REOPEN,
        actor,
        new TicketChange.Reopened(text("reason", reason)));
  }

  @Override
  public Ticket escalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor) {
    return moveEscalation(id, expectedVersion, escalation, actor, true);
  }

  @Override
  public Ticket deescalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor) {
    return moveEscalation(id, expectedVersion, escalation, actor, false);
  }

  private Ticket moveEscalation(
      TicketId id, long expectedVersion, Escalation escalation, Actor actor, boolean up) {
    require("escalation", escalation);
    return execute(
        id,
        expectedVersion,
        up ? TicketAction.ESCALATE : TicketAction.DEESCALATE,
        actor,
        (current, target, at) -> {
          int level = escalation.level();
          int currentLevel = current.escalationLevel();
          if (up ? level <= currentLevel : level >= currentLevel) {
            throw new ValidationException(
                "escalation.level",
                level,
                "must be " + (up ? "above" : "below") + " the current level " + currentLevel);
          }
          TicketChange change =
              up
                  ? new TicketChange.Escalated(escalation)
                  : new TicketChange.Deescalated(escalation);
          return new Step(change, target);
        });
  }

  @Override
  public Ticket reprioritise(
      TicketId id, long expectedVersion, Priority priority, String reason, Actor actor) {
    require("priority", priority);
    String why = text("reason", reason);
    return execute(
        id,
        expectedVersion,
        TicketAction.REPRIORITISE,
        actor,
        (current, target, at) -> {
          PriorityDecision previous =
              current
                  .priority()
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "priority", priority, "the ticket is not classified"));
          if (previous.priority() == priority) {
            throw new ValidationException("priority", priority, "is already the ticket's priority");
          }
          List<String> reasons = new ArrayList<>(previous.reasons());
          reasons.add(
              actor.id() + ": " + why + ", changed " + previous.priority() + " -> " + priority);
          PriorityDecision decision = new PriorityDecision(priority, previous.factors(), reasons);
          Ticket changed = current.toBuilder().priority(decision).build();
          Instant due =
              deadlinePolicy.resolutionDue(changed, at).orElse(current.dueAt().orElse(null));
          return new Step(new TicketChange.PriorityChanged(decision, due), target);
        });
  }

  @Override
  public Ticket changeDeadline(
      TicketId id, long expectedVersion, Instant dueAt, String reason, Actor actor) {
    require("dueAt", dueAt);
    return simple(
        id,
        expectedVersion,
        TicketAction.CHANGE_DEADLINE,
        actor,
        new TicketChange.DeadlineChanged(dueAt, text("reason", reason)));
  }

  @Override
  public Ticket perform(
      TicketId id, long expectedVersion, TicketAction action, String note, Actor actor) {
    require("action", action);
    if (STANDARD_ACTIONS.contains(action)) {
      throw new ValidationException("action", action, "is a standard action; call its own method");
    }
    String checkedNote = note == null ? "" : note;
    if (checkedNote.length() > Ticket.MAX_NOTE_LENGTH) {
      throw ValidationException.tooLong("note", checkedNote.length(), Ticket.MAX_NOTE_LENGTH);
    }
    return execute(
        id,
        expectedVersion,
        action,
        actor,
        (current, target, at) ->
            new Step(
                lifecycle.isClosing(target)
                    ? new TicketChange.Closed(action, checkedNote)
                    : new TicketChange.CustomTransition(
                        action, checkedNote, ClosedLoopRule.voidsCallback(lifecycle, target)),
                target));
  }

  @Override
  public Ticket replyToCustomer(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor) {
    TicketChange change =
        new TicketChange.AgentReplied(
            TicketChange.Communication.requireChannel(channel), body(body));
    return simple(id, expectedVersion, TicketAction.REPLY_TO_CUSTOMER, actor, change);
  }

  @Override
  public Ticket recordCustomerReply(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor) {
    TicketChange.Communication.requireChannel(channel);
    String checked = body(body);
    return execute(
        id,
        expectedVersion,
        TicketAction.RECORD_CUSTOMER_REPLY,
        actor,
        (current, target, at) -> {
          Optional<TicketStatus> resumed = resumeTarget(current, actor);
          return new Step(
              new TicketChange.CustomerReplied(channel, checked, resumed.isPresent()),
              resumed.orElse(target));
        });
  }

  /**
   * The status a customer's reply resumes the ticket to: only while it waits on the customer, when
   * configured, and when the lifecycle allows {@code RESUME} there and none of its guards rejects
   * it.
   */
  private Optional<TicketStatus> resumeTarget(Ticket current, Actor actor) {
    if (!resumeOnCustomerReply || !current.status().equals(TicketStatus.WAITING_ON_CUSTOMER)) {
      return Optional.empty();
    }
    Optional<TicketStatus> target = lifecycle.target(current.status(), TicketAction.RESUME);
    if (target.isEmpty() || lifecycle.isClosing(target.get())) {
      return Optional.empty();
    }
    for (Lifecycle.NamedGuard guard : lifecycle.guards()) {
      if (guard.guard().check(current, TicketAction.RESUME, target.get(), actor).isPresent()) {
        return Optional.empty();
      }
    }
    return target;
  }

  @Override
  public Ticket addInternalNote(TicketId id, long expectedVersion, String body, Actor actor) {
    return simple(
        id,
        expectedVersion,
        TicketAction.ADD_INTERNAL_NOTE,
        actor,
        new TicketChange.InternalNoteAdded(body(body)));
  }

  @Override
  public Ticket get(TicketId id) {
    return find(id).orElseThrow(() -> new TicketNotFoundException(id));
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return store.find(require("id", id));
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    return store.events(require("id", id));
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    return store.query(require("query", query));
  }

  @Override
  public Set<TicketAction> allowedActions(Ticket ticket) {
    return lifecycle.allowedActions(require("ticket", ticket).status());
  }

  private Ticket simple(
      TicketId id, long expectedVersion, TicketAction action, Actor actor, TicketChange change) {
    return execute(
        id, expectedVersion, action, actor, (current, target, at) -> new Step(change, target));
  }

  private Ticket execute(
      TicketId id, long expectedVersion, TicketAction action, Actor actor, StepMaker maker) {
    require("id", id);
    require("actor", actor);
    Ticket current =
        store
            .findForCommand(id, expectedVersion)
            .orElseThrow(() -> new TicketNotFoundException(id));
    TicketEvent event;
    try {
      event = decide(current, expectedVersion, action, actor, maker);
    } catch (LoopdeskException rejection) {
      Ticket stored = store.find(id).orElseThrow(() -> new TicketNotFoundException(id));
      if (stored.equals(current)) {
        throw rejection;
      }
      current = stored;
      event = decide(current, expectedVersion, action, actor, maker);
    }
    return commit(event, event.applyTo(current));
  }

  /**
   * Checks a command against the ticket it expects and returns the event it produces.
   *
   * @throws LoopdeskException if the version is stale or the lifecycle, a guard or the closed loop
   *     rejects the command
   */
  private TicketEvent decide(
      Ticket current, long expectedVersion, TicketAction action, Actor actor, StepMaker maker) {
    TicketId id = current.id();
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, current.version());
    }
    TicketStatus target =
        lifecycle
            .target(current.status(), action)
            .orElseThrow(
                () ->
                    new IllegalTransitionException(
                        id, current.status(), action, lifecycle.allowedActions(current.status())));
    for (Lifecycle.NamedGuard guard : lifecycle.guards()) {
      Optional<String> rejection = guard.guard().check(current, action, target, actor);
      if (rejection.isPresent()) {
        throw new GuardRejectedException(id, action, guard.name(), rejection.get());
      }
    }
    Instant now = clock.instant();
    Instant at = now.isBefore(current.updatedAt()) ? current.updatedAt() : now;
    Step step = maker.make(current, target, at);
    if (lifecycle.isClosing(step.to())) {
      ClosedLoopRule.requireConfirmedCallback(current, closedLoop);
    }
    return chained(
        new TicketEvent(
            id, current.version() + 1, at, actor, current.status(), step.to(), step.change()),
        current.historyHash().orElse(null));
  }

  private TicketEvent chained(TicketEvent event, String previous) {
    return historyChain == null ? event : historyChain.stamp(event, previous);
  }

  private Ticket commit(TicketEvent event, Ticket after) {
    store.save(event, after);
    LOG.debug(
        "ticket {} v{} {} -> {} by {} ({})",
        after.id(),
        after.version(),
        event.from(),
        event.to(),
        event.actor().id(),
        event.change().getClass().getSimpleName());
    for (TicketListener listener : listeners) {
      try {
        listener.onEvent(event, after);
      } catch (RuntimeException e) {
        LOG.warn(
            "listener {} failed on ticket {} v{}",
            listener.getClass().getName(),
            after.id(),
            after.version(),
            e);
      }
    }
    return after;
  }

  private int priorComplaints(Ticket current, Category category, Instant at) {
    if (!category.equals(Category.COMPLAINT)) {
      return 0;
    }
    TicketQuery query =
        TicketQuery.builder()
            .customerId(current.customer().customerId())
            .category(Category.COMPLAINT)
            .createdFrom(at.minus(priorityModel.complaintLookBack()))
            .limit(TicketQuery.MAX_LIMIT)
            .build();
    return (int)
        store.query(query).items().stream().filter(t -> !t.id().equals(current.id())).count();
  }

  private static String text(String field, String value) {
    require(field, value);
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank");
    }
    if (value.length() > Ticket.MAX_NOTE_LENGTH) {
      throw ValidationException.tooLong(field, value.length(), Ticket.MAX_NOTE_LENGTH);
    }
    return value;
  }

  private static String body(String value) {
    return TicketChange.Communication.requireBody("body", value);
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }
}
