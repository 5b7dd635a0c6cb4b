package io.loopdesk.sla.internal;

import io.loopdesk.sla.SlaClockState;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaStatus;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One SLA clock of one ticket: its target, the closed running segments and the open one, which
 * warning levels were emitted. Mutable; guarded by the tracker's lock.
 */
final class MetricClock {

  final TicketClocks ticket;
  final SlaMetric metric;
  SlaTarget target;
  BusinessCalendar calendar;
  final Instant startedAt;

  /** The team of an OLA clock, null for the other metrics. */
  final String team;

  /** Closed running segments as alternating start, end instants. */
  private final List<Instant> segments = new ArrayList<>(2);

  /** Business time of the closed segments on {@link #calendar}. */
  private Duration closedElapsed = Duration.ZERO;

  Instant runningSince;
  SlaClockState state;

  /** Index of the next checkpoint: 0..n-1 are warning thresholds, n is the breach. */
  int nextLevel;

  double highestWarning;
  boolean breached;

  /** The deadline that passed, once the target was exceeded. */
  Instant breachedAt;

  Instant metAt;

  /**
   * Which cycle of a recurring metric (next reply, periodic update) this clock is, counted from 0
   * per ticket.
   */
  int cycle;

  /** Incremented on every change, so that queued checkpoints of an earlier state are ignored. */
  int generation;

  MetricClock(
      TicketClocks ticket,
      SlaMetric metric,
      SlaTarget target,
      BusinessCalendar calendar,
      Instant startedAt) {
    this(ticket, metric, target, calendar, startedAt, null);
  }

  MetricClock(
      TicketClocks ticket,
      SlaMetric metric,
      SlaTarget target,
      BusinessCalendar calendar,
      Instant startedAt,
      String team) {
    this.team = team;
    this.ticket = ticket;
    this.metric = metric;
    this.target = target;
    this.calendar = calendar;
    this.startedAt = startedAt;
    this.runningSince = startedAt;
    this.state = SlaClockState.RUNNING;
  }

  /** Closes the running segment at {@code at}. */
  void pause(Instant at) {
    if (state != SlaClockState.RUNNING) {
      return;
    }
    closeSegment(at);
    state = SlaClockState.PAUSED;
    generation++;
  }

  /** Opens a new running segment at {@code at}. */
  void resume(Instant at) {
    if (state != SlaClockState.PAUSED && state != SlaClockState.MET) {
      return;
    }
    runningSince = at;
    metAt = null;
    state = SlaClockState.RUNNING;
    generation++;
  }

  /** Marks the clock met (running or paused) at {@code at}; returns false when it was not open. */
  boolean meet(Instant at) {
    if (state != SlaClockState.RUNNING && state != SlaClockState.PAUSED) {
      return false;
    }
    if (state == SlaClockState.RUNNING) {
      closeSegment(at);
    }
    metAt = at;
    state = SlaClockState.MET;
    generation++;
    return true;
  }

  /** Stops the clock for good. */
  void stop(Instant at) {
    if (state == SlaClockState.RUNNING) {
      closeSegment(at);
    }
    if (state != SlaClockState.MET) {
      state = SlaClockState.STOPPED;
    }
    generation++;
  }

  /**
   * Re-prioritisation rule: the new target applies from the clock's original start; business time
   * already counted is recounted on the new target's calendar; warnings and a breach already
   * emitted stay emitted.
   */
  void retarget(SlaTarget newTarget, BusinessCalendar newCalendar) {
    this.target = newTarget;
    this.closedElapsed = closedElapsedOn(newCalendar);
    this.calendar = newCalendar;
    generation++;
  }

  /** Business time of the closed segments measured on {@code other}. */
  Duration closedElapsedOn(BusinessCalendar other) {
    if (other.equals(calendar)) {
      return closedElapsed;
    }
    Duration sum = Duration.ZERO;
    for (int i = 0; i < segments.size(); i += 2) {
      sum = sum.plus(other.between(segments.get(i), segments.get(i + 1)));
    }
    return sum;
  }

  private void closeSegment(Instant at) {
    Instant from = runningSince;
    Instant to = at.isBefore(from) ? from : at;
    segments.add(from);
    segments.add(to);
    closedElapsed = closedElapsed.plus(calendar.between(from, to));
    runningSince = null;
  }

  Duration elapsed(Instant now) {
    if (state == SlaClockState.RUNNING && now.isAfter(runningSince)) {
      return closedElapsed.plus(calendar.between(runningSince, now));
    }
    return closedElapsed;
  }

  /**
   * The instant at which {@code fraction} of the target is reached if the clock keeps running: in
   * the open segment, or, when the closed segments already hold that much, the instant inside them
   * at which it was reached. Only for a running clock.
   */
  Instant instantOf(double fraction) {
    Duration level = level(fraction);
    Duration toGo = level.minus(closedElapsed);
    if (toGo.isNegative() || toGo.isZero()) {
      return reachedInClosedSegments(level);
    }
    return calendar.add(runningSince, toGo);
  }

  /**
   * The instant at which {@code fraction} of the target is or was reached: as {@link #instantOf}
   * for a running clock; for a paused one, only when its closed segments already hold that much
   * (after a new target).
   */
  Optional<Instant> reachedAt(double fraction) {
    if (state == SlaClockState.RUNNING) {
      return Optional.of(instantOf(fraction));
    }
    Duration level = level(fraction);
    return level.compareTo(closedElapsed) <= 0
        ? Optional.of(reachedInClosedSegments(level))
        : Optional.empty();
  }

  private Duration level(double fraction) {
    long targetNanos = target.duration().toNanos();
    return Duration.ofNanos(fraction >= 1.0 ? targetNanos : Math.round(targetNanos * fraction));
  }

  /**
   * The first instant inside the closed segments at which they hold {@code level}, at most {@link
   * #closedElapsed}.
   */
  private Instant reachedInClosedSegments(Duration level) {
    Duration counted = Duration.ZERO;
    for (int i = 0; i < segments.size(); i += 2) {
      Duration length = calendar.between(segments.get(i), segments.get(i + 1));
      if (counted.plus(length).compareTo(level) >= 0) {
        return calendar.add(segments.get(i), level.minus(counted));
      }
      counted = counted.plus(length);
    }
    // no closed segment: only a zero level (a tiny target's rounded-down warning) gets here
    return runningSince;
  }

  SlaStatus snapshot(Instant now) {
    Duration elapsed = elapsed(now);
    Optional<Instant> deadline =
        state == SlaClockState.RUNNING ? Optional.of(instantOf(1.0)) : Optional.empty();
    return new SlaStatus(
        metric,
        target,
        state,
        startedAt,
        deadline,
        elapsed,
        target.duration().minus(elapsed),
        highestWarning,
        breached,
        Optional.ofNullable(metAt),
        Optional.ofNullable(breachedAt));
  }
}
