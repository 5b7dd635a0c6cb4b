package io.loopdesk.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * A deliberately naive reference: it marks every working minute of a window by scanning wall-clock
 * readings minute by minute, and answers questions by stepping minute by minute. It knows nothing
 * about offsets or transitions beyond "what does the clock on the wall show at this instant".
 *
 * <p>An interval [start, end) of date d covers the instants from the first instant whose reading is
 * at or after d+start up to (excluding) the first instant after which the reading never again is
 * before d+end.
 */
final class ReferenceCalendar {

  private final long windowStartMinute;
  private final boolean[] working;

  ReferenceCalendar(CalendarSpec spec, LocalDate firstDate, int days) {
    ZoneRules rules = spec.zone().getRules();
    LocalDate scanFrom = firstDate.minusDays(2);
    long scanStart = scanFrom.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60 - 24 * 60;
    int scanLength = (days + 6) * 24 * 60;
    LocalDateTime[] reading = new LocalDateTime[scanLength];
    for (int m = 0; m < scanLength; m++) {
      Instant at = Instant.ofEpochSecond((scanStart + m) * 60);
      reading[m] = LocalDateTime.ofInstant(at, rules.getOffset(at));
    }
    this.windowStartMinute = scanStart;
    this.working = new boolean[scanLength];
    for (LocalDate d = scanFrom; d.isBefore(firstDate.plusDays(days + 1L)); d = d.plusDays(1)) {
      List<int[]> hours = spec.hoursOn(d);
      for (int[] h : hours) {
        LocalDateTime wallStart = d.atStartOfDay().plusMinutes(h[0]);
        LocalDateTime wallEnd = d.atStartOfDay().plusMinutes(h[1]);
        long utcMidnight = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / 60 - scanStart;
        int low = (int) Math.max(0, utcMidnight - 2 * 1440);
        int high = (int) Math.min(scanLength - 1, utcMidnight + 4 * 1440);
        int first = -1;
        for (int m = low; m <= high; m++) {
          if (!reading[m].isBefore(wallStart)) {
            first = m;
            break;
          }
        }
        int lastBefore = -1;
        for (int m = high; m >= low; m--) {
          if (reading[m].isBefore(wallEnd)) {
            lastBefore = m;
            break;
          }
        }
        for (int m = first; m >= 0 && m <= lastBefore; m++) {
          working[m] = true;
        }
      }
    }
  }

  Instant windowStart() {
    return Instant.ofEpochSecond(windowStartMinute * 60);
  }

  Instant windowEnd() {
    return Instant.ofEpochSecond((windowStartMinute + working.length) * 60);
  }

  boolean isWorkingTime(Instant t) {
    return working[index(t)];
  }

  /** Working minutes in [a, b) for minute-aligned instants. */
  Duration between(Instant a, Instant b) {
    long count = 0;
    for (int m = index(a); m < index(b); m++) {
      if (working[m]) {
        count++;
      }
    }
    return Duration.ofMinutes(count);
  }

  /** Steps minute by minute; null when the window ends first. */
  Instant add(Instant t, Duration d) {
    long needed = d.toMinutes();
    int m = index(t);
    if (needed == 0) {
      return t;
    }
    while (m < working.length) {
      if (working[m] && --needed == 0) {
        return Instant.ofEpochSecond((windowStartMinute + m + 1) * 60);
      }
      m++;
    }
    return null;
  }

  /** First working minute at or after t; null when none in the window. */
  Instant nextWorkingInstant(Instant t) {
    for (int m = index(t); m < working.length; m++) {
      if (working[m]) {
        return Instant.ofEpochSecond((windowStartMinute + m) * 60);
      }
    }
    return null;
  }

  private int index(Instant t) {
    long m = t.getEpochSecond() / 60 - windowStartMinute;
    if (m < 0 || m >= working.length || t.getEpochSecond() % 60 != 0) {
      throw new IllegalArgumentException("outside reference window or not minute-aligned: " + t);
    }
    return (int) m;
  }
}
