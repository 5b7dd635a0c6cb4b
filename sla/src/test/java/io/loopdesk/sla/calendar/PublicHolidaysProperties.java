package io.loopdesk.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of a calendar with the built-in mainland China holidays, over the whole covered range.
 */
class PublicHolidaysProperties {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final PublicHolidays CN = ChinaPublicHolidays.builtIn();
  private static final BusinessCalendar OFFICE =
      BusinessCalendar.builder("office", SHANGHAI)
          .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
          .publicHolidays(CN)
          .build();

  @Property(tries = 500)
  void aDayIsWorkedExactlyWhenItIsAMakeUpDayOrAWeekdayThatIsNoHoliday(
      @ForAll("coveredDates") LocalDate date) {
    boolean weekday =
        date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    boolean expected = CN.isMakeUpWorkingDay(date) || (weekday && !CN.isHoliday(date));
    assertEquals(expected, OFFICE.isWorkingDay(date), date.toString());
  }

  @Property(tries = 500)
  void addingWorkingTimeAndMeasuringItBackAgreeAcrossHolidays(
      @ForAll("coveredInstants") Instant start,
      @ForAll @IntRange(min = 1, max = 6_000) int minutes) {
    Duration duration = Duration.ofMinutes(minutes);
    Instant end = OFFICE.add(start, duration);
    assertEquals(duration, OFFICE.between(start, end));
    assertTrue(OFFICE.isWorkingTime(end.minusNanos(1)), "the deadline closes working time");
    assertTrue(OFFICE.isWorkingDay(LocalDate.ofInstant(end.minusNanos(1), SHANGHAI)));
  }

  @Provide
  Arbitrary<LocalDate> coveredDates() {
    LocalDate first = LocalDate.of(CN.coverage().first().getValue(), 1, 1);
    LocalDate last = LocalDate.of(CN.coverage().last().getValue(), 12, 31);
    return Arbitraries.longs()
        .between(first.toEpochDay(), last.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Instant> coveredInstants() {
    long from =
        LocalDate.of(CN.coverage().first().getValue(), 1, 2).atStartOfDay(SHANGHAI).toEpochSecond();
    long to =
        LocalDate.of(CN.coverage().last().getValue(), 6, 30).atStartOfDay(SHANGHAI).toEpochSecond();
    return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
  }
}
