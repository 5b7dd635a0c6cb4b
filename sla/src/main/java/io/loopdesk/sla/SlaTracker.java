package io.loopdesk.sla;

import io.loopdesk.api.DeadlinePolicy;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.internal.SlaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tracks the SLA clocks of tickets from their {@link TicketEvent}s and reports warnings, breaches and
 * escalations when driven by {@link #tick(Instant)}. Register it as a {@link TicketListener} of the service
 * desk, and pass {@link #deadlinePolicy()} as the desk's deadline policy. Time never comes from the wall
 * clock: ticket events carry their instants, and the host passes {@code now} to {@code tick} (or uses
 * {@link SlaMonitor} with an injected {@link java.time.Clock}).
 *
 * <p>Rules:
 * <ul>
 *   <li>First-response and resolution clocks start at the ticket's creation once it is classified (their
 *       targets depend on priority and category); the callback clock starts at the resolution.</li>
 *   <li>Clocks pause while the ticket is in one of the policy's pausing statuses and resume when it leaves.</li>
 *   <li>Re-prioritisation (a new classification or a {@code PriorityChanged} event) recomputes each open
 *       clock's target from the policy: the new
 *       target counts from the clock's original start, time already counted is recounted on the new target's
 *       calendar, and warnings or a breach already emitted are not emitted again. A target that is already
 *       exceeded is reported as breached at the next tick, also while the clock is paused; levels the new target
 *       puts behind the clock are dated at the instants they were reached. A metric without a target for the new
 *       priority stops.</li>
 *   <li>An explicit deadline change ({@code DeadlineChanged}, e.g. an approved delay request) resizes the
 *       resolution target so that the running clock reaches it at the new deadline; pauses still extend it.</li>
 *   <li>A reopen resumes the resolution clock (time while resolved does not count) and stops the callback clock;
 *       the next resolution starts a new callback clock.</li>
 *   <li>Closing stops all clocks.</li>
 * </ul>
 *
 * <p>Ordering: ticket events should reach the tracker before a tick passes their instant. An event older than
 * an earlier tick's {@code now} is still applied, but warnings and breaches already reported for the time in
 * between are not retracted (for example a breach reported while a late-arriving pause was unknown).
 *
 * <p>Thread-safe: state changes happen under one lock; listeners and the escalation handler are called after
 * it is released, on the calling thread, so they may call back into the desk. A tick costs
 * O(k log n) for k checkpoints falling due, independent of the number of open tickets.
 */
public final class SlaTracker implements TicketListener {

    private static final Logger LOG = LoggerFactory.getLogger(SlaTracker.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final SlaEngine engine;
    private final List<SlaListener> listeners;
    private volatile EscalationHandler escalationHandler;

    private SlaTracker(Builder builder) {
        this.engine = new SlaEngine(builder.policy, builder.calendars, builder.escalationPolicy);
        this.listeners = new CopyOnWriteArrayList<>(builder.listeners);
        this.escalationHandler = builder.escalationHandler;
    }

    /**
     * A builder for a tracker with the given policy and calendars.
     *
     * @throws SlaPolicyException when either is null
     */
    public static Builder builder(SlaPolicy policy, CalendarRegistry calendars) {
        return new Builder(policy, calendars);
    }

    /** Applies an accepted ticket event; emits {@link SlaEvent.Met} events synchronously. */
    @Override
    public void onEvent(TicketEvent event, Ticket after) {
        Objects.requireNonNull(event, "event");
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
     * Emits every warning and breach due at or before {@code now}, runs the escalation policy's actions through
     * the handler and records everything in the audit trail.
     *
     * @return the events emitted by this tick, in deadline order
     */
    public List<SlaEvent> tick(Instant now) {
        Objects.requireNonNull(now, "now");
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

    /** The SLA clocks of a ticket as of {@code now}; empty when the ticket is not tracked. */
    public Optional<TicketSla> status(TicketId ticketId, Instant now) {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(now, "now");
        lock.lock();
        try {
            return engine.status(ticketId, now);
        } finally {
            lock.unlock();
        }
    }

    /** The ticket's SLA audit trail: warnings, breaches, met clocks and escalation actions, in order. */
    public List<SlaAuditEntry> auditTrail(TicketId ticketId) {
        Objects.requireNonNull(ticketId, "ticketId");
        lock.lock();
        try {
            return engine.auditTrail(ticketId);
        } finally {
            lock.unlock();
        }
    }

    /** Drops a ticket's SLA state, e.g. after a closed ticket was archived. Returns whether it was tracked. */
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

    /** The earliest instant at which a tick may have something to report (a conservative lower bound). */
    public Optional<Instant> nextCheckpoint() {
        lock.lock();
        try {
            return engine.nextCheckpoint();
        } finally {
            lock.unlock();
        }
    }

    /** Number of queued checkpoints (live and not yet purged stale ones); a health metric for the monitor. */
    public int queuedCheckpoints() {
        lock.lock();
        try {
            return engine.queuedCheckpoints();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the escalation handler, e.g. a {@link ServiceDeskEscalationHandler} for a desk that was built
     * with this tracker as its listener (the two refer to each other).
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
     * A deadline policy for the service desk that computes the resolution deadline with this tracker's policy,
     * calendars and the ticket's pauses so far, so that the ticket's {@code dueAt} matches its SLA clock.
     */
    public DeadlinePolicy deadlinePolicy() {
        return (classified, at) -> {
            if (classified.priority().isEmpty()) {
                return Optional.empty();
            }
            lock.lock();
            try {
                return engine.resolutionDue(classified, classified.priority().get().priority(),
                        classified.category().orElse(null), at);
            } finally {
                lock.unlock();
            }
        };
    }

    private void dispatch(SlaEngine.Output out, Instant at) {
        for (SlaEvent event : out.events()) {
            for (SlaListener listener : listeners) {
                try {
                    listener.onSlaEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("SLA listener failed on {} for ticket {}", event.getClass().getSimpleName(), event.ticketId(), e);
                }
            }
        }
        EscalationHandler handler = escalationHandler;
        for (var action : out.actions()) {
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
        private final SlaPolicy policy;
        private final CalendarRegistry calendars;
        private EscalationPolicy escalationPolicy = EscalationPolicy.standard();
        private EscalationHandler escalationHandler = EscalationHandler.NONE;
        private final List<SlaListener> listeners = new ArrayList<>();

        private Builder(SlaPolicy policy, CalendarRegistry calendars) {
            if (policy == null) {
                throw new SlaPolicyException("policy", null, "an SLA policy is required");
            }
            if (calendars == null) {
                throw new SlaPolicyException("calendars", null, "a calendar registry is required");
            }
            this.policy = policy;
            this.calendars = calendars;
        }

        /** Sets the escalation policy (default {@link EscalationPolicy#standard()}). */
        public Builder escalationPolicy(EscalationPolicy value) {
            if (value == null) {
                throw new SlaPolicyException("escalationPolicy", null, "use EscalationPolicy.none() to switch escalation off");
            }
            this.escalationPolicy = value;
            return this;
        }

        /** Sets the handler that carries out escalation actions (default: none, actions are only audited). */
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
         * Builds the tracker.
         *
         * @throws SlaPolicyException when a target names a calendar the registry does not have
         */
        public SlaTracker build() {
            return new SlaTracker(this);
        }
    }
}
