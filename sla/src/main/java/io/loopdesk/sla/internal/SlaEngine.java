package io.loopdesk.sla.internal;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.PolicySelection;
import io.loopdesk.sla.SlaAuditEntry;
import io.loopdesk.sla.SlaClockState;
import io.loopdesk.sla.SlaContracts;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaPolicyException;
import io.loopdesk.sla.SlaStatus;
import io.loopdesk.sla.SlaSubject;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.TicketSla;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The SLA state machine and deadline queue behind {@code SlaTracker}. Not thread-safe by itself:
 * the tracker calls it under one lock and dispatches the returned events and actions outside that
 * lock.
 *
 * <p>Each running clock has exactly one live checkpoint in a binary heap ordered by instant: its
 * next warning threshold or its breach. A paused clock has one only while a new target has left
 * levels behind it (they are reported at the next tick, at the instants they were reached). A tick
 * pops only checkpoints that are due, so its cost is O((due + stale) log n) and does not depend on
 * the number of open tickets. A state change (pause, resume, met, re-prioritisation) bumps the
 * clock's generation and queues a fresh checkpoint; the old one becomes stale and is dropped when
 * it surfaces, or in a purge whenever the queue has doubled since the last purge (amortised O(1)
 * per change), so churn cannot make the queue grow without bound.
 */
public final class SlaEngine {

  /** The clocks a resolution meets and a reopen resumes. */
  private static final List<SlaMetric> UNTIL_RESOLVED =
      List.of(SlaMetric.RESOLUTION, SlaMetric.AGENT_WORK_TIME, SlaMetric.REQUESTER_WAIT_TIME);

  private final SlaContracts contracts;
  private final CalendarRegistry calendars;
  private final EscalationPolicy escalation;
  private final double[] levels;
  private final Map<TicketId, TicketClocks> tickets = new HashMap<>();
  private final PriorityQueue<Checkpoint> queue = new PriorityQueue<>();

  /** Escalations held until their recipient's calendar opens, by release instant then arrival. */
  private final PriorityQueue<HeldAction> held = new PriorityQueue<>();

  private long heldSequence;

  /**
   * Queue size after the last compaction; stale checkpoints are purged when the queue doubles past
   * it.
   */
  private int compactedSize;

  /**
   * Creates an engine.
   *
   * @throws SlaPolicyException when a target names a calendar the registry does not have
   */
  public SlaEngine(SlaPolicy policy, CalendarRegistry calendars, EscalationPolicy escalation) {
    this(SlaContracts.single(policy), calendars, escalation);
  }

