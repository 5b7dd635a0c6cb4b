package io.loopdesk.sla;

import java.time.Duration;

/**
 * How much business time a metric may take, measured on the named calendar.
 *
 * @param duration business time allowed, positive, at most {@link #MAX_DURATION}
 * @param calendarName the calendar on which the time is measured, e.g. {@code 24x7} or {@code
 *     business-hours}, or {@link #DEFAULT_CALENDAR} for the desk's default calendar
 */
public record SlaTarget(Duration duration, String calendarName) {

  /**
   * The calendar name that stands for the desk's default calendar ({@link
   * io.loopdesk.sla.calendar.CalendarRegistry#defaultCalendar()}); an {@link SlaTracker} replaces
   * it by the default calendar's own name when it is built.
   */
  public static final String DEFAULT_CALENDAR = "default";

  /** The longest target accepted: ten years of business time. */
  public static final Duration MAX_DURATION = Duration.ofDays(3_660);

  /** Validates the target. */
  public SlaTarget {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new SlaPolicyException("duration", duration, "a target needs a positive duration");
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw new SlaPolicyException(
          "duration", duration, "a target is at most " + MAX_DURATION.toDays() + " days");
    }
    if (calendarName == null || calendarName.isBlank()) {
      throw new SlaPolicyException("calendarName", calendarName, "a target names its calendar");
    }
  }

  /** A target of {@code duration} on the round-the-clock calendar {@code 24x7}. */
  public static SlaTarget roundTheClock(Duration duration) {
    return new SlaTarget(duration, "24x7");
  }

  /** A target of {@code duration} on the desk's default calendar ({@link #DEFAULT_CALENDAR}). */
  public static SlaTarget onDefaultCalendar(Duration duration) {
    return new SlaTarget(duration, DEFAULT_CALENDAR);
  }

  /** True when the target runs on the desk's default calendar rather than on a named one. */
  public boolean usesDefaultCalendar() {
    return DEFAULT_CALENDAR.equals(calendarName);
  }

  /** A target of {@code duration} on the named calendar. */
  public static SlaTarget on(String calendarName, Duration duration) {
    return new SlaTarget(duration, calendarName);
  }
}
