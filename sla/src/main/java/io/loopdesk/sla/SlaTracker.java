package io.loopdesk.sla;

import io.loopdesk.api.DeadlinePolicy;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaim;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.internal.SlaEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the SLA clocks of tickets from their {@link TicketEvent}s and reports warnings, breaches
 * and escalations when driven by {@link #tick(Instant)}. Register it as a {@link TicketListener} of
 * the service desk, and pass {@link #deadlinePolicy()} as the desk's deadline policy. Time never
 * comes from the wall clock: ticket events carry their instants, and the host passes {@code now} to
 * {@code tick} (or uses {@link SlaMonitor} with an injected {@link java.time.Clock}).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>First-response and resolution clocks start at the ticket's creation once it is classified
 *       (their targets depend on priority and category); the callback clock starts at the
 *       resolution.
 *   <li>Clocks pause while the ticket is in one of the policy's pausing statuses and resume when it
 *       leaves.
 *   <li>Re-prioritisation (a new classification or a {@code PriorityChanged} event) recomputes each
 *       open clock's target from the policy: the new target counts from the clock's original start,
 *       time already counted is recounted on the new target's calendar, and warnings or a breach
 *       already emitted are not emitted again. A target that is already exceeded is reported as
 *       breached at the next tick, also while the clock is paused; levels the new target puts
 *       behind the clock are dated at the instants they were reached. A metric without a target for
 *       the new priority stops.
 *   <li>An explicit deadline change ({@code DeadlineChanged}, e.g. an approved delay request)
 *       resizes the resolution target so that the running clock reaches it at the new deadline;
 *       pauses still extend it.
 *   <li>A reopen resumes the resolution clock (time while resolved does not count) and stops the
 *       callback clock; the next resolution starts a new callback clock.
 *   <li>Closing stops all clocks.
 *   <li>The ticket's team (department) has its own OLA clock ({@link SlaMetric#OLA}), restarted on
 *       a change of team.
 *   <li>Each ticket's policy is chosen by the tracker's {@link SlaContracts} ({@link
 *       #forContracts}) from the data of the event that opened it; {@link #changeTier} and {@link
 *       #changeContract} choose again.
 *   <li>Escalations that page a person wait for that person's calendar when the escalation policy
 *       says so ({@link RecipientHours}); they are then carried out by the first tick at or after
 *       the calendar opens.
 * </ul>
 *
 * <p>Ordering: ticket events should reach the tracker before a tick passes their instant. An event
 * older than an earlier tick's {@code now} is still applied, but warnings and breaches already
 * reported for the time in between are not retracted (for example a breach reported while a
 * late-arriving pause was unknown).
 *
 * <p>Thread-safe: state changes happen under one lock; listeners and the escalation handler are
 * called after it is released, on the calling thread, so they may call back into the desk. A tick
 * costs O(k log n) for k checkpoints falling due, independent of the number of open tickets.
 *
 * <h2>One JVM or several instances</h2>
 *
 * <p>Built without {@link Builder#cluster}, the tracker is single-JVM: register it as the desk's
 * listener; its clocks live in memory and are gone after a restart. That stays the zero-setup
 * default.
 *
 * <p>Built with {@link Builder#cluster(TicketStore, String)} over a store that offers an event feed
 * and checkpoint claims (the JDBC store on a shared PostgreSQL database, for instance), it is
 * durable and runs on any number of instances:
 *
 * <ul>
 *   <li><b>State from the feed.</b> The tracker does not listen to its own desk; every {@link
 *       #tick} first reads the events every instance committed since the last tick from the store's
 *       {@link TicketEventFeed} and applies them in feed order. The events are the source of truth,
 *       so nothing else is persisted: on start the first tick replays the feed from the beginning
 *       and rebuilds every clock, pause and checkpoint exactly as before the restart ({@link
 *       #status} is the same), and every instance holds the same clocks whichever desk accepted a
 *       command. We chose this over persisting clock rows because clock state would then have to be
 *       written in every command's transaction and kept consistent with the event trail it
 *       duplicates; the price is a replay on start, linear in the feed's length.
 *   <li><b>Exactly one firing per checkpoint.</b> Every instance computes the same due checkpoints
 *       (warnings, breaches, met clocks) with the same key; before dispatching, it claims them
 *       through {@link CheckpointClaims} (on PostgreSQL one batched {@code INSERT ... ON CONFLICT
 *       DO NOTHING} per tick: the first claim of a key wins, durably). Only won checkpoints reach
 *       the listeners and the escalation handler, so each fires once cluster-wide. A unique-key
 *       claim fits better than a queue of due rows polled with {@code SELECT ... FOR UPDATE SKIP
 *       LOCKED} (or a scheduler library such as db-scheduler): due instants move with every pause,
 *       resume and re-prioritisation, so such rows would have to be rewritten in every command's
 *       transaction, while claims are written only when something fires.
 *   <li><b>Late checkpoints.</b> A checkpoint that fell due while every instance was down is
 *       claimed and fired once by the first tick after a start, with its due instant, and marked
 *       late ({@link SlaDelivery#late()}) when it fires more than {@link Builder#lateAfter} after
 *       it was due.
 *   <li><b>Crash window.</b> A claim is committed before the listeners run: an instance that dies
 *       between the two loses that delivery (at most once). Keep handlers that must never miss an
 *       event on the event feed ({@code FeedSubscription}) instead.
 * </ul>
 */
public final class SlaTracker implements TicketListener {

  private static final Logger LOG = LoggerFactory.getLogger(SlaTracker.class);

  private final ReentrantLock lock = new ReentrantLock();
  private final SlaEngine engine;
  private final List<SlaListener> listeners;
  private volatile EscalationHandler escalationHandler;

  /** The shared feed and claims, or null for a single-JVM tracker. */
  private final TicketEventFeed feed;

  private final CheckpointClaims claims;
  private final String instance;
  private final Duration lateAfter;

  /**
   * Serialises reading the feed and ticking, so that events are applied before the tick that
   * follows them.
   */
  private final ReentrantLock feedLock = new ReentrantLock();

  /** Guarded by feedLock: the position of the last feed event applied. */
  private FeedPosition position = FeedPosition.START;

  /** Guarded by feedLock: output of events applied outside a tick, dispatched by the next tick. */
  private final SlaEngine.Output pending = SlaEngine.Output.collector();

  private SlaTracker(Builder builder) {
    this.engine =
        new SlaEngine(
            builder.contracts.onDefaultCalendarOf(builder.calendars),
            builder.calendars,
            builder.escalationPolicy);
    this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
    this.escalationHandler = builder.escalationHandler;
    this.feed = builder.feed;
    this.claims = builder.claims;
    this.instance = builder.instance;
    this.lateAfter = builder.lateAfter;
  }

  /**
   * A builder for a tracker with the given policy and calendars.
   *
   * @throws SlaPolicyException when either is null
   */
  public static Builder builder(SlaPolicy policy, CalendarRegistry calendars) {
    // SlaContracts.single rejects a null policy with the same exception
    return new Builder(SlaContracts.single(policy), calendars);
  }

  /**
   * A builder for a tracker that chooses each ticket's policy with {@code contracts} (by contract,
   * customer, tier, channel or product; see {@link SlaContracts}), from the data of the event that
   * opened the ticket.
   *
   * @throws SlaPolicyException when either is null
   */
  public static Builder forContracts(SlaContracts contracts, CalendarRegistry calendars) {
    if (contracts == null) {
      throw new SlaPolicyException(
          "contracts", null, "SLA contracts are required (SlaContracts.single(policy) for one)");
    }
    return new Builder(contracts, calendars);
  }

  /**
   * The customer's tier changed (e.g. upgraded to VIP): chooses the ticket's policy again and, when
   * it changes, re-evaluates its open clocks as a re-prioritisation does (new targets count from
   * the clocks' original starts; warnings and breaches already emitted stay). Recorded in the SLA
   * audit trail ({@code POLICY_CHANGED}) with the rule that chose and why; {@link #status} shows
   * the selection.
   *
   * <p>Single-JVM: the change is not a ticket event, so a clustered tracker (built with {@link
   * Builder#cluster}) cannot share it with other instances or replay it after a restart, and
   * rejects it.
   *
   * @return the new selection, empty when the ticket is not tracked
   * @throws SlaPolicyException when an argument is null or the tracker is clustered
   */
  public Optional<PolicySelection> changeTier(
      TicketId ticketId, io.loopdesk.api.CustomerTier tier, Instant at) {
    if (tier == null) {
      throw new SlaPolicyException("tier", null, "a tier is required");
    }
    return changeSubject(ticketId, subject -> subject.withTier(tier), at);
  }

  /**
   * The customer's contract changed (signed, upgraded, ended: {@code null} for none); as {@link
   * #changeTier}.
   *
   * @return the new selection, empty when the ticket is not tracked
   * @throws SlaPolicyException when the ticket or instant is null, the contract name is blank or
   *     too long, or the tracker is clustered
   */
  public Optional<PolicySelection> changeContract(TicketId ticketId, String contract, Instant at) {
    new SlaSubject(null, null, null, null, contract);
    return changeSubject(ticketId, subject -> subject.withContract(contract), at);
  }

  private Optional<PolicySelection> changeSubject(
      TicketId ticketId, java.util.function.UnaryOperator<SlaSubject> change, Instant at) {
    if (ticketId == null || at == null) {
      throw new SlaPolicyException(ticketId == null ? "ticketId" : "at", null, "is required");
    }
    if (feed != null) {
      throw new SlaPolicyException(
          "cluster",
          instance,
          "contract and tier changes are single-JVM: a clustered"
              + " tracker reads every change from the event feed, and these are not ticket events");
    }
    SlaEngine.Output out;
    Optional<PolicySelection> selection;
    lock.lock();
    try {
      out = SlaEngine.Output.collector();
      selection = engine.changeSubject(ticketId, change, at, out);
    } finally {
      lock.unlock();
    }
    dispatch(out, at);
    return selection;
  }

  /**
   * Applies an accepted ticket event; emits {@link SlaEvent.Met} events synchronously. A tracker
   * built with {@link Builder#cluster} ignores it: it reads every event from the feed instead.
   */
  @Override
  public void onEvent(TicketEvent event, Ticket after) {
    Objects.requireNonNull(event, "event");
    if (feed != null) {
      return;
    }
    SlaEngine.Output out;
    lock.lock();
    try {
      out = engine.onEvent(event, after);
    } finally {
      lock.unlock();
    }
    dispatch(out, event.at());
  }

  /**
   * Emits every warning and breach due at or before {@code now}, runs the escalation policy's
   * actions through the handler and records everything in the audit trail.
   *
   * @return the events emitted by this tick, in deadline order
   */
  public List<SlaEvent> tick(Instant now) {
    Objects.requireNonNull(now, "now");
    if (feed != null) {
      return clusterTick(now);
    }
    SlaEngine.Output out;
    lock.lock();
    try {
      out = engine.tick(now);
    } finally {
      lock.unlock();
    }
    dispatch(out, now);
    return List.copyOf(out.events());
  }

  /**
   * Reads the feed, applies its new events, ticks, claims what fell due and dispatches what this
   * instance won.
   *
   * @return the events this instance fired
   */
  private List<SlaEvent> clusterTick(Instant now) {
    SlaEngine.Output out = SlaEngine.Output.collector();
    feedLock.lock();
    try {
      catchUp();
      out.addAll(pending);
      pending.clear();
      lock.lock();
      try {
        out.addAll(engine.tick(now));
      } finally {
        lock.unlock();
      }
    } finally {
      feedLock.unlock();
    }
    return dispatchClaimed(out, now);
  }

  /** Applies the feed's new events; their output waits in {@link #pending} for the next tick. */
  private void catchUp() {
    feedLock.lock();
    try {
      for (List<FeedEvent> batch = feed.readAfter(position, 1000);
          !batch.isEmpty();
          batch = feed.readAfter(position, 1000)) {
        lock.lock();
        try {
          for (FeedEvent e : batch) {
            pending.addAll(engine.onEvent(e.event(), null));
          }
        } finally {
          lock.unlock();
        }
        position = batch.get(batch.size() - 1).position();
      }
    } finally {
      feedLock.unlock();
    }
  }

  /** Claims the output's events and dispatches those this instance won; returns them. */
  private List<SlaEvent> dispatchClaimed(SlaEngine.Output out, Instant now) {
    if (out.events().isEmpty() && out.released().isEmpty()) {
      return List.of();
    }
    Map<SlaEvent, SlaDelivery> won = new IdentityHashMap<>();
    Map<String, SlaEvent> byKey = new HashMap<>();
    List<CheckpointClaim> requests = new ArrayList<>();
    Map<String, EscalationAction> releasedByKey = new HashMap<>();
    for (int i = 0; i < out.released().size(); i++) {
      String key = out.releasedKeys().get(i);
      if (releasedByKey.putIfAbsent(key, out.released().get(i)) == null) {
        requests.add(new CheckpointClaim(key, now, now, instance, false));
      }
    }
    List<EscalationAction> releasedWon = new ArrayList<>();
    for (int i = 0; i < out.events().size(); i++) {
      SlaEvent event = out.events().get(i);
      String key = out.keys().get(i);
      if (byKey.putIfAbsent(key, event) == null) {
        boolean late = Duration.between(event.at(), now).compareTo(lateAfter) > 0;
        requests.add(new CheckpointClaim(key, event.at(), now, instance, late));
      }
    }
    for (int from = 0; from < requests.size(); from += CheckpointClaims.MAX_BATCH) {
      List<CheckpointClaim> batch =
          requests.subList(from, Math.min(requests.size(), from + CheckpointClaims.MAX_BATCH));
      Set<String> claimed = claims.claim(batch);
      for (CheckpointClaim claim : batch) {
        if (!claimed.contains(claim.key())) {
          continue;
        }
        EscalationAction released = releasedByKey.get(claim.key());
        if (released != null) {
          releasedWon.add(released);
        } else {
          won.put(
              byKey.get(claim.key()), new SlaDelivery(claim.dueAt(), now, claim.late(), instance));
        }
      }
    }
    List<SlaEvent> fired = out.events().stream().filter(won::containsKey).toList();
    List<EscalationAction> actions =
        out.actions().stream().filter(a -> won.containsKey(a.cause())).toList();
    dispatch(
        new SlaEngine.Output(
            new ArrayList<>(fired),
            new ArrayList<>(),
            new ArrayList<>(actions),
            releasedWon,
            new ArrayList<>()),
        now,
        won);
    return fired;
  }

  /** The SLA clocks of a ticket as of {@code now}; empty when the ticket is not tracked. */
  public Optional<TicketSla> status(TicketId ticketId, Instant now) {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(now, "now");
    if (feed != null) {
      catchUp();
    }
    lock.lock();
    try {
      return engine.status(ticketId, now);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The ticket's SLA audit trail: warnings, breaches, met clocks and escalation actions, in order.
   */
  public List<SlaAuditEntry> auditTrail(TicketId ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    lock.lock();
    try {
      return engine.auditTrail(ticketId);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops a ticket's SLA state, e.g. after a closed ticket was archived. Returns whether it was
   * tracked.
   */
  public boolean forget(TicketId ticketId) {
    lock.lock();
    try {
      return engine.forget(ticketId);
    } finally {
      lock.unlock();
    }
  }

  /** Number of tickets with SLA state. */
  public int trackedTickets() {
    lock.lock();
    try {
      return engine.trackedTickets();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The earliest instant at which a tick may have something to report (a conservative lower bound).
   */
  public Optional<Instant> nextCheckpoint() {
    lock.lock();
    try {
      return engine.nextCheckpoint();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Number of queued checkpoints (live and not yet purged stale ones); a health metric for the
   * monitor.
   */
  public int queuedCheckpoints() {
    lock.lock();
    try {
      return engine.queuedCheckpoints();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces the escalation handler, e.g. a {@link ServiceDeskEscalationHandler} for a desk that
   * was built with this tracker as its listener (the two refer to each other).
   */
  public void setEscalationHandler(EscalationHandler handler) {
    if (handler == null) {
      throw new SlaPolicyException("escalationHandler", null, "use EscalationHandler.NONE");
    }
    this.escalationHandler = handler;
  }

  /** Adds a listener. */
  public void addListener(SlaListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * A deadline policy for the service desk that computes the resolution deadline with this
   * tracker's policy, calendars and the ticket's pauses so far, so that the ticket's {@code dueAt}
   * matches its SLA clock.
   */
  public DeadlinePolicy deadlinePolicy() {
    return (classified, at) -> {
      if (classified.priority().isEmpty()) {
        return Optional.empty();
      }
      if (feed != null) {
        catchUp();
      }
      lock.lock();
      try {
        return engine.resolutionDue(
            classified,
            classified.priority().get().priority(),
            classified.category().orElse(null),
            at);
      } finally {
        lock.unlock();
      }
    };
  }

  private void dispatch(SlaEngine.Output out, Instant at) {
    dispatch(out, at, null);
  }

  private void dispatch(SlaEngine.Output out, Instant at, Map<SlaEvent, SlaDelivery> deliveries) {
    for (SlaEvent event : out.events()) {
      SlaDelivery delivery =
          deliveries == null
              ? new SlaDelivery(event.at(), at, false, instance)
              : deliveries.get(event);
      for (SlaListener listener : listeners) {
        try {
          listener.onSlaEvent(event, delivery);
        } catch (RuntimeException e) {
          LOG.warn(
              "SLA listener failed on {} for ticket {}",
              event.getClass().getSimpleName(),
              event.ticketId(),
              e);
        }
      }
    }
    EscalationHandler handler = escalationHandler;
    List<EscalationAction> all = new ArrayList<>(out.actions());
    all.addAll(out.released());
    for (var action : all) {
      RuntimeException failure = null;
      try {
        handler.execute(action);
      } catch (RuntimeException e) {
        failure = e;
        LOG.warn("escalation {} failed for ticket {}", action.kind(), action.ticketId(), e);
      }
      lock.lock();
      try {
        engine.recordAction(action, at, failure);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Builds an {@link SlaTracker}. Not thread-safe. */
  public static final class Builder {
    private final SlaContracts contracts;
    private final CalendarRegistry calendars;
    private EscalationPolicy escalationPolicy = EscalationPolicy.standard();
    private EscalationHandler escalationHandler = EscalationHandler.NONE;
    private final List<SlaListener> listeners = new ArrayList<>();
    private TicketEventFeed feed;
    private CheckpointClaims claims;
    private String instance = "local";
    private Duration lateAfter = Duration.ofMinutes(1);

    private Builder(SlaContracts contracts, CalendarRegistry calendars) {
      if (calendars == null) {
        throw new SlaPolicyException("calendars", null, "a calendar registry is required");
      }
      this.contracts = contracts;
      this.calendars = calendars;
    }

    /** Sets the escalation policy (default {@link EscalationPolicy#standard()}). */
    public Builder escalationPolicy(EscalationPolicy value) {
      if (value == null) {
        throw new SlaPolicyException(
            "escalationPolicy", null, "use EscalationPolicy.none() to switch escalation off");
      }
      this.escalationPolicy = value;
      return this;
    }

    /**
     * Sets the handler that carries out escalation actions (default: none, actions are only
     * audited).
     */
    public Builder escalationHandler(EscalationHandler value) {
      if (value == null) {
        throw new SlaPolicyException("escalationHandler", null, "use EscalationHandler.NONE");
      }
      this.escalationHandler = value;
      return this;
    }

    /** Adds a listener for SLA events. */
    public Builder listener(SlaListener value) {
      if (value == null) {
        throw new SlaPolicyException("listener", null, "listener is null");
      }
      listeners.add(value);
      return this;
    }

    /**
     * Makes the tracker durable and shareable by several instances (see the class documentation):
     * it reads every ticket event from the store's feed and claims each due checkpoint through the
     * store's claims. Do not register such a tracker as the desk's listener.
     *
     * @param store a store offering {@link TicketStore#eventFeed()} and {@link
     *     TicketStore#checkpointClaims()}
     * @param instance this instance's name, recorded with the checkpoints it fires
     * @throws SlaPolicyException when the store offers no feed or no claims, or the name is blank
     */
    public Builder cluster(TicketStore store, String instance) {
      if (store == null) {
        throw new SlaPolicyException("store", null, "a store is required");
      }
      return cluster(
          store
              .eventFeed()
              .orElseThrow(
                  () ->
                      new SlaPolicyException(
                          "store",
                          store.getClass().getSimpleName(),
                          "the store offers no event feed")),
          store
              .checkpointClaims()
              .orElseThrow(
                  () ->
                      new SlaPolicyException(
                          "store",
                          store.getClass().getSimpleName(),
                          "the store offers no checkpoint claims")),
          instance);
    }

    /**
     * As {@link #cluster(TicketStore, String)}, with the feed and the claims given separately.
     *
     * @throws SlaPolicyException when an argument is null or the name is blank or longer than 200
     *     characters
     */
    public Builder cluster(TicketEventFeed feed, CheckpointClaims claims, String instance) {
      if (feed == null || claims == null) {
        throw new SlaPolicyException(feed == null ? "feed" : "claims", null, "is required");
      }
      if (instance == null || instance.isBlank() || instance.length() > 200) {
        throw new SlaPolicyException(
            "instance", instance, "an instance name of 1 to 200 characters is required");
      }
      this.feed = feed;
      this.claims = claims;
      this.instance = instance;
      return this;
    }

    /**
     * How long after its due instant a checkpoint counts as fired late (default one minute); see
     * {@link SlaDelivery#late()}.
     *
     * @throws SlaPolicyException when the duration is null or negative
     */
    public Builder lateAfter(Duration value) {
      if (value == null || value.isNegative()) {
        throw new SlaPolicyException("lateAfter", value, "must be zero or positive");
      }
      this.lateAfter = value;
      return this;
    }

    /**
     * Builds the tracker.
     *
     * @throws SlaPolicyException when a target names a calendar the registry does not have, or uses
     *     the default calendar while the registry has several and names none
     */
    public SlaTracker build() {
      return new SlaTracker(this);
    }
  }
}