  /**
   * Creates an engine that chooses each ticket's policy with {@code contracts}.
   *
   * @throws SlaPolicyException when a target of any policy names a calendar the registry does not
   *     have
   */
  public SlaEngine(
      SlaContracts contracts, CalendarRegistry calendars, EscalationPolicy escalation) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    contracts.policies().values().forEach(p -> names.addAll(p.calendarNames()));
    for (String name : names) {
      if (calendars.find(name).isEmpty()) {
        throw new SlaPolicyException(
            "calendarName",
            name,
            "a target refers to a calendar that is not registered; registered: "
                + calendars.names());
      }
      BusinessCalendar calendar = calendars.get(name);
      if (java.util.Arrays.stream(java.time.DayOfWeek.values())
          .allMatch(d -> calendar.weeklyHours(d).isEmpty())) {
        throw new SlaPolicyException(
            "calendarName",
            name,
            "the calendar has no weekly working time, so deadlines on it would run out of working time");
      }
    }
    for (String name : escalation.recipientHours().calendars().values()) {
      if (calendars.find(name).isEmpty()) {
        throw new SlaPolicyException(
            "recipientHours.calendars",
            name,
            "a recipient calendar that is not registered; registered: " + calendars.names());
      }
    }
    this.contracts = contracts;
    this.calendars = calendars;
    this.escalation = escalation;
    List<Double> thresholds = contracts.policy(contracts.defaultPolicyName()).warningThresholds();
    this.levels = new double[thresholds.size() + 1];
    for (int i = 0; i < thresholds.size(); i++) {
      levels[i] = thresholds.get(i);
    }
    levels[thresholds.size()] = 1.0;
  }

  /**
   * What a call produced: SLA events and escalation actions to dispatch after the lock is released,
   * and for each event (same index) its checkpoint key: the same text on every instance that
   * applies the same ticket events, so that instances sharing a feed can claim each event once.
   */
  public record Output(
      List<SlaEvent> events,
      List<String> keys,
      List<EscalationAction> actions,
      List<EscalationAction> released,
      List<String> releasedKeys) {

    /** An output without held actions released. */
    public Output(List<SlaEvent> events, List<String> keys, List<EscalationAction> actions) {
      this(events, keys, actions, new ArrayList<>(0), new ArrayList<>(0));
    }

    static Output empty() {
      return new Output(new ArrayList<>(0), new ArrayList<>(0), new ArrayList<>(0));
    }

    /** An empty output to collect several calls' outputs in. */
    public static Output collector() {
      return empty();
    }

    /** Appends another output's events, keys and actions. */
    public void addAll(Output other) {
      events.addAll(other.events);
      keys.addAll(other.keys);
      actions.addAll(other.actions);
      released.addAll(other.released);
      releasedKeys.addAll(other.releasedKeys);
    }

    /** Empties every list. */
    public void clear() {
      events.clear();
      keys.clear();
      actions.clear();
      released.clear();
      releasedKeys.clear();
    }
  }

  /** Applies one accepted ticket event. */
  public Output onEvent(TicketEvent event, Ticket after) {
    Output out = Output.empty();
    TicketClocks t = tickets.get(event.ticketId());
    if (t == null) {
      t = bootstrap(event, after);
    }
    Instant at = event.at();
    TicketChange change = event.change();
    if (change instanceof TicketChange.Opened opened) {
      select(
          t,
          new SlaSubject(
              opened.customer() == null ? null : opened.customer().customerId(),
              opened.customer() == null ? null : opened.customer().tier(),
              opened.channel(),
              opened.product(),
              null),
          at,
          "POLICY_SELECTED",
          out);
    } else if (change instanceof TicketChange.Assigned assigned) {
      assignTeam(t, assigned.department(), at, out);
    } else if (change instanceof TicketChange.Classified classified) {
      classify(t, classified.priority().priority(), classified.category(), at, out);
    } else if (change instanceof TicketChange.Started
        || change instanceof TicketChange.WaitStarted) {
      respond(t, at, out);
    } else if (change instanceof TicketChange.AgentReplied) {
      agentReplied(t, at, out);
    } else if (change instanceof TicketChange.CustomerReplied) {
      customerReplied(t, at);
    } else if (change instanceof TicketChange.Resolved) {
      respond(t, at, out);
      for (SlaMetric metric : UNTIL_RESOLVED) {
        meet(t, metric, at, out);
      }
      meet(t, SlaMetric.PERIODIC_UPDATE, at, out);
      meet(t, SlaMetric.OLA, at, out);
      t.resolved = true;
      startCallbackClock(t, at);
    } else if (change instanceof TicketChange.CallbackRecorded recorded) {
      meet(t, SlaMetric.CALLBACK, at, out);
      if (recorded.effect() == TicketChange.CallbackEffect.REOPENED) {
        reopen(t, at, out);
      }
    } else if (change instanceof TicketChange.PriorityChanged changed) {
      Category category =
          t.category != null ? t.category : after == null ? null : after.category().orElse(null);
      classify(t, changed.priority().priority(), category, at, out);
    } else if (change instanceof TicketChange.DeadlineChanged changed) {
      moveResolutionDeadline(t, changed.dueAt(), at, out);
    } else if (change instanceof TicketChange.Reopened) {
      reopen(t, at, out);
    } else if (change instanceof TicketChange.Closed) {
      for (MetricClock clock : t.clocks.values()) {
        catchUp(clock, at, out);
        clock.stop(at);
      }
    }
    for (MetricClock clock : t.clocks.values()) {
      boolean pause = pauses(t, clock.metric, event.to());
      if (pause && clock.state == SlaClockState.RUNNING) {
        catchUp(clock, at, out);
        clock.pause(at);
      } else if (!pause && clock.state == SlaClockState.PAUSED) {
        clock.resume(at);
        schedule(clock);
      }
    }
    t.status = event.to();
    return out;
  }

  /**
   * Whether a clock of the metric pauses in the status: next reply never; requester wait time only
   * while waiting on the customer; agent work time also while waiting on a third party; the others
   * in the policy's pausing statuses. A closed ticket's clocks are stopped, not paused.
   */
  private static boolean pauses(TicketClocks t, SlaMetric metric, TicketStatus status) {
    SlaPolicy policy = t.policy;
    if (status == null || status.equals(TicketStatus.CLOSED)) {
      return false;
    }
    return switch (metric) {
      case NEXT_REPLY -> false;
      case REQUESTER_WAIT_TIME -> status.equals(TicketStatus.WAITING_ON_CUSTOMER);
      case AGENT_WORK_TIME ->
          status.equals(TicketStatus.WAITING_ON_CUSTOMER)
              || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)
              || policy.pausingStatuses().contains(status);
      default -> policy.pausingStatuses().contains(status);
    };
  }

  /** An agent reply: a response, the answer to pending customer messages, and a progress update. */
  private void agentReplied(TicketClocks t, Instant at, Output out) {
    respond(t, at, out);
    meet(t, SlaMetric.NEXT_REPLY, at, out);
    t.unansweredSince = null;
    t.lastAgentReply = at;
    if (!t.resolved && t.priority != null) {
      meet(t, SlaMetric.PERIODIC_UPDATE, at, out);
      startCycle(t, SlaMetric.PERIODIC_UPDATE, at);
    }
  }

  /** A customer reply: starts a next-reply cycle unless an earlier message is still unanswered. */
  private void customerReplied(TicketClocks t, Instant at) {
    if (t.unansweredSince != null) {
      return;
    }
    t.unansweredSince = at;
    if (t.priority != null) {
      startCycle(t, SlaMetric.NEXT_REPLY, at);
    }
  }

  /** Emits every warning and breach due at or before {@code now}. */
  public Output tick(Instant now) {
    Output out = Output.empty();
    while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
      Checkpoint checkpoint = queue.poll();
      MetricClock clock = checkpoint.clock();
      if (isStale(checkpoint)) {
        continue;
      }
      fire(clock, checkpoint.at(), out);
      schedule(clock);
    }
    while (!held.isEmpty() && !held.peek().releaseAt().isAfter(now)) {
      HeldAction release = held.poll();
      if (tickets.containsKey(release.action().ticketId())) {
        out.released().add(release.action());
        out.releasedKeys().add(release.key());
      }
    }
    return out;
  }

  /** An escalation held until {@code releaseAt}; {@code key} is the same on every instance. */
  private record HeldAction(Instant releaseAt, long sequence, EscalationAction action, String key)
      implements Comparable<HeldAction> {
    @Override
    public int compareTo(HeldAction other) {
      int byInstant = releaseAt.compareTo(other.releaseAt);
      return byInstant != 0 ? byInstant : Long.compare(sequence, other.sequence);
    }
  }

  /**
   * Carries out the policy's actions for an event now, or holds those whose recipient's calendar is
   * closed at the event's instant (see {@link io.loopdesk.sla.RecipientHours}) until it opens.
   */
  private void escalate(MetricClock clock, SlaEvent event, String eventKey, Output out) {
    io.loopdesk.sla.RecipientHours hours = escalation.recipientHours();
    for (EscalationAction action : escalation.actionsFor(event)) {
      Optional<String> calendarName = hours.calendarOf(action.kind());
      if (calendarName.isEmpty() || isRoundTheClock(clock.calendar)) {
        out.actions().add(action);
        continue;
      }
      BusinessCalendar recipient = calendars.get(calendarName.get());
      if (recipient.isWorkingTime(event.at())) {
        out.actions().add(action);
        continue;
      }
      Instant releaseAt = recipient.nextWorkingInstant(event.at());
      held.add(
          new HeldAction(releaseAt, heldSequence++, action, "H" + action.kind() + "|" + eventKey));
      clock.ticket.audit.add(
          new SlaAuditEntry(
              event.at(),
              clock.ticket.id,
              "ESCALATION_HELD",
              action.kind()
                  + " after "
                  + describe(event)
                  + " held until "
                  + releaseAt
                  + " (calendar "
                  + calendarName.get()
                  + ")"));
    }
  }

  /** Whether a calendar is open at every instant of every week (no closed hour, no holiday). */
  private static boolean isRoundTheClock(BusinessCalendar calendar) {
    if (!calendar.overrides().isEmpty() || calendar.publicHolidays().isPresent()) {
      return false;
    }
    for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
      List<io.loopdesk.sla.calendar.WorkingInterval> hours = calendar.weeklyHours(day);
      if (hours.size() != 1
          || !hours.get(0).start().equals(java.time.LocalTime.MIDNIGHT)
          || hours.get(0).length().toHours() < 24) {
        return false;
      }
    }
    return true;
  }

  /** Emits the clock's next level (warning or breach) as crossed at {@code at}. */
  private void fire(MetricClock clock, Instant at, Output out) {
    int level = clock.nextLevel;
    SlaEvent event;
    if (level < levels.length - 1) {
      clock.highestWarning = levels[level];
      event =
          new SlaEvent.Warned(
              clock.ticket.id, clock.metric, levels[level], at, clock.target, clock.team);
    } else {
      clock.breached = true;
      clock.breachedAt = at;
      event = new SlaEvent.Breached(clock.ticket.id, clock.metric, at, clock.target, clock.team);
    }
    clock.nextLevel++;
    String key = key(clock, level < levels.length - 1 ? "W" + levels[level] : "B");
    emit(clock.ticket, event, key, out);
    escalate(clock, event, key, out);
  }

  /**
   * Before a running clock changes (pause, stop, new target) at {@code at}, emits the levels it
   * reached at or before {@code at} that no tick has reported yet, with their exact instants (as a
   * tick at {@code at} would). So a breach is never lost or misdated because the host ticked
   * rarely.
   */
  private void catchUp(MetricClock clock, Instant at, Output out) {
    catchUp(clock, at, true, out);
  }

  /**
   * As {@link #catchUp(MetricClock, Instant, Output)}; with {@code inclusive} false a level reached
   * exactly at {@code at} is not emitted (a clock met exactly at its deadline is met in time).
   */
  private void catchUp(MetricClock clock, Instant at, boolean inclusive, Output out) {
    while (isOpen(clock) && clock.nextLevel < levels.length) {
      Optional<Instant> due = clock.reachedAt(levels[clock.nextLevel]);
      if (due.isEmpty() || (inclusive ? due.get().isAfter(at) : !due.get().isBefore(at))) {
        return;
      }
      fire(clock, due.get(), out);
    }
  }

  /** Records the outcome of an escalation action in the ticket's audit trail. */
  public void recordAction(EscalationAction action, Instant at, RuntimeException failure) {
    TicketClocks t = tickets.get(action.ticketId());
    if (t == null) {
      return;
    }
    String detail = action.kind() + " after " + describe(action.cause());
    t.audit.add(
        failure == null
            ? new SlaAuditEntry(at, t.id, "ESCALATED", detail)
            : new SlaAuditEntry(at, t.id, "ESCALATION_FAILED", detail + ": " + failure));
  }

  /** The SLA clocks of a ticket as of {@code now}. */
  public Optional<TicketSla> status(TicketId id, Instant now) {
    TicketClocks t = tickets.get(id);
    if (t == null) {
      return Optional.empty();
    }
    Map<SlaMetric, SlaStatus> result = new EnumMap<>(SlaMetric.class);
    t.clocks.forEach((metric, clock) -> result.put(metric, clock.snapshot(now)));
    return Optional.of(new TicketSla(id, result, t.team, t.selection));
  }

  /** The audit trail of a ticket. */
  public List<SlaAuditEntry> auditTrail(TicketId id) {
    TicketClocks t = tickets.get(id);
    return t == null ? List.of() : List.copyOf(t.audit);
  }

  /** Drops a ticket's state (e.g. after archiving a closed ticket). */
  public boolean forget(TicketId id) {
    TicketClocks t = tickets.remove(id);
    if (t == null) {
      return false;
    }
    t.clocks.values().forEach(clock -> clock.generation++);
    return true;
  }

  /** Number of tracked tickets. */
  public int trackedTickets() {
    return tickets.size();
  }

  /** Number of queued checkpoints, including stale ones not yet surfaced. */
  public int queuedCheckpoints() {
    return queue.size() + held.size();
  }

  /** The earliest queued checkpoint, if any (may be stale). */
  public Optional<Instant> nextCheckpoint() {
    Checkpoint head = queue.peek();
    HeldAction release = held.peek();
    if (head == null || release == null) {
      return head != null
          ? Optional.of(head.at())
          : release != null ? Optional.of(release.releaseAt()) : Optional.empty();
    }
    return Optional.of(head.at().isBefore(release.releaseAt()) ? head.at() : release.releaseAt());
  }

  /**
   * The resolution deadline a ticket would get if classified with {@code priority} and {@code
   * category} now: the clock's original start plus the target, counting only running time (pauses
   * extend it).
   */
  public Optional<Instant> resolutionDue(
      Ticket ticket, Priority priority, Category category, Instant at) {
    TicketClocks t = tickets.get(ticket.id());
    SlaPolicy policy =
        t != null
            ? t.policy
            : contracts.policy(contracts.select(SlaSubject.of(ticket)).policyName());
    Optional<SlaTarget> target = policy.target(SlaMetric.RESOLUTION, priority, category);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    BusinessCalendar calendar = calendars.get(target.get().calendarName());
    MetricClock clock = t == null ? null : t.clocks.get(SlaMetric.RESOLUTION);
    if (clock == null || clock.state == SlaClockState.STOPPED) {
      return Optional.of(calendar.add(ticket.createdAt(), target.get().duration()));
    }
    Duration counted = clock.closedElapsedOn(calendar);
    Instant from = clock.state == SlaClockState.RUNNING ? clock.runningSince : at;
    Duration toGo = target.get().duration().minus(counted);
    return Optional.of(toGo.isNegative() || toGo.isZero() ? from : calendar.add(from, toGo));
  }

  private TicketClocks bootstrap(TicketEvent event, Ticket after) {
    Instant createdAt = after == null ? event.at() : after.createdAt();
    TicketClocks t = new TicketClocks(event.ticketId(), createdAt);
    tickets.put(t.id, t);
    if (event.change() instanceof TicketChange.Opened) {
      // the opening event itself chooses the policy (onEvent)
      return t;
    }
    // a tracker joining mid-stream learns the subject from the ticket, so that a later tier or
    // contract change keeps its customer, channel and product
    SlaSubject subject = after == null ? SlaSubject.UNKNOWN : SlaSubject.of(after);
    PolicySelection selection = contracts.select(subject);
    t.subject = subject;
    t.selection = selection;
    t.policy = contracts.policy(selection.policyName());
    if (after != null && !(event.change() instanceof TicketChange.Assigned)) {
      // joined mid-stream: the team holds the ticket from this event on (its assignment instant is
      // unknown)
      t.team = after.department().orElse(null);
      t.teamSince = event.at();
    }
    if (after != null && !(event.change() instanceof TicketChange.Classified)) {
      // joined mid-stream: start the clocks at creation as if never paused until this event; the
      // event's own transition then pauses them if the ticket is (still) waiting
      Optional<PriorityDecision> priority = after.priority();
      if (priority.isPresent()) {
        classify(
            t,
            priority.get().priority(),
            after.category().orElse(null),
            event.at(),
            Output.empty());
      }
    }
    return t;
  }

  private void classify(
      TicketClocks t, Priority priority, Category category, Instant at, Output out) {
    t.priority = priority;
    t.category = category;
    for (SlaMetric metric : SlaMetric.values()) {
      if (metric == SlaMetric.OLA) {
        retargetOla(t, at, out);
        continue;
      }
      Optional<SlaTarget> target = t.policy.target(metric, priority, category);
      MetricClock clock = t.clocks.get(metric);
      if (clock != null) {
        if (clock.state == SlaClockState.STOPPED || clock.state == SlaClockState.MET) {
          continue;
        }
        catchUp(clock, at, out);
        if (target.isEmpty()) {
          clock.stop(at);
          continue;
        }
        clock.retarget(target.get(), calendars.get(target.get().calendarName()));
        schedule(clock);
      } else if (target.isPresent() && startsOnClassification(t, metric)) {
        Instant start =
            metric == SlaMetric.NEXT_REPLY
                ? t.unansweredSince
                : metric == SlaMetric.PERIODIC_UPDATE && t.lastAgentReply != null
                    ? t.lastAgentReply
                    : t.createdAt;
        clock =
            new MetricClock(
                t, metric, target.get(), calendars.get(target.get().calendarName()), start);
        t.clocks.put(metric, clock);
        if (pauses(t, metric, t.status)) {
          clock.pause(at);
        }
        schedule(clock);
      }
    }
  }

  /**
   * Which clocks the first classification starts: first response unless already responded,
   * resolution, agent work and requester wait time, a periodic update unless resolved, a next reply
   * while a customer message is unanswered; never the callback clock (it starts at the resolution).
   */
  private static boolean startsOnClassification(TicketClocks t, SlaMetric metric) {
    return switch (metric) {
      case CALLBACK -> false;
      case FIRST_RESPONSE -> !t.responded;
      case NEXT_REPLY -> t.unansweredSince != null;
      case PERIODIC_UPDATE -> !t.resolved;
      default -> true;
    };
  }

  /**
   * An explicit deadline change (e.g. an approved delay request) resizes the resolution target so
   * that the clock, if it keeps running, reaches it exactly at {@code dueAt}; later pauses still
   * extend it, and a later re-prioritisation recomputes the target from the policy. A deadline at
   * or before the current elapsed time leaves a one-nanosecond target beyond it, reported as
   * breached at the next tick.
   */
  private void moveResolutionDeadline(TicketClocks t, Instant dueAt, Instant at, Output out) {
    MetricClock clock = t.clocks.get(SlaMetric.RESOLUTION);
    if (clock == null
        || dueAt == null
        || (clock.state != SlaClockState.RUNNING && clock.state != SlaClockState.PAUSED)) {
      return;
    }
    catchUp(clock, at, out);
    Instant from = clock.state == SlaClockState.RUNNING ? clock.runningSince : at;
    Duration counted = clock.elapsed(from);
    Duration more = dueAt.isAfter(from) ? clock.calendar.between(from, dueAt) : Duration.ZERO;
    Duration total = counted.plus(more);
    if (total.isZero() || total.isNegative()) {
      total = Duration.ofNanos(1);
    }
    clock.retarget(new SlaTarget(total, clock.target.calendarName()), clock.calendar);
    schedule(clock);
  }

  /**
   * Chooses the ticket's policy for {@code subject}; when it changes the policy of a classified
   * ticket, every open clock is re-evaluated as a re-prioritisation does (new targets from the
   * original starts, levels already emitted kept). Audited with the rule that chose and why.
   */
  private void select(
      TicketClocks t, SlaSubject subject, Instant at, String auditKind, Output out) {
    PolicySelection selection = contracts.select(subject);
    SlaPolicy policy = contracts.policy(selection.policyName());
    boolean changed = policy != t.policy;
    t.subject = subject;
    t.selection = selection;
    t.policy = policy;
    if (!contracts.rules().isEmpty() || !"POLICY_SELECTED".equals(auditKind)) {
      // with a single policy there is nothing to choose, so only explicit changes are audited
      t.audit.add(new SlaAuditEntry(at, t.id, auditKind, selection.reason()));
    }
    if (changed && t.priority != null) {
      classify(t, t.priority, t.category, at, out);
    } else if (changed) {
      retargetOla(t, at, out);
    }
  }

  /**
   * A contract change (tier upgraded, contract signed or ended): chooses the policy again for the
   * ticket's subject with the new tier and contract, and re-evaluates open clocks when the policy
   * changes. Returns the selection, empty when the ticket is not tracked.
   */
  public Optional<PolicySelection> changeSubject(
      TicketId id, java.util.function.UnaryOperator<SlaSubject> change, Instant at, Output out) {
    TicketClocks t = tickets.get(id);
    if (t == null) {
      return Optional.empty();
    }
    SlaSubject before = t.subject == null ? SlaSubject.UNKNOWN : t.subject;
    select(t, change.apply(before), at, "POLICY_CHANGED", out);
    return Optional.of(t.selection);
  }

  /** An assignment: a change of team meets the old team's OLA clock and starts the new team's. */
  private void assignTeam(TicketClocks t, String team, Instant at, Output out) {
    if (java.util.Objects.equals(team, t.team)) {
      return;
    }
    meet(t, SlaMetric.OLA, at, out);
    t.team = team;
    t.teamSince = at;
    startOla(t, at);
  }

  /**
   * Starts a new OLA cycle for the ticket's team at {@code at} (dropping the previous, already
   * reported clock).
   */
  private void startOla(TicketClocks t, Instant at) {
    MetricClock previous = t.clocks.remove(SlaMetric.OLA);
    if (previous != null) {
      previous.generation++;
    }
    Optional<SlaTarget> target = t.policy.olaTarget(t.team, t.priority);
    if (target.isPresent() && !t.resolved) {
      MetricClock clock =
          new MetricClock(
              t,
              SlaMetric.OLA,
              target.get(),
              calendars.get(target.get().calendarName()),
              at,
              t.team);
      clock.cycle = t.olaCycles++;
      t.clocks.put(SlaMetric.OLA, clock);
      if (pauses(t, SlaMetric.OLA, t.status)) {
        clock.pause(at);
      }
      schedule(clock);
    }
  }

  /**
   * After a change of priority or policy: the team's open OLA clock gets its new target from its
   * start (or stops when the team has none any more); a team without a clock gets one from its
   * assignment when it now has a target.
   */
  private void retargetOla(TicketClocks t, Instant at, Output out) {
    MetricClock clock = t.clocks.get(SlaMetric.OLA);
    Optional<SlaTarget> target = t.policy.olaTarget(t.team, t.priority);
    if (clock != null) {
      if (!isOpen(clock)) {
        return;
      }
      catchUp(clock, at, out);
      if (target.isEmpty()) {
        clock.stop(at);
        return;
      }
      clock.retarget(target.get(), calendars.get(target.get().calendarName()));
      schedule(clock);
    } else if (target.isPresent() && t.team != null && !t.resolved) {
      // from the assignment; startOla pauses it there when the ticket waits now
      startOla(t, t.teamSince);
    }
  }

  private void respond(TicketClocks t, Instant at, Output out) {
    if (!t.responded) {
      t.responded = true;
      meet(t, SlaMetric.FIRST_RESPONSE, at, out);
    }
  }

  private void meet(TicketClocks t, SlaMetric metric, Instant at, Output out) {
    MetricClock clock = t.clocks.get(metric);
    if (clock != null) {
      catchUp(clock, at, false, out);
    }
    if (clock != null && clock.meet(at)) {
      emit(
          t,
          new SlaEvent.Met(t.id, metric, at, !clock.breached, clock.team),
          key(clock, "M" + at),
          out);
    }
  }

  private void startCallbackClock(TicketClocks t, Instant at) {
    startCycle(t, SlaMetric.CALLBACK, at);
  }

  /**
   * Replaces the metric's clock with a new one starting at {@code at} (a new callback, next-reply
   * or periodic-update cycle), or just drops the old one when the policy has no target. The old
   * clock's outcome was reported before.
   */
  private void startCycle(TicketClocks t, SlaMetric metric, Instant at) {
    Optional<SlaTarget> target = t.policy.target(metric, t.priority, t.category);
    MetricClock previous = t.clocks.remove(metric);
    if (previous != null) {
      previous.generation++;
    }
    if (target.isPresent()) {
      MetricClock clock =
          new MetricClock(t, metric, target.get(), calendars.get(target.get().calendarName()), at);
      clock.cycle = previous == null ? 0 : previous.cycle + 1;
      t.clocks.put(metric, clock);
      schedule(clock);
    }
  }

  private void reopen(TicketClocks t, Instant at, Output out) {
    for (SlaMetric metric : UNTIL_RESOLVED) {
      MetricClock clock = t.clocks.get(metric);
      if (clock != null && clock.state == SlaClockState.MET) {
        clock.resume(at);
        schedule(clock);
      }
    }
    if (t.resolved && t.priority != null) {
      startCycle(t, SlaMetric.PERIODIC_UPDATE, at);
    }
    t.resolved = false;
    if (t.team != null) {
      t.teamSince = at;
      startOla(t, at);
    }
    MetricClock callback = t.clocks.get(SlaMetric.CALLBACK);
    if (callback != null) {
      catchUp(callback, at, out);
      callback.stop(at);
    }
  }

  /**
   * Queues the clock's next level: where a running clock will reach it, or, for a paused clock
   * whose new target is already behind it, where it was reached (so the next tick reports it).
   */
  private void schedule(MetricClock clock) {
    if (!isOpen(clock) || clock.nextLevel >= levels.length) {
      return;
    }
    Optional<Instant> due = clock.reachedAt(levels[clock.nextLevel]);
    if (due.isEmpty()) {
      return;
    }
    queue.add(new Checkpoint(due.get(), clock, clock.generation, clock.nextLevel));
    if (queue.size() > 2 * compactedSize + 1024) {
      queue.removeIf(SlaEngine::isStale);
      compactedSize = queue.size();
    }
  }

  private static boolean isStale(Checkpoint checkpoint) {
    MetricClock clock = checkpoint.clock();
    return checkpoint.generation() != clock.generation
        || !isOpen(clock)
        || checkpoint.level() != clock.nextLevel;
  }

  private static boolean isOpen(MetricClock clock) {
    return clock.state == SlaClockState.RUNNING || clock.state == SlaClockState.PAUSED;
  }

  /**
   * The checkpoint key of an event of a clock: metric, the clock's start, what happened, then the
   * ticket id (last, since ids may contain the separator).
   */
  private static String key(MetricClock clock, String what) {
    if (clock.metric == SlaMetric.OLA) {
      // a team may get the ticket back at the instant it left; the cycle number keeps the two
      // clocks apart
      return clock.metric
          + "#"
          + clock.cycle
          + "|"
          + clock.team.length()
          + ":"
          + clock.team
          + "|"
          + clock.startedAt
          + "|"
          + what
          + "|"
          + clock.ticket.id.value();
    }
    if (clock.metric == SlaMetric.NEXT_REPLY || clock.metric == SlaMetric.PERIODIC_UPDATE) {
      // cycles may start at the same instant (two replies at once); the cycle number keeps their
      // keys apart
      return clock.metric
          + "#"
          + clock.cycle
          + "|"
          + clock.startedAt
          + "|"
          + what
          + "|"
          + clock.ticket.id.value();
    }
    return clock.metric + "|" + clock.startedAt + "|" + what + "|" + clock.ticket.id.value();
  }

  private void emit(TicketClocks t, SlaEvent event, String key, Output out) {
    out.events().add(event);
    out.keys().add(key);
    String kind =
        event instanceof SlaEvent.Warned
            ? "WARNED"
            : event instanceof SlaEvent.Breached ? "BREACHED" : "MET";
    t.audit.add(new SlaAuditEntry(event.at(), t.id, kind, describe(event)));
  }

  private static String describe(SlaEvent event) {
    if (event instanceof SlaEvent.Warned warned) {
      return warned.targetName()
          + " "
          + Math.round(warned.threshold() * 100)
          + "% of "
          + warned.target().duration()
          + " on "
          + warned.target().calendarName();
    }
    if (event instanceof SlaEvent.Breached breached) {
      return breached.targetName()
          + " target "
          + breached.target().duration()
          + " on "
          + breached.target().calendarName()
          + " exceeded";
    }
    SlaEvent.Met met = (SlaEvent.Met) event;
    return met.targetName() + (met.withinTarget() ? " met in time" : " met late");
  }
}
