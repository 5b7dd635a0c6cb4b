package io.loopdesk.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid definitions fail with a typed error naming the problem, the field and the value. */
class CalendarDefinitionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static CalendarDefinitionException expect(Problem problem, Executable executable) {
    CalendarDefinitionException e = assertThrows(CalendarDefinitionException.class, executable);
    assertEquals(problem, e.problem(), e.getMessage());
    return e;
  }

  @Test
  void overlappingIntervalsOfOneDayAreRejected() {
    CalendarDefinitionException e =
        expect(
            Problem.OVERLAPPING_INTERVALS,
            () ->
                BusinessCalendar.builder("x", SHANGHAI)
                    .weekly(
                        DayOfWeek.MONDAY,
                        WorkingInterval.parse("09:00-12:00"),
                        WorkingInterval.parse("11:00-18:00"))
                    .build());
    assertEquals("weekly.MONDAY", e.field());
    assertTrue(e.value().contains("11:00-18:00"));
  }

  @Test
  void nightShiftOverlappingTheNextMorningIsRejected() {
    CalendarDefinitionException e =
        expect(
            Problem.OVERLAPPING_INTERVALS,
            () ->
                BusinessCalendar.builder("x", SHANGHAI)
                    .weekly(DayOfWeek.SUNDAY, WorkingInterval.parse("22:00-08:00+1"))
                    .weekly(DayOfWeek.MONDAY, WorkingInterval.parse("07:00-12:00"))
                    .build());
    assertEquals("weekly.SUNDAY->MONDAY", e.field());
    expect(
        Problem.OVERLAPPING_INTERVALS,
        () ->
            BusinessCalendar.builder("x", SHANGHAI)
                .weekly(DayOfWeek.SUNDAY, WorkingInterval.parse("22:00-08:00+1"))
                .workingDay(
                    LocalDate.of(2026, 11, 2), "early Monday", WorkingInterval.parse("06:00-09:00"))
                .build());
  }

  @Test
  void endBeforeStartAndBadLengthsAreRejected() {
    CalendarDefinitionException e =
        expect(Problem.END_BEFORE_START, () -> WorkingInterval.parse("18:00-09:00"));
    assertEquals("09:00", e.value());
    expect(Problem.END_BEFORE_START, () -> WorkingInterval.of(LocalTime.NOON, LocalTime.NOON));
    expect(Problem.INVALID_LENGTH, () -> new WorkingInterval(LocalTime.NOON, Duration.ofHours(25)));
    expect(Problem.INVALID_LENGTH, () -> new WorkingInterval(LocalTime.NOON, Duration.ZERO));
    expect(
        Problem.SUB_SECOND_PRECISION,
        () -> new WorkingInterval(LocalTime.of(9, 0, 0, 5), Duration.ofHours(1)));
    expect(Problem.MALFORMED_VALUE, () -> WorkingInterval.parse("9-"));
    expect(Problem.MALFORMED_VALUE, () -> WorkingInterval.parse("09:00-25:00"));
    expect(
        Problem.END_BEFORE_START,
        () ->
            new DateOverride(
                LocalDate.of(2026, 10, 7), LocalDate.of(2026, 10, 1), java.util.List.of(), ""));
  }

  @Test
  void unknownZoneIsRejectedWithItsId() {
    CalendarDefinitionException e =
        expect(
            Problem.UNKNOWN_ZONE,
            () -> BusinessCalendar.builder("x", SHANGHAI).zone("Mars/Olympus_Mons"));
    assertEquals("zone", e.field());
    assertEquals("Mars/Olympus_Mons", e.value());
    expect(Problem.MISSING_VALUE, () -> BusinessCalendar.builder(" ", SHANGHAI));
    expect(Problem.MISSING_VALUE, () -> BusinessCalendar.builder("x", (ZoneId) null));
  }

  @Test
  void conflictingOverridesAreRejected() {
    CalendarDefinitionException e =
        expect(
            Problem.CONFLICTING_OVERRIDES,
            () ->
                BusinessCalendar.builder("x", SHANGHAI)
                    .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
                    .workingDay(
                        LocalDate.of(2026, 10, 7), "make-up", WorkingInterval.parse("09:00-18:00"))
                    .build());
    assertEquals("overrides.2026-10-07", e.field());
    expect(
        Problem.NO_WORKING_TIME,
        () ->
            BusinessCalendar.builder("x", SHANGHAI)
                .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.SUNDAY, "like a closed day")
                .build());
  }

  @Test
  void jsonDefinitionBuildsTheCalendar() {
    String json =
        """
                {
                  "name": "cn-office",
                  "zone": "Asia/Shanghai",
                  "weekly": { "weekdays": ["09:00-12:00", "13:00-18:00"] },
                  "overrides": [
                    { "from": "2026-10-01", "to": "2026-10-07", "label": "National Day" },
                    { "date": "2026-09-27", "like": "MONDAY", "label": "make-up Sunday" },
                    { "date": "2026-10-10", "like": "monday", "label": "make-up Saturday" },
                    { "date": "2027-01-01", "label": "New Year" }
                  ]
                }""";
    BusinessCalendar calendar = CalendarDefinitions.fromJson(json);
    assertEquals(
        BusinessCalendarTest.chineseOffice().toBuilder().name("cn-office").build(), calendar);
    Instant created = LocalDate.of(2026, 9, 30).atTime(16, 0).atZone(SHANGHAI).toInstant();
    assertEquals(
        LocalDate.of(2026, 10, 10).atTime(16, 0).atZone(SHANGHAI).toInstant(),
        calendar.add(created, Duration.ofHours(24)));
  }

  @Test
  void yamlDefinitionBuildsTheCalendar() {
    String yaml =
        """
                name: night-desk
                zone: Europe/London
                weekly:
                  EVERYDAY: ["22:00-06:00+1"]
                overrides:
                  - date: 2026-12-25
                    label: Christmas
                """;
    BusinessCalendar calendar = CalendarDefinitions.fromYaml(yaml);
    assertEquals("night-desk", calendar.name());
    assertEquals(ZoneId.of("Europe/London"), calendar.zone());
    assertTrue(calendar.hoursOn(LocalDate.of(2026, 12, 25)).isEmpty());
    assertEquals(1, calendar.weeklyHours(DayOfWeek.FRIDAY).size());
  }

  @Test
  void malformedDocumentsAreTypedErrorsWithTheirLocation() {
    CalendarDefinitionException e =
        expect(
            Problem.MALFORMED_VALUE,
            () -> CalendarDefinitions.fromJson("{\"name\": \"x\", \"zone\": }"));
    assertTrue(e.field().startsWith("line 1"), e.field());
    expect(Problem.MISSING_VALUE, () -> CalendarDefinitions.fromJson(""));
    expect(Problem.MALFORMED_VALUE, () -> CalendarDefinitions.fromJson("[1, 2]"));
    CalendarDefinitionException typo =
        expect(
            Problem.MALFORMED_VALUE,
            () ->
                CalendarDefinitions.fromJson(
                    "{\"name\":\"x\",\"zone\":\"UTC\",\"overrides\":[{\"form\":\"2026-01-01\"}]}"));
    assertEquals("$.overrides[0].form", typo.field());
    CalendarDefinitionException badInterval =
        expect(
            Problem.END_BEFORE_START,
            () ->
                CalendarDefinitions.fromJson(
                    "{\"name\":\"x\",\"zone\":\"UTC\",\"weekly\":{\"MONDAY\":[\"09:00-12:00\",\"18:00-09:00\"]}}"));
    assertEquals("$.weekly.MONDAY[1]", badInterval.field());
    CalendarDefinitionException badDay =
        expect(
            Problem.MALFORMED_VALUE,
            () ->
                CalendarDefinitions.fromJson(
                    "{\"name\":\"x\",\"zone\":\"UTC\",\"weekly\":{\"MONDEY\":[]}}"));
    assertEquals("MONDEY", badDay.value());
    CalendarDefinitionException badDate =
        expect(
            Problem.MALFORMED_VALUE,
            () ->
                CalendarDefinitions.fromJson(
                    "{\"name\":\"x\",\"zone\":\"UTC\",\"overrides\":[{\"date\":\"2026-02-30\"}]}"));
    assertEquals("$.overrides[0].date", badDate.field());
    expect(
        Problem.UNKNOWN_ZONE,
        () -> CalendarDefinitions.fromJson("{\"name\":\"x\",\"zone\":\"Nowhere/City\"}"));
    expect(Problem.MISSING_VALUE, () -> CalendarDefinitions.fromJson("{\"zone\":\"UTC\"}"));
    expect(Problem.MALFORMED_VALUE, () -> CalendarDefinitions.fromYaml("name: [unclosed"));
  }

  @Test
  void filesAreReadByExtension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path yaml = dir.resolve("office.yml");
    java.nio.file.Files.writeString(
        yaml, "name: office\nzone: Asia/Shanghai\nweekly:\n  WEEKDAYS: [\"09:00-18:00\"]\n");
    assertEquals("office", CalendarDefinitions.read(yaml).name());
    java.nio.file.Path json = dir.resolve("calendars.json");
    java.nio.file.Files.writeString(
        json,
        "[{\"name\":\"night\",\"zone\":\"UTC\",\"weekly\":{\"EVERYDAY\":[\"22:00-06:00+1\"]}}]");
    assertEquals(Set.of("24x7", "night"), CalendarDefinitions.readRegistry(json).names());
    assertThrows(
        java.io.UncheckedIOException.class,
        () -> CalendarDefinitions.read(dir.resolve("missing.json")));
  }

  @Test
  void registryResolvesNamesAndRejectsDuplicates() {
    CalendarRegistry registry =
        CalendarDefinitions.registryFromJson(
            "[{\"name\":\"office\",\"zone\":\"Asia/Shanghai\",\"weekly\":{\"WEEKDAYS\":[\"09:00-18:00\"]}}]");
    assertEquals(ZoneId.of("Asia/Shanghai"), registry.get("office").zone());
    assertEquals("24x7", registry.get("24x7").name());
    CalendarDefinitionException e =
        expect(Problem.UNKNOWN_OR_DUPLICATE_NAME, () -> registry.get("offfice"));
    assertEquals("offfice", e.value());
    expect(
        Problem.UNKNOWN_OR_DUPLICATE_NAME,
        () -> CalendarRegistry.builder().add(registry.get("office")).add(registry.get("office")));
  }
}
