package io.loopdesk.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.LoopdeskException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in mainland China holidays against the State Council's notices themselves (dates
 * written here from the notices, not from the data file), and the data file's format, coverage and
 * loading.
 */
class ChinaPublicHolidaysTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final PublicHolidays CN = ChinaPublicHolidays.builtIn();

  private static BusinessCalendar office() {
    return BusinessCalendar.builder("office", SHANGHAI)
        .weekdays(WorkingInterval.parse("09:00-18:00"))
        .publicHolidays(CN)
        .build();
  }

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  private static List<LocalDate> days(String from, String to) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  private static void assertHolidays(List<LocalDate> dates) {
    BusinessCalendar office = office();
    for (LocalDate date : dates) {
      assertTrue(CN.isHoliday(date), date + " is a public holiday");
      assertFalse(office.isWorkingDay(date), date + " is closed");
    }
  }

  private static void assertMakeUpWorkingDays(String... dates) {
    BusinessCalendar office = office();
    for (String text : dates) {
      LocalDate date = LocalDate.parse(text);
      assertThat(date.getDayOfWeek()).as(text).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      assertTrue(CN.isMakeUpWorkingDay(date), text + " is a make-up working day");
      assertEquals(List.of(WorkingInterval.parse("09:00-18:00")), office.hoursOn(date), text);
    }
  }

  private static void assertOrdinary(String... dates) {
    BusinessCalendar office = office();
    for (String text : dates) {
      LocalDate date = LocalDate.parse(text);
      assertTrue(CN.entryOn(date).isEmpty(), text + " is an ordinary day");
      boolean weekend =
          date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      assertEquals(!weekend, office.isWorkingDay(date), text);
    }
  }

  @Test
  void notice2008() {
    // 元旦 2007-12-30 to 2008-01-01, 29 Dec (Saturday) worked; 春节 2-6..2-12, 2 and 3 Feb worked; 清明
    // 4-4;
    // 劳动节 5-1..5-3, 4 May worked; 端午 6-7..6-9; 中秋 9-13..9-15; 国庆 9-29..10-5, 27 and 28 Sep worked
    List<LocalDate> holidays = new ArrayList<>(days("2007-12-30", "2008-01-01"));
    holidays.addAll(days("2008-02-06", "2008-02-12"));
    holidays.addAll(
        List.of(
            LocalDate.parse("2008-04-04"),
            LocalDate.parse("2008-06-09"),
            LocalDate.parse("2008-09-15")));
    holidays.addAll(days("2008-05-01", "2008-05-03"));
    holidays.addAll(days("2008-09-29", "2008-10-05"));
    assertHolidays(holidays);
    assertMakeUpWorkingDays(
        "2007-12-29", "2008-02-02", "2008-02-03", "2008-05-04", "2008-09-27", "2008-09-28");
    assertOrdinary("2008-03-08", "2008-03-09", "2008-03-10", "2008-02-13");
  }

  @Test
  void notice2015AndTheVictoryDayCommemoration() {
    // 元旦 1-1..1-3, 4 Jan worked; 春节 2-18..2-24, 15 and 28 Feb worked; 清明 4-6 in lieu; 劳动节 5-1;
    // 端午 6-22 in lieu; 9-3..9-5 commemoration, 6 Sep worked; 国庆 10-1..10-7, 10 Oct worked
    List<LocalDate> holidays = new ArrayList<>(days("2015-01-01", "2015-01-02"));
    holidays.addAll(days("2015-02-18", "2015-02-24"));
    holidays.addAll(
        List.of(
            LocalDate.parse("2015-04-06"),
            LocalDate.parse("2015-05-01"),
            LocalDate.parse("2015-06-22")));
    holidays.addAll(days("2015-09-03", "2015-09-05"));
    holidays.addAll(days("2015-10-01", "2015-10-07"));
    assertHolidays(holidays);
    assertMakeUpWorkingDays("2015-01-04", "2015-02-15", "2015-02-28", "2015-09-06", "2015-10-10");
    assertOrdinary("2015-03-07", "2015-03-08", "2015-09-02", "2015-10-08");
  }

  @Test
  void notice2020WithTheSpringFestivalExtendedToTheSecondOfFebruary() {
    // 春节 1-24..1-30, extended to 2 Feb (延长至2月2日), so 1 Feb is no longer a make-up day; 19 Jan
    // worked;
    // 劳动节 5-1..5-5, 26 Apr and 9 May worked; 端午 6-25..6-27, 28 Jun worked; 国庆中秋 10-1..10-8, 27 Sep
    // and
    // 10 Oct worked
    List<LocalDate> holidays =
        new ArrayList<>(List.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-04-06")));
    holidays.addAll(days("2020-01-24", "2020-02-02"));
    holidays.addAll(days("2020-05-01", "2020-05-05"));
    holidays.addAll(days("2020-06-25", "2020-06-26"));
    holidays.addAll(days("2020-10-01", "2020-10-08"));
    assertHolidays(holidays);
    assertFalse(CN.isMakeUpWorkingDay(LocalDate.parse("2020-02-01")));
    assertMakeUpWorkingDays(
        "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10");
    assertOrdinary("2020-02-03", "2020-03-07", "2020-03-08");
  }

  @Test
  void notice2024() {
    // 春节 2-10..2-17, 4 and 18 Feb worked (除夕 9 Feb only encouraged as leave, not a holiday); 清明
    // 4-4..4-6,
    // 7 Apr worked; 劳动节 5-1..5-5, 28 Apr and 11 May worked; 端午 6-10; 中秋 9-15..9-17, 14 Sep worked;
    // 国庆 10-1..10-7, 29 Sep and 12 Oct worked
    List<LocalDate> holidays =
        new ArrayList<>(List.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-10")));
    holidays.addAll(days("2024-02-10", "2024-02-17"));
    holidays.addAll(days("2024-04-04", "2024-04-05"));
    holidays.addAll(days("2024-05-01", "2024-05-03"));
    holidays.addAll(days("2024-09-16", "2024-09-17"));
    holidays.addAll(days("2024-10-01", "2024-10-07"));
    assertHolidays(holidays);
    assertMakeUpWorkingDays(
        "2024-02-04",
        "2024-02-18",
        "2024-04-07",
        "2024-04-28",
        "2024-05-11",
        "2024-09-14",
        "2024-09-29",
        "2024-10-12");
    assertOrdinary("2024-02-09", "2024-03-09", "2024-03-10");
  }

  @Test
  void notice2025() {
    // 元旦 1-1 without make-up day; 春节 1-28..2-4, 26 Jan and 8 Feb worked; 清明 4-4..4-6; 劳动节 5-1..5-5,
    // 27 Apr worked; 端午 5-31..6-2; 国庆中秋 10-1..10-8, 28 Sep and 11 Oct worked
    List<LocalDate> holidays =
        new ArrayList<>(
            List.of(
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-04-04"),
                LocalDate.parse("2025-06-02")));
    holidays.addAll(days("2025-01-28", "2025-02-04"));
    holidays.addAll(days("2025-05-01", "2025-05-05"));
    holidays.addAll(days("2025-10-01", "2025-10-08"));
    assertHolidays(holidays);
    assertMakeUpWorkingDays("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    assertOrdinary("2025-01-04", "2025-03-08", "2025-03-09", "2025-10-09");
  }

  @Test
  void notice2026() {
    // 元旦 1-1..1-3, 4 Jan worked; 春节 2-15..2-23, 14 and 28 Feb worked; 清明 4-4..4-6; 劳动节 5-1..5-5,
    // 9 May worked; 端午 6-19..6-21; 中秋 9-25..9-27; 国庆 10-1..10-7, 20 Sep and 10 Oct worked
    List<LocalDate> holidays = new ArrayList<>(days("2026-01-01", "2026-01-03"));
    holidays.addAll(days("2026-02-15", "2026-02-23"));
    holidays.addAll(days("2026-04-04", "2026-04-06"));
    holidays.addAll(days("2026-05-01", "2026-05-05"));
    holidays.addAll(days("2026-06-19", "2026-06-21"));
    holidays.addAll(days("2026-09-25", "2026-09-27"));
    holidays.addAll(days("2026-10-01", "2026-10-07"));
    assertHolidays(holidays);
    assertMakeUpWorkingDays(
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertOrdinary("2026-03-07", "2026-03-08", "2026-10-08", "2026-10-11");
  }

  @Test
  void theBuiltInDataSaysWhatItCoversAndWhereItComesFrom() {
    assertEquals(
        new PublicHolidays.Coverage(Year.of(2007), Year.of(2026)), ChinaPublicHolidays.coverage());
    assertThat(ChinaPublicHolidays.source()).contains("国务院办公厅", "chinese-days", "MIT");
    assertEquals(LocalDate.of(2026, 5, 8), ChinaPublicHolidays.asOf());
    assertEquals("CN", CN.region());
    assertThat(CN.entries()).allSatisfy(entry -> assertThat(entry.label()).isNotBlank());
  }

  @Test
  void aDateOutsideTheCoveredYearsIsATypedErrorThatSaysWhatToDo() {
    for (LocalDate date : List.of(LocalDate.of(2027, 1, 4), LocalDate.of(2006, 12, 31))) {
      HolidayCoverageException e =
          assertThrows(HolidayCoverageException.class, () -> CN.isHoliday(date));
      assertThat(e).isInstanceOf(LoopdeskException.class);
      assertEquals(date, e.date());
      assertThat(e.getMessage())
          .contains(
              String.valueOf(date.getYear()), "2007..2026", "PublicHolidays.load(", "WEEKLY_HOURS");
      assertThrows(HolidayCoverageException.class, () -> office().isWorkingDay(date));
    }
  }

  @Test
  void aDeadlineReachingIntoAnUncoveredYearFailsUnlessTheCalendarFallsBackOnPurpose() {
    Instant lateDecember = shanghai("2026-12-30T10:00");
    HolidayCoverageException e =
        assertThrows(
            HolidayCoverageException.class, () -> office().add(lateDecember, Duration.ofHours(24)));
    assertEquals(2027, e.date().getYear());
    assertEquals(
        shanghai("2026-12-31T17:00"),
        office().add(lateDecember, Duration.ofHours(16)),
        "inside the covered year the answer is given");

    BusinessCalendar lenient =
        BusinessCalendar.builder("office", SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .publicHolidays(CN, PublicHolidays.BeyondCoverage.WEEKLY_HOURS)
            .build();
    assertEquals(
        shanghai("2027-01-01T16:00"),
        lenient.add(lateDecember, Duration.ofHours(24)),
        "1 January 2027 counts as an ordinary Friday");
  }

  @Test
  void theCalendarsOwnOverridesWinOverThePublicHolidays() {
    BusinessCalendar office =
        BusinessCalendar.builder("office", SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .publicHolidays(CN)
            .holiday(LocalDate.of(2026, 10, 10), "company outing instead of the make-up Saturday")
            .workingDay(LocalDate.of(2026, 10, 3), "on call", WorkingInterval.parse("10:00-12:00"))
            .build();
    assertFalse(office.isWorkingDay(LocalDate.of(2026, 10, 10)));
    assertEquals(
        List.of(WorkingInterval.parse("10:00-12:00")), office.hoursOn(LocalDate.of(2026, 10, 3)));
    assertFalse(office.isWorkingDay(LocalDate.of(2026, 10, 2)));
    assertFalse(office.isWorkingDay(LocalDate.of(2026, 10, 4)));
    assertEquals(
        office,
        office.toBuilder().build(),
        "toBuilder keeps own overrides and the public holidays apart");
    assertThat(office.toString()).contains("CN 2007..2026");
  }

  @Test
  void aNewerFileIsLoadedFromAPathOrAStreamInTheSameFormat(@TempDir Path dir) throws Exception {
    String newer =
        """
                # test data only: the dates below are not taken from a notice
                format: loopdesk-holidays/1
                region: CN
                source: test
                as-of: 2027-11-01
                coverage: 2026..2027
                2026-10-01..2026-10-07 off National Day (国庆节)
                2027-01-01 off New Year's Day (元旦)
                2027-01-09 work test make-up day
                """;
    Path file = dir.resolve("cn.txt");
    Files.writeString(file, newer, StandardCharsets.UTF_8);
    PublicHolidays fromFile = ChinaPublicHolidays.load(file);
    PublicHolidays fromStream =
        PublicHolidays.load(new ByteArrayInputStream(newer.getBytes(StandardCharsets.UTF_8)));
    assertEquals(fromFile, fromStream);
    assertEquals(new PublicHolidays.Coverage(Year.of(2026), Year.of(2027)), fromFile.coverage());
    assertEquals(LocalDate.of(2027, 11, 1), fromFile.asOf());

    BusinessCalendar office =
        BusinessCalendar.builder("office", SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .publicHolidays(fromFile)
            .build();
    assertEquals(
        shanghai("2027-01-04T16:00"),
        office.add(shanghai("2026-12-31T10:00"), Duration.ofHours(15)),
        "31 Dec 8 h, 1 Jan closed, 4 Jan 7 h");
    assertTrue(office.isWorkingDay(LocalDate.of(2027, 1, 9)));
  }

  @Test
  void malformedDataIsATypedErrorNamingTheLine() {
    String header =
        "format: loopdesk-holidays/1\nregion: CN\nsource: test\nas-of: 2026-01-01\ncoverage: 2026..2026\n";
    assertEquals("line 6", load(header + "2026-10-01 holiday National Day\n").field());
    assertEquals("line 6", load(header + "2026-13-01 off National Day\n").field());
    assertEquals("line 6", load(header + "2027-01-01 off outside coverage\n").field());
    assertEquals("line 6", load(header + "2026-10-07..2026-10-01 off backwards\n").field());
    assertEquals("line 6", load(header + "x".repeat(2_000) + "\n").field());
    assertEquals("line 6", load(header + "colour: blue\n").field());
    assertEquals(
        "coverage",
        load(header.replace("2026..2026", "2025..2026") + "2026-10-01 off National Day\n").field());
    assertEquals(
        "source",
        load(header.replace("source: test\n", "") + "2026-10-01 off National Day\n").field());
    assertEquals(
        "format", load(header.replace("/1", "/9") + "2026-10-01 off National Day\n").field());
    assertEquals(
        CalendarDefinitionException.Problem.CONFLICTING_OVERRIDES,
        load(header + "2026-10-01..2026-10-07 off a\n2026-10-07 work b\n").problem());
    assertThrows(
        CalendarDefinitionException.class,
        () ->
            ChinaPublicHolidays.load(
                new ByteArrayInputStream(
                    (header.replace("CN", "HK") + "2026-10-01 off National Day\n")
                        .getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void calendarDefinitionsNameTheBuiltInHolidaysAndKeepThemOnTheWayBack() {
    BusinessCalendar office =
        CalendarDefinitions.fromYaml(
            """
                name: office
                zone: Asia/Shanghai
                weekly: { WEEKDAYS: ["09:00-18:00"] }
                publicHolidays: CN
                overrides:
                  - { date: 2026-10-10, label: company outing }
                """);
    assertFalse(office.isWorkingDay(LocalDate.of(2026, 10, 1)));
    assertTrue(office.isWorkingDay(LocalDate.of(2026, 9, 20)), "make-up Sunday");
    assertFalse(office.isWorkingDay(LocalDate.of(2026, 10, 10)), "the own override wins");
    assertThrows(
        HolidayCoverageException.class, () -> office.isWorkingDay(LocalDate.of(2027, 1, 1)));

    String json = CalendarDefinitions.toJson(office);
    assertThat(json).contains("\"publicHolidays\" : \"CN\"").doesNotContain("National Day");
    assertEquals(office, CalendarDefinitions.fromJson(json));

    BusinessCalendar lenient =
        CalendarDefinitions.fromJson(
            """
                {"name": "x", "zone": "Asia/Shanghai", "weekly": {"WEEKDAYS": ["09:00-18:00"]},
                 "publicHolidays": "CN", "beyondCoverage": "weekly_hours"}""");
    assertTrue(lenient.isWorkingDay(LocalDate.of(2027, 1, 4)));
    assertEquals(lenient, CalendarDefinitions.fromJson(CalendarDefinitions.toJson(lenient)));

    assertEquals(
        "$.publicHolidays",
        assertThrows(
                CalendarDefinitionException.class,
                () ->
                    CalendarDefinitions.fromJson(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"publicHolidays\": \"HK\"}"))
            .field());
    assertEquals(
        "$.beyondCoverage",
        assertThrows(
                CalendarDefinitionException.class,
                () ->
                    CalendarDefinitions.fromJson(
                        "{\"name\": \"x\", \"zone\": \"UTC\", \"beyondCoverage\": \"FAIL\"}"))
            .field());
  }

  private static CalendarDefinitionException load(String text) {
    CalendarDefinitionException e =
        assertThrows(
            CalendarDefinitionException.class,
            () ->
                PublicHolidays.load(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    assertThat(e).isInstanceOf(LoopdeskException.class);
    return e;
  }
}
