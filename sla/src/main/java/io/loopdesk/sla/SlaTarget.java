package io.loopdesk.sla;

import java.time.Duration;

/**
 * How much business time a metric may take, measured on the named calendar.
 *
 * @param duration     business time allowed, positive, at most {@link #MAX_DURATION}
 * @param calendarName the calendar on which the time is measured, e.g. {@code 24x7} or {@code business-hours}
 */
public record SlaTarget(Duration duration, String calendarName) {

    /** The longest target accepted: ten years of business time. */
    public static final Duration MAX_DURATION = Duration.ofDays(3_660);

    /** Validates the target. */
    public SlaTarget {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new SlaPolicyException("duration", duration, "a target needs a positive duration");
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new SlaPolicyException("duration", duration, "a target is at most " + MAX_DURATION.toDays() + " days");
        }
        if (calendarName == null || calendarName.isBlank()) {
            throw new SlaPolicyException("calendarName", calendarName, "a target names its calendar");
        }
    }

    /** A target of {@code duration} on the round-the-clock calendar {@code 24x7}. */
    public static SlaTarget roundTheClock(Duration duration) {
        return new SlaTarget(duration, "24x7");
    }

    /** A target of {@code duration} on the named calendar. */
    public static SlaTarget on(String calendarName, Duration duration) {
        return new SlaTarget(duration, calendarName);
    }
}
