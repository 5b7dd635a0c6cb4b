package io.loopdesk.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raw, test-side description of a random calendar: intervals as minute offsets from the owning
 * day's midnight (end may exceed 1440 for shifts crossing midnight). Both the real calendar and the
 * {@link ReferenceCalendar} are derived from it independently.
 */
record CalendarSpec(ZoneId zone, Map<DayOfWeek, List<int[]>> weekly, List<OverrideSpec> overrides) {

  /**
   * One date override: {@code days} consecutive dates from {@code from}; empty hours means closed.
   */
  record OverrideSpec(LocalDate from, int days, List<int[]> hours) {
    LocalDate to() {
      return from.plusDays(days - 1L);
    }
  }

  List<int[]> hoursOn(LocalDate date) {
    for (OverrideSpec o : overrides) {
      if (!date.isBefore(o.from()) && !date.isAfter(o.to())) {
        return o.hours();
      }
    }
    return weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  /**
   * A date is a working day when one of its intervals contains a wall-clock minute that exists in
   * the zone.
   */
  boolean isWorkingDay(LocalDate date) {
    for (int[] h : hoursOn(date)) {
      for (int m = h[0]; m < h[1]; m++) {
        if (!zone.getRules().getValidOffsets(date.atStartOfDay().plusMinutes(m)).isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  BusinessCalendar toCalendar() {
    BusinessCalendar.Builder builder = BusinessCalendar.builder("random", zone);
    weekly.forEach((day, hours) -> builder.weekly(day, toIntervals(hours)));
    for (OverrideSpec o : overrides) {
      builder.override(new DateOverride(o.from(), o.to(), toIntervals(o.hours()), "random"));
    }
    return builder.build();
  }

  static List<WorkingInterval> toIntervals(List<int[]> hours) {
    List<WorkingInterval> result = new ArrayList<>();
    for (int[] h : hours) {
      result.add(
          new WorkingInterval(
              LocalTime.ofSecondOfDay(h[0] * 60L), Duration.ofMinutes(h[1] - h[0])));
    }
    return result;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CalendarSpec[" + zone + ", weekly={");
    weekly.forEach((d, h) -> sb.append(d).append('=').append(text(h)).append(' '));
    sb.append("}, overrides=[");
    overrides.forEach(
        o ->
            sb.append(o.from())
                .append('+')
                .append(o.days())
                .append('=')
                .append(text(o.hours()))
                .append(' '));
    return sb.append("]]").toString();
  }

  private static String text(List<int[]> hours) {
    return toIntervals(hours).toString();
  }
}
