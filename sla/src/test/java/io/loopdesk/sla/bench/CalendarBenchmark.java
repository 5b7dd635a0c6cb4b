package io.loopdesk.sla.bench;

import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Due-date computation: the prefix-sum engine against naive day-by-day stepping, for spans of one
 * hour, one week and one year of business time, on a simple and on a holiday-heavy calendar. Start
 * instants are spread over two years so that lookups do not hit one cached position.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

  /** Calendar under test. */
  @Param({"simple", "holidayHeavy"})
  public String calendarKind;

  /** Business time to add. */
  @Param({"PT1H", "PT168H", "PT8760H"})
  public String span;

  private BusinessCalendar calendar;
  private Duration duration;
  private final Instant[] starts = new Instant[1024];
  private int next;

  /** Builds the calendars and the start instants. */
  @Setup
  public void setUp() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    calendar = calendarKind.equals("simple") ? simple(zone) : holidayHeavy(zone);
    duration = Duration.parse(span);
    Random random = new Random(42);
    Instant origin = LocalDate.of(2026, 1, 1).atStartOfDay(zone).toInstant();
    for (int i = 0; i < starts.length; i++) {
      starts[i] = origin.plusSeconds(random.nextInt(2 * 365 * 86_400));
    }
    for (Instant start : starts) {
      calendar.add(start, duration);
    }
  }

  static BusinessCalendar simple(ZoneId zone) {
    return BusinessCalendar.builder("simple", zone)
        .weekdays(WorkingInterval.parse("09:00-18:00"))
        .build();
  }

  /**
   * Two intervals a day, a half-day on Saturdays, and roughly 70 holidays and 10 make-up days a
   * year.
   */
  static BusinessCalendar holidayHeavy(ZoneId zone) {
    BusinessCalendar.Builder builder =
        BusinessCalendar.builder("holiday-heavy", zone)
            .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
            .weekly(DayOfWeek.SATURDAY, WorkingInterval.parse("10:00-14:00"));
    Random random = new Random(7);
    for (int year = 2025; year <= 2030; year++) {
      builder.holidays(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 7), "National Day");
      builder.holidays(LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 7), "Spring Festival");
      LocalDate day = LocalDate.of(year, 1, 1);
      while (day.getYear() == year) {
        boolean inHolidayWeek =
            (day.getMonthValue() == 10 && day.getDayOfMonth() <= 8)
                || (day.getMonthValue() == 2 && day.getDayOfMonth() <= 8);
        if (!inHolidayWeek) {
          int roll = random.nextInt(100);
          if (roll < 15) {
            builder.holiday(day, "holiday");
          } else if (roll < 18 && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            builder.workingDayLike(day, DayOfWeek.MONDAY, "make-up day");
          }
        }
        day = day.plusDays(1);
      }
    }
    return builder.build();
  }

  /** Prefix sums and binary search. */
  @Benchmark
  public Instant prefixSums() {
    Instant start = starts[next++ & (starts.length - 1)];
    return calendar.add(start, duration);
  }

  /** Baseline: day-by-day stepping. */
  @Benchmark
  public Instant naiveDayStepping() {
    Instant start = starts[next++ & (starts.length - 1)];
    return NaiveDayStepping.add(calendar, start, duration);
  }
}
