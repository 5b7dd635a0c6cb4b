package io.loopdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one SLA clock of one ticket, as of a given instant.
 *
 * @param metric           what is measured
 * @param target           the target in force
 * @param state            running, paused, met or stopped
 * @param startedAt        when the clock started (ticket creation, or the resolution for callbacks)
 * @param deadline         when the target will be reached if the clock keeps running; empty unless running
 * @param elapsed          business time counted so far on the target's calendar
 * @param remaining        target minus elapsed; negative when overdue
 * @param highestWarning   the highest warning threshold emitted so far, 0 when none
 * @param breached         whether the target was exceeded
 * @param metAt            when the clock was met, if it was
 */
public record SlaStatus(SlaMetric metric, SlaTarget target, SlaClockState state, Instant startedAt,
                        Optional<Instant> deadline, Duration elapsed, Duration remaining, double highestWarning,
                        boolean breached, Optional<Instant> metAt) {

    /** True when at least one warning was emitted. */
    public boolean warned() {
        return highestWarning > 0;
    }

    /** True when the clock was met without exceeding its target. */
    public boolean metInTime() {
        return state == SlaClockState.MET && !breached;
    }
}
