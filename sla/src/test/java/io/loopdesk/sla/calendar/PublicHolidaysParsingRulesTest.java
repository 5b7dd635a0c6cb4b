package io.loopdesk.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The limits and rules of the public-holiday file format, each at its boundary. */
class PublicHolidaysParsingRulesTest {

  private static final String HEADER =
      """
            format: loopdesk-holidays/1
            region: test
            source: a test notice
            as-of: 2026-01-01
            """;

  private static PublicHolidays load(String text) {
    return PublicHolidays.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static CalendarDefinitionException rejected(String text) {
    return assertThrows(CalendarDefinitionException.class, () -> load(text));
  }

  @Test
  void aByteOrderMarkIsAcceptedOnTheFirstLineOnly() {
    PublicHolidays data =
        load("\uFEFF" + HEADER + "coverage: 2026..2026\n2026-10-01 off National Day\n");
    assertTrue(data.isHoliday(LocalDate.of(2026, 10, 1)));
    assertEquals(
        "line 2",
        rejected("# comment\n\uFEFF" + HEADER + "coverage: 2026..2026\n2026-10-01 off x\n")
            .field());
  }

  @Test
  void aLineOfExactlyTheMaximumLengthIsReadAndOneCharacterMoreIsRefused() {
    String longest = "#" + "x".repeat(999);
    assertEquals(
        1,
        load(longest + "\n" + HEADER + "coverage: 2026..2026\n2026-10-01 off x\n")
            .entries()
            .size());
    CalendarDefinitionException tooLong = rejected(longest + "x\n" + HEADER);
    assertEquals("line 1", tooLong.field());
    assertEquals(80, tooLong.value().length(), "the echoed line is cut to 80 characters");
    assertTrue(tooLong.value().endsWith("..."));
  }

  @Test
  void valuesUpToEightyCharactersAreEchoedWhole() {
    String eighty = "y".repeat(80);
    assertEquals(eighty, rejected(HEADER + "coverage: " + eighty + "\n").value());
    String eightyOne = "y".repeat(81);
    assertEquals(
        "y".repeat(77) + "...", rejected(HEADER + "coverage: " + eightyOne + "\n").value());
  }

  @Test
  void aDateLineNeedsItsKindAndTheLabelIsOptional() {
    assertEquals("line 6", rejected(HEADER + "coverage: 2026..2026\n2026-10-01\n").field());
    PublicHolidays data =
        load(HEADER + "coverage: 2026..2026\n2026-10-01 off\n2026-10-10 work   Make-up day  \n");
    assertEquals("", data.entries().get(0).label());
    assertEquals("Make-up day", data.entries().get(1).label());
    assertTrue(data.isMakeUpWorkingDay(LocalDate.of(2026, 10, 10)));
    assertFalse(
        data.isHoliday(LocalDate.of(2026, 10, 10)), "a make-up working day is not a holiday");
    assertFalse(data.isMakeUpWorkingDay(LocalDate.of(2026, 10, 1)));
    assertFalse(data.isHoliday(LocalDate.of(2026, 10, 2)), "a date no entry covers");
  }

  @Test
  void aRangeSpansAtMost366Days() {
    PublicHolidays longest =
        load(HEADER + "coverage: 2025..2026\n2025-01-01..2026-01-01 off a long one\n");
    assertTrue(longest.isHoliday(LocalDate.of(2026, 1, 1)));
    assertEquals(
        "line 6",
        rejected(HEADER + "coverage: 2025..2026\n2025-01-01..2026-01-02 off too long\n").field());
  }

  @Test
  void entriesMayBeListedInAnyOrderAndOverlapsAreFound() {
    PublicHolidays data =
        load(
            HEADER
                + "coverage: 2026..2026\n2026-10-05..2026-10-06 off b\n2026-10-01..2026-10-02 off a\n");
    assertTrue(data.isHoliday(LocalDate.of(2026, 10, 1)));
    assertTrue(data.isHoliday(LocalDate.of(2026, 10, 6)));
    assertEquals(
        "entries",
        rejected(
                HEADER
                    + "coverage: 2026..2026\n2026-10-05..2026-10-06 off b\n2026-10-01..2026-10-05 off a\n")
            .field());
  }

  @Test
  void everyCoveredYearMustListADateUpToTheLast() {
    CalendarDefinitionException missing =
        rejected(HEADER + "coverage: 2025..2026\n2025-10-01 off x\n");
    assertEquals("coverage", missing.field());
    assertTrue(missing.getMessage().contains("2026"), missing.getMessage());
  }

  @Test
  void coverageIsAtMost500Years() {
    StringBuilder lines = new StringBuilder(HEADER + "coverage: 1601..2100\n");
    for (int year = 1601; year <= 2100; year++) {
      lines.append(year).append("-01-01 off New Year\n");
    }
    assertEquals(500, load(lines.toString()).entries().size());
    assertEquals("coverage", rejected(HEADER + "coverage: 1600..2100\n1600-01-01 off x\n").field());
    assertEquals("coverage", rejected(HEADER + "coverage: 2026..2025\n").field());
  }

  @Test
  void equalDataIsEqualAndDescribedWithoutItsEntries() {
    String text = HEADER + "coverage: 2026..2026\n2026-10-01..2026-10-07 off National Day\n";
    PublicHolidays a = load(text);
    PublicHolidays b = load(text);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, load(text.replace("National Day", "Golden week")));
    assertNotEquals(a, load(text.replace("region: test", "region: other")));
    assertNotEquals(a, "not holiday data");
    assertEquals(
        "PublicHolidays[test, " + a.coverage() + ", as of 2026-01-01, 1 entries]", a.toString());
  }

