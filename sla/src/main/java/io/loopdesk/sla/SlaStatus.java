package io.loopdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one SLA clock of one ticket, as of a given instant.
 *
 * @param metric what is measured
 * @param target the target in force
 * @param state running, paused, met or stopped
 * @param startedAt when the clock started (ticket creation, or the resolution for callbacks)
 * @param deadline when the target will be reached if the clock keeps running; empty unless running
 * @param elapsed business time counted so far on the target's calendar
 * @param remaining target minus elapsed; negative when overdue
 * @param highestWarning the highest warning threshold emitted so far, 0 when none
 * @param breached whether the target was exceeded
 * @param metAt when the clock was met, if it was
 * @param breachedAt when the target was exceeded (the deadline that passed), if it was
 */
public record SlaStatus(
    SlaMetric metric,
    SlaTarget target,
    SlaClockState state,
    Instant startedAt,
    Optional<Instant> deadline,
    Duration elapsed,
    Duration remaining,
    double highestWarning,
    boolean breached,
    Optional<Instant> metAt,
    Optional<Instant> breachedAt) {

  /** True when at least one warning was emitted. */
  public boolean warned() {
    return highestWarning > 0;
  }

  /** True when the clock was met without exceeding its target. */
  public boolean metInTime() {
    return state == SlaClockState.MET && !breached;
  }

  /**
   * The target's outcome so far: {@link SlaResult#MET} or {@link SlaResult#MET_LATE} once the clock
   * is met, {@link SlaResult#BREACHED} while it is breached and not met (final once the clock
   * stops), empty while it is within its target or after it stopped within it. The instants are
   * {@link #metAt()} and {@link #breachedAt()}.
   *
   * @return the outcome, if the target has one yet
   */
  public Optional<SlaResult> result() {
    if (state == SlaClockState.MET) {
      return Optional.of(breached ? SlaResult.MET_LATE : SlaResult.MET);
    }
    return breached ? Optional.of(SlaResult.BREACHED) : Optional.empty();
  }
}
