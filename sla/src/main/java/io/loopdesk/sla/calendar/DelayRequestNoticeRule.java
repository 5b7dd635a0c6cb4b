package io.loopdesk.sla.calendar;

import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * The after-sales guide's notice rule for delay requests: <b>a request to move a deadline must be
 * filed at least one working day before the deadline</b>, counted in working days of a {@link
 * BusinessCalendar}.
 *
 * <p>The latest filing instant for a deadline is the deadline's local clock time on the calendar's
 * working day before the deadline's local date, {@link BusinessCalendar#addWorkingDays
 * addWorkingDays(due, -1)}. A request filed at or before that instant is in time; one filed after
 * it is late. The limit depends only on the deadline, never on when the request is filed, so it can
 * be shown to the requester in advance, and a holiday or weekend between filing and deadline never
 * counts as notice.
 *
 * <p>Boundary cases, on a calendar of Monday to Friday 09:00-18:00 in Asia/Shanghai with the
 * National Day holidays 1-7 October 2026 and Sunday 27 September 2026 as a make-up working day:
 *
 * <ul>
 *   <li><b>Exactly at the limit</b>: due Thursday 10:00, latest filing Wednesday 10:00. Filed at
 *       Wednesday 10:00:00 it is in time; one nanosecond later it is late.
 *   <li><b>Weekend</b>: due Monday 09:00, latest filing Friday 09:00; a request filed on Saturday
 *       or Sunday is late.
 *   <li><b>Holiday</b>: due Thursday 8 October 10:00, the first working day after National Day;
 *       latest filing Wednesday 30 September 10:00. A request filed during the holiday is late,
 *       however many calendar days remain.
 *   <li><b>Make-up working day</b>: due Monday 28 September 12:00; the previous working day is the
 *       make-up Sunday 27 September, so the latest filing is Sunday 12:00.
 *   <li><b>Deadline outside working hours</b>: the clock time is kept, not moved into working
 *       hours: due Saturday 10:00, latest filing Friday 10:00; due Tuesday 07:00, latest filing
 *       Monday 07:00.
 *   <li><b>Daylight saving</b>: a clock time that does not exist on the previous working day (a
 *       gap) moves forward by the gap's length, as {@link java.time.ZonedDateTime} does.
 *   <li>A request filed after the deadline is always late, since the limit is before the deadline.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class DelayRequestNoticeRule {

  private final BusinessCalendar calendar;

  private DelayRequestNoticeRule(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * Returns the rule on a calendar.
   *
   * @param calendar the calendar whose working days count
   * @return the rule
   * @throws ValidationException if {@code calendar} is null
   */
  public static DelayRequestNoticeRule on(BusinessCalendar calendar) {
    return new DelayRequestNoticeRule(require("calendar", calendar));
  }

  /** Returns the calendar whose working days count. */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * Returns the latest instant at which a delay request for a deadline is still in time.
   *
   * @param due the deadline to be moved
   * @return the deadline's local clock time on the previous working day
   * @throws ValidationException if {@code due} is null
   * @throws CalendarDefinitionException {@code NO_WORKING_TIME} if the calendar has no working day
   *     before
   */
  public Instant latestFiling(Instant due) {
    return calendar.addWorkingDays(require("due", due), -1);
  }

  /**
   * Tells whether a delay request filed at an instant is in time for a deadline.
   *
   * @param filedAt when the request is filed
   * @param due the deadline to be moved
   * @return true if {@code filedAt} is at or before {@link #latestFiling(Instant)
   *     latestFiling(due)}
   * @throws ValidationException if an argument is null
   */
  public boolean isInTime(Instant filedAt, Instant due) {
    return !require("filedAt", filedAt).isAfter(latestFiling(due));
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  @Override
  public String toString() {
    return "DelayRequestNoticeRule[one working day of " + calendar.name() + "]";
  }
}
