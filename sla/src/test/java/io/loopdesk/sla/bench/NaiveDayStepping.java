package io.loopdesk.sla.bench;

import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Baseline for the benchmarks: the textbook way to add business time, walking day by day from the
 * start date, converting each working interval of each day to instants and consuming it. Cost grows
 * with the span. Uses the same calendar definition (weekly hours and overrides) as the real engine.
 */
final class NaiveDayStepping {

  private NaiveDayStepping() {}

  static Instant add(BusinessCalendar calendar, Instant start, Duration duration) {
    long remaining = duration.toNanos();
    if (remaining == 0) {
      return start;
    }
    LocalDate date = LocalDate.ofInstant(start, calendar.zone()).minusDays(1);
    while (true) {
      for (WorkingInterval interval : calendar.hoursOn(date)) {
        ZonedDateTime midnight = date.atStartOfDay(calendar.zone());
        Instant from =
            midnight
                .toLocalDateTime()
                .plusSeconds(interval.startSecondOfDay())
                .atZone(calendar.zone())
                .toInstant();
        Instant to =
            midnight
                .toLocalDateTime()
                .plusSeconds(interval.endSecondOfDay())
                .atZone(calendar.zone())
                .toInstant();
        if (!to.isAfter(start)) {
          continue;
        }
        Instant effectiveFrom = from.isBefore(start) ? start : from;
        long available = Duration.between(effectiveFrom, to).toNanos();
        if (available >= remaining) {
          return effectiveFrom.plusNanos(remaining);
        }
        remaining -= available;
      }
      date = date.plusDays(1);
    }
  }
}
