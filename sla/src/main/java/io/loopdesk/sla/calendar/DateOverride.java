package io.loopdesk.sla.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Replaces the weekly schedule for every date in {@code [from, to]} (both inclusive) by {@code
 * hours}: an empty list is a holiday (closed all day), a non-empty list is a part-day holiday or a
 * make-up working day (调休) with its own hours.
 *
 * @param from first date, inclusive
 * @param to last date, inclusive, not before {@code from}
 * @param hours the working intervals of each covered date (empty: closed)
 * @param label optional description such as "National Day"; never null (empty when absent)
 */
public record DateOverride(
    LocalDate from, LocalDate to, List<WorkingInterval> hours, String label) {

  /** Validates and copies the components; the hours are sorted by start. */
  public DateOverride {
    if (from == null) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "from",
          null,
          "an override needs a first date");
    }
    if (to == null) {
      to = from;
    }
    if (to.isBefore(from)) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.END_BEFORE_START,
          "to",
          to.toString(),
          "the last date must not be before the first date " + from);
    }
    if (hours == null) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "hours",
          null,
          "use an empty list for a holiday");
    }
    if (hours.stream().anyMatch(java.util.Objects::isNull)) {
      throw new CalendarDefinitionException(
          CalendarDefinitionException.Problem.MISSING_VALUE,
          "hours",
          hours.toString(),
          "an override's hours must not contain null");
    }
    hours = hours.stream().sorted(WorkingInterval.BY_START).toList();
    label = label == null ? "" : label;
  }

  /** True when the covered dates have no working time. */
  public boolean isClosed() {
    return hours.isEmpty();
  }

  /** True when {@code date} lies within {@code [from, to]}. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
