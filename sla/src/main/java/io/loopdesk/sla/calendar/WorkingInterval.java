package io.loopdesk.sla.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * A working interval of one day in wall-clock time: it starts at {@link #start()} on the day it
 * belongs to and lasts {@link #length()} (more than zero, at most 24 hours). An interval may run
 * past midnight into the next day (a night shift such as {@code 22:00-06:00+1}); it still belongs
 * to the day it starts on, so a holiday on the next day does not cancel the morning part of the
 * previous night's shift.
 *
 * <p>Text form (used by {@link #parse(String)}, {@link #toString()} and JSON/YAML definitions):
 * {@code 09:00-12:00}, {@code 13:30-24:00} (to the end of the day), {@code 22:00-06:00+1} (ends
 * next day), {@code 00:00-24:00} (the whole day). Times have at most whole-second precision.
 *
 * @param start wall-clock start time on the owning day
 * @param length how long the interval lasts, in (0, 24h], whole seconds
 */
public record WorkingInterval(LocalTime start, Duration length) {

  private static final long DAY_SECONDS = 86_400L;

  /** Orders intervals by start time, then by length. */
  public static final Comparator<WorkingInterval> BY_START =
      Comparator.comparing(WorkingInterval::start).thenComparing(WorkingInterval::length);

  /** Validates the components. */
  public WorkingInterval {
    if (start == null) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "start",
          null,
          "an interval needs a start time");
    }
    if (length == null) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "length",
          null,
          "an interval needs a length");
    }
    if (start.getNano() != 0) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.SUB_SECOND_PRECISION,
          "start",
          start.toString(),
          "interval boundaries have whole-second precision");
    }
    if (length.getNano() != 0) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.SUB_SECOND_PRECISION,
          "length",
          length.toString(),
          "interval boundaries have whole-second precision");
    }
    if (length.isNegative() || length.isZero() || length.getSeconds() > DAY_SECONDS) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.INVALID_LENGTH,
          "length",
          length.toString(),
          "an interval lasts more than zero and at most 24 hours");
    }
  }

  /**
   * An interval within one day.
   *
   * @throws CalendarDefinitionException with {@code END_BEFORE_START} when {@code end} is not after
   *     {@code start}; use {@link #overnight} for shifts that cross midnight
   */
  public static WorkingInterval of(LocalTime start, LocalTime end) {
    requireTime(start, "start");
    requireTime(end, "end");
    if (!end.isAfter(start)) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.END_BEFORE_START,
          "end",
          end.toString(),
          "end must be after start "
              + start
              + " (use overnight(start, end) or the '+1' suffix for shifts crossing midnight, '24:00' for end of day)");
    }
    return new WorkingInterval(
        start, Duration.ofSeconds(end.toSecondOfDay() - start.toSecondOfDay()));
  }

  /** An interval from {@code start} to the end of the day (24:00). */
  public static WorkingInterval untilEndOfDay(LocalTime start) {
    requireTime(start, "start");
    return new WorkingInterval(start, Duration.ofSeconds(DAY_SECONDS - start.toSecondOfDay()));
  }

  /** A shift starting at {@code start} and ending at {@code endNextDay} on the following day. */
  public static WorkingInterval overnight(LocalTime start, LocalTime endNextDay) {
    requireTime(start, "start");
    requireTime(endNextDay, "end");
    long seconds = DAY_SECONDS - start.toSecondOfDay() + endNextDay.toSecondOfDay();
    return new WorkingInterval(start, Duration.ofSeconds(seconds));
  }

  /** The whole day, 00:00-24:00. */
  public static WorkingInterval allDay() {
    return new WorkingInterval(LocalTime.MIDNIGHT, Duration.ofDays(1));
  }

  /**
   * Parses the text form {@code HH:mm[:ss]-HH:mm[:ss][+1]}, with {@code 24:00} as the end of the
   * day.
   *
   * @throws CalendarDefinitionException with {@code MALFORMED_VALUE} or {@code END_BEFORE_START}
   */
  public static WorkingInterval parse(String text) {
    if (text == null || text.isBlank()) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "interval",
          text,
          "expected an interval such as 09:00-18:00");
    }
    String trimmed = text.trim();
    int dash = trimmed.indexOf('-');
    if (dash <= 0 || dash == trimmed.length() - 1) {
      throw malformed(text);
    }
    String startText = trimmed.substring(0, dash).trim();
    String endText = trimmed.substring(dash + 1).trim();
    boolean nextDay = endText.endsWith("+1");
    if (nextDay) {
      endText = endText.substring(0, endText.length() - 2).trim();
    }
    LocalTime start = parseTime(startText, text);
    if (endText.equals("24:00") || endText.equals("24:00:00")) {
      if (nextDay) {
        throw malformed(text);
      }
      return untilEndOfDay(start);
    }
    LocalTime end = parseTime(endText, text);
    return nextDay ? overnight(start, end) : of(start, end);
  }

  /**
   * Wall-clock end time (on the next day when {@link #endsNextDay()}; 00:00 for an interval ending
   * at 24:00).
   */
  public LocalTime end() {
    return start.plus(length);
  }

  /** True when the interval runs past midnight (an interval ending exactly at 24:00 does not). */
  public boolean endsNextDay() {
    return startSecondOfDay() + length.getSeconds() > DAY_SECONDS;
  }

  /** Start as seconds after the owning day's midnight. */
  public int startSecondOfDay() {
    return start.toSecondOfDay();
  }

  /**
   * End as seconds after the owning day's midnight; greater than 86400 for intervals ending the
   * next day.
   */
  public long endSecondOfDay() {
    return start.toSecondOfDay() + length.getSeconds();
  }

  /** The text form, e.g. {@code 09:00-12:00}, {@code 13:00-24:00}, {@code 22:00-06:00+1}. */
  @Override
  public String toString() {
    long end = endSecondOfDay();
    String endText;
    if (end == DAY_SECONDS) {
      endText = "24:00";
    } else if (end > DAY_SECONDS) {
      endText = LocalTime.ofSecondOfDay(end - DAY_SECONDS) + "+1";
    } else {
      endText = LocalTime.ofSecondOfDay(end).toString();
    }
    return start + "-" + endText;
  }

  private static LocalTime parseTime(String timeText, String whole) {
    try {
      return LocalTime.parse(timeText.length() == 4 ? "0" + timeText : timeText);
    } catch (DateTimeParseException e) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MALFORMED_VALUE,
          "interval",
          whole,
          "expected HH:mm[-HH:mm][+1], e.g. 09:00-18:00 or 22:00-06:00+1",
          e);
    }
  }

  private static CalendarDefinitionException malformed(String text) {
    return new CalendarDefinitionException(
        CalendarDefinitionException.Problem.MALFORMED_VALUE,
        "interval",
        text,
        "expected HH:mm-HH:mm, HH:mm-24:00 or HH:mm-HH:mm+1, e.g. 22:00-06:00+1");
  }

  private static void requireTime(LocalTime time, String field) {
    if (time == null) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE, field, null, "a time is required");
    }
  }
}
