package io.loopdesk.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Worked examples: Chinese holiday week with make-up days, night shifts, daylight saving,
 * precision.
 */
class BusinessCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static WorkingInterval hours(String text) {
    return WorkingInterval.parse(text);
  }

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  /**
   * 09:00-12:00 and 13:00-18:00 Monday to Friday (8 h), National Day week 2026 with two make-up
   * days.
   */
  static BusinessCalendar chineseOffice() {
    return BusinessCalendar.builder("cn-office", SHANGHAI)
        .weekdays(hours("09:00-12:00"), hours("13:00-18:00"))
        .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
        .workingDayLike(LocalDate.of(2026, 9, 27), DayOfWeek.MONDAY, "make-up Sunday")
        .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, "make-up Saturday")
        .holiday(LocalDate.of(2027, 1, 1), "New Year")
        .build();
  }

  @Test
  void deadlineCrossesHolidayWeekAndLandsOnMakeUpSaturday() {
    BusinessCalendar calendar = chineseOffice();
    Instant created = at("2026-09-30T16:00", SHANGHAI);
    // Sep 30: 2 h, Oct 1-7: holiday, Oct 8: 8 h, Oct 9: 8 h, Oct 10 (make-up Saturday): 6 h
    Instant due = calendar.add(created, Duration.ofHours(24));
    assertEquals(at("2026-10-10T16:00", SHANGHAI), due);
    assertEquals(Duration.ofHours(24), calendar.between(created, due));
    assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)));
    assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 5)));
    assertFalse(calendar.isWorkingTime(at("2026-10-05T10:00", SHANGHAI)));

    assertEquals(calendar, calendar.toBuilder().build());
  }

  @Test
  void makeUpSundayBeforeTheHolidayCounts() {
    BusinessCalendar calendar = chineseOffice();
    Instant fridayEvening = at("2026-09-25T17:00", SHANGHAI);
    assertEquals(
        at("2026-09-27T10:00", SHANGHAI), calendar.add(fridayEvening, Duration.ofHours(2)));
    assertEquals(
        at("2026-09-27T09:00", SHANGHAI),
        calendar.nextWorkingInstant(at("2026-09-26T12:00", SHANGHAI)));
  }

  @Test
  void deadlineExactlyExhaustingAnIntervalIsThatIntervalsEnd() {
    BusinessCalendar calendar = chineseOffice();
    Instant morning = at("2026-11-02T09:00", SHANGHAI);
    assertEquals(at("2026-11-02T12:00", SHANGHAI), calendar.add(morning, Duration.ofHours(3)));
    assertEquals(
        at("2026-11-02T13:00:00.000000001", SHANGHAI),
        calendar.add(morning, Duration.ofHours(3).plusNanos(1)));
    assertEquals(morning, calendar.add(morning, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> calendar.add(morning, Duration.ofSeconds(-1)));
  }

  @Test
  void partDayHolidayKeepsItsOwnHours() {
    BusinessCalendar calendar =
        chineseOffice().toBuilder()
            .workingDay(LocalDate.of(2026, 12, 31), "New Year's Eve", hours("09:00-12:00"))
            .build();
    assertEquals(
        at("2027-01-04T10:00", SHANGHAI),
        calendar.add(at("2026-12-31T11:00", SHANGHAI), Duration.ofHours(2)));
  }

  @Test
  void nightShiftCrossesMidnightAndBelongsToTheDayItStarts() {
    BusinessCalendar nights =
        BusinessCalendar.builder("night-desk", ZoneOffset.UTC)
            .weekdays(hours("22:00-06:00+1"))
            .holiday(LocalDate.of(2026, 11, 3), "Tuesday off")
            .build();
    Instant fridayNight = at("2026-11-06T23:00", ZoneOffset.UTC);
    // Friday shift until Saturday 06:00 (7 h), then Monday 22:00 + 3 h
    assertEquals(
        at("2026-11-10T01:00", ZoneOffset.UTC), nights.add(fridayNight, Duration.ofHours(10)));
    // Monday's shift runs into the Tuesday holiday; the Tuesday night shift is cancelled
    assertTrue(nights.isWorkingTime(at("2026-11-03T05:59", ZoneOffset.UTC)));
    assertFalse(nights.isWorkingTime(at("2026-11-03T23:00", ZoneOffset.UTC)));
    assertEquals(
        at("2026-11-04T22:00", ZoneOffset.UTC),
        nights.nextWorkingInstant(at("2026-11-03T06:00", ZoneOffset.UTC)));
    assertEquals(
        Duration.ofHours(8),
        nights.between(
            at("2026-11-02T00:00", ZoneOffset.UTC), at("2026-11-04T00:00", ZoneOffset.UTC)));
  }

  @Test
  void nightShiftOverYearEndStaysInTheOldYearsShift() {
    BusinessCalendar nights =
        BusinessCalendar.builder("night-desk", ZoneOffset.UTC)
            .everyDay(hours("22:00-06:00+1"))
            .holiday(LocalDate.of(2027, 1, 1), "New Year")
            .build();
    Instant newYearsEve = at("2026-12-31T23:00", ZoneOffset.UTC);
    assertEquals(
        at("2027-01-01T06:00", ZoneOffset.UTC), nights.add(newYearsEve, Duration.ofHours(7)));
    assertEquals(
        at("2027-01-02T22:00:01", ZoneOffset.UTC),
        nights.add(newYearsEve, Duration.ofHours(7).plusSeconds(1)));
  }

  @Test
  void roundTheClockCalendarFollowsDaylightSavingInNewYork() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(newYork);
    assertEquals(
        Duration.ofHours(23),
        calendar.between(at("2026-03-08T00:00", newYork), at("2026-03-09T00:00", newYork)));
    assertEquals(
        Duration.ofHours(25),
        calendar.between(at("2026-11-01T00:00", newYork), at("2026-11-02T00:00", newYork)));
    Instant t = Instant.parse("2026-03-07T12:34:56.789Z");
    assertEquals(t.plus(Duration.ofDays(400)), calendar.add(t, Duration.ofDays(400)));
  }

  @Test
  void intervalsTouchingDaylightSavingTransitionsCountOnlyExistingWallClockTime() {
    ZoneId newYork = ZoneId.of("America/New_York");
    BusinessCalendar early =
        BusinessCalendar.builder("early", newYork).everyDay(hours("01:00-04:00")).build();
    assertEquals(
        Duration.ofHours(2),
        early.between(at("2026-03-08T00:00", newYork), at("2026-03-08T12:00", newYork)));
    assertEquals(
        Duration.ofHours(4),
        early.between(at("2026-11-01T00:00", newYork), at("2026-11-01T12:00", newYork)));
    BusinessCalendar insideGap =
        BusinessCalendar.builder("gap", newYork).everyDay(hours("02:15-02:45")).build();
    assertFalse(insideGap.isWorkingDay(LocalDate.of(2026, 3, 8)));
    assertTrue(insideGap.isWorkingDay(LocalDate.of(2026, 3, 9)));
  }

  @Test
  void lordHoweShiftsByHalfAnHour() {
    ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
    BusinessCalendar calendar = BusinessCalendar.twentyFourSeven(lordHowe);
    assertEquals(
        Duration.ofMinutes(23 * 60 + 30),
        calendar.between(at("2026-10-04T00:00", lordHowe), at("2026-10-05T00:00", lordHowe)));
    assertEquals(
        Duration.ofMinutes(24 * 60 + 30),
        calendar.between(at("2026-04-05T00:00", lordHowe), at("2026-04-06T00:00", lordHowe)));
  }

  @Test
  void addWorkingDaysKeepsTheTimeOfDayAndSkipsHolidays() {
    BusinessCalendar calendar = chineseOffice();
    assertEquals(
        at("2026-10-08T10:30", SHANGHAI),
        calendar.addWorkingDays(at("2026-09-30T10:30", SHANGHAI), 1));
    assertEquals(
        at("2026-10-10T10:30", SHANGHAI),
        calendar.addWorkingDays(at("2026-09-30T10:30", SHANGHAI), 3));
    // "a delay request must be filed one working day before the deadline"
    assertEquals(
        at("2026-09-30T15:00", SHANGHAI),
        calendar.addWorkingDays(at("2026-10-08T15:00", SHANGHAI), -1));
    assertEquals(
        at("2027-01-04T09:00", SHANGHAI),
        calendar.addWorkingDays(at("2026-12-31T09:00", SHANGHAI), 1));
    Instant t = at("2026-06-01T09:00", SHANGHAI);
    assertEquals(t, calendar.addWorkingDays(t, 0));
    assertEquals(t, calendar.addWorkingDays(calendar.addWorkingDays(t, 300), -300));
  }

  @Test
  void oneYearOfBusinessTimeCrossesTheYearBoundaryExactly() {
    BusinessCalendar calendar = chineseOffice();
    Instant t = at("2026-06-01T09:00", SHANGHAI);
    Duration year = Duration.ofHours(8L * 250);
    Instant due = calendar.add(t, year);
    assertTrue(due.isAfter(at("2027-05-01T00:00", SHANGHAI)));
    assertEquals(year, calendar.between(t, due));
    assertEquals(year.negated(), calendar.between(due, t));
  }

  @Test
  void calendarsWithoutWorkingTimeFailOnlyWhenADeadlineIsAsked() {
    BusinessCalendar closed = BusinessCalendar.builder("closed", SHANGHAI).build();
    Instant t = at("2026-06-01T09:00", SHANGHAI);
    assertFalse(closed.isWorkingTime(t));
    assertEquals(Duration.ZERO, closed.between(t, t.plus(Duration.ofDays(30))));
    CalendarDefinitionException e =
        assertThrows(CalendarDefinitionException.class, () -> closed.add(t, Duration.ofHours(1)));
    assertEquals(CalendarDefinitionException.Problem.NO_WORKING_TIME, e.problem());
    assertThrows(CalendarDefinitionException.class, () -> closed.nextWorkingInstant(t));
    assertThrows(CalendarDefinitionException.class, () -> closed.addWorkingDays(t, 1));

    BusinessCalendar onlyOneDay =
        BusinessCalendar.builder("one-day", SHANGHAI)
            .workingDay(LocalDate.of(2026, 7, 1), "event", hours("09:00-10:00"))
            .build();
    assertEquals(at("2026-07-01T09:30", SHANGHAI), onlyOneDay.add(t, Duration.ofMinutes(30)));
    assertThrows(
        CalendarDefinitionException.class, () -> onlyOneDay.add(t, Duration.ofMinutes(61)));
  }

  @Test
  void concurrentQueriesAgreeWithSequentialOnes() throws Exception {
    BusinessCalendar sequential = chineseOffice();
    List<Instant> starts = new ArrayList<>();
    List<Instant> expected = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      Instant start = at("2020-01-01T00:00", SHANGHAI).plus(Duration.ofHours(37L * i));
      starts.add(start);
      expected.add(sequential.add(start, Duration.ofMinutes(17L * i)));
    }
    BusinessCalendar fresh = chineseOffice();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        results.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < starts.size(); k++) {
                    int i = (k * 7 + offset * 500) % starts.size();
                    if (!fresh
                        .add(starts.get(i), Duration.ofMinutes(17L * i))
                        .equals(expected.get(i))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workingIntervalTextFormRoundTrips() {
    for (String text :
        List.of("09:00-12:00", "13:30-24:00", "22:00-06:00+1", "00:00-24:00", "08:15:30-09:00")) {
      assertEquals(
          WorkingInterval.parse(text),
          WorkingInterval.parse(WorkingInterval.parse(text).toString()));
    }
    assertEquals(LocalTime.of(6, 0), hours("22:00-06:00+1").end());
    assertTrue(hours("22:00-06:00+1").endsNextDay());
    assertFalse(hours("13:30-24:00").endsNextDay());
    assertEquals(WorkingInterval.allDay(), hours("00:00-24:00"));
  }
}