  @Test
  void anEntryNeedsItsDatesAndKind() {
    LocalDate day = LocalDate.of(2026, 10, 1);
    assertEquals(
        "from",
        assertThrows(
                CalendarDefinitionException.class,
                () -> new PublicHolidays.Entry(null, day, PublicHolidays.Kind.HOLIDAY, "x"))
            .field());
    assertEquals(
        "to",
        assertThrows(
                CalendarDefinitionException.class,
                () -> new PublicHolidays.Entry(day, null, PublicHolidays.Kind.HOLIDAY, "x"))
            .field());
    assertEquals(
        "kind",
        assertThrows(
                CalendarDefinitionException.class,
                () -> new PublicHolidays.Entry(day, day, null, "x"))
            .field());
    assertEquals("", new PublicHolidays.Entry(day, day, PublicHolidays.Kind.HOLIDAY, null).label());
  }

  @Test
  void aFileOfExactly100000LinesIsReadAndOneLineMoreIsRefused() {
    StringBuilder text = new StringBuilder(HEADER + "coverage: 2026..2026\n2026-10-01 off x\n");
    for (int line = 7; line <= 100_000; line++) {
      text.append("#\n");
    }
    assertEquals(1, load(text.toString()).entries().size());
    assertEquals("line 100001", rejected(text + "#\n").field());
  }

  @Test
  void fiveHundredYearsWithEveryYearListedAreStillTooMany() {
    StringBuilder lines = new StringBuilder(HEADER + "coverage: 1600..2100\n");
    for (int year = 1600; year <= 2100; year++) {
      lines.append(year).append("-01-01 off New Year\n");
    }
    CalendarDefinitionException tooMany = rejected(lines.toString());
    assertEquals("coverage", tooMany.field());
    assertTrue(tooMany.getMessage().contains("at most 500"), tooMany.getMessage());
  }

  @Test
  void differentDataHashesDifferently() {
    String text = HEADER + "coverage: 2026..2026\n2026-10-01..2026-10-07 off National Day\n";
    assertNotEquals(
        load(text).hashCode(), load(text.replace("region: test", "region: other")).hashCode());
  }

  @Test
  void chinaDataFromAStreamMustBeForMainlandChina() {
    String text =
        HEADER.replace("region: test", "region: " + ChinaPublicHolidays.REGION)
            + "coverage: 2026..2026\n2026-10-01 off x\n";
    PublicHolidays loaded =
        ChinaPublicHolidays.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertEquals(ChinaPublicHolidays.REGION, loaded.region());
    assertTrue(loaded.isHoliday(LocalDate.of(2026, 10, 1)));
  }

  @Test
  void anOverrideWithoutHoursIsClosedAndItsLabelIsNeverNull() {
    LocalDate day = LocalDate.of(2026, 10, 1);
    DateOverride holiday = new DateOverride(day, day, java.util.List.of(), null);
    assertTrue(holiday.isClosed());
    assertEquals("", holiday.label());
    DateOverride shortDay =
        new DateOverride(
            day,
            day,
            java.util.List.of(
                WorkingInterval.of(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(12, 0))),
            "half day");
    assertFalse(shortDay.isClosed());
    assertEquals("half day", shortDay.label());
  }
}
