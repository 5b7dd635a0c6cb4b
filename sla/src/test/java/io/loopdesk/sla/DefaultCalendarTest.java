package io.loopdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loopdesk.api.Category;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarDefinitionException;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The default SLA policy runs on the desk's own calendar, never silently on 24x7. */
class DefaultCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static BusinessCalendar office() {
    return BusinessCalendar.builder("office", SHANGHAI)
        .weekdays(WorkingInterval.parse("09:00-18:00"))
        .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
        .workingDayLike(LocalDate.of(2026, 9, 20), DayOfWeek.MONDAY, "make-up Sunday")
        .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, "make-up Saturday")
        .build();
  }

  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void defaultP1DeadlineWithTheOnlyRegisteredCalendarSkipsTheNationalDayHoliday() {
    SlaTracker tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(office())).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-1", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    SlaStatus resolution =
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();

    // 48 working hours of 9 a day: 8 h on 30 Sep, the holiday week skipped, 8, 9, 10 (make-up
    // Saturday)
    // and 12 Oct make 44 h, the last 4 h end at 13:00 on 13 Oct
    assertEquals(shanghai("2026-10-13T13:00"), resolution.deadline().orElseThrow());
    assertEquals("office", resolution.target().calendarName());
  }

  @Test
  void severalCalendarsWithoutANamedDefaultAreRejectedAtBuildWithAdvice() {
    BusinessCalendar nightShift =
        BusinessCalendar.builder("night-shift", SHANGHAI)
            .everyDay(WorkingInterval.parse("22:00-06:00+1"))
            .build();
    SlaTracker.Builder builder =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(office(), nightShift));

    SlaPolicyException error = assertThrows(SlaPolicyException.class, builder::build);

    assertThat(error).isInstanceOf(LoopdeskException.class);
    assertEquals("calendarName", error.field());
    assertThat(error.getMessage())
        .contains("office", "night-shift", "defaultCalendar(", "SlaTarget.on(");
  }

  @Test
  void theNamedDefaultAmongSeveralCalendarsCarriesTheDefaultTargets() {
    BusinessCalendar nightShift =
        BusinessCalendar.builder("night-shift", SHANGHAI)
            .everyDay(WorkingInterval.parse("22:00-06:00+1"))
            .build();
    CalendarRegistry calendars =
        CalendarRegistry.builder().add(nightShift).add(office()).defaultCalendar("office").build();
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), calendars).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-2", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    assertEquals(
        shanghai("2026-10-13T13:00"),
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline()
            .orElseThrow());
    assertEquals("office", calendars.defaultCalendar().orElseThrow().name());
  }

  @Test
  void explicitCalendarsInAPolicyAreKeptWhateverTheDefault() {
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(
                SlaMetric.RESOLUTION, Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(48)))
            .build();
    SlaTracker tracker = SlaTracker.builder(policy, CalendarRegistry.of(office())).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-3", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    SlaStatus resolution =
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(
        shanghai("2026-10-02T10:00"),
        resolution.deadline().orElseThrow(),
        "the user asked for 24x7");
    assertEquals("24x7", resolution.target().calendarName());
  }

  @Test
  void aRegistryWithoutCalendarsOfItsOwnRunsTheDefaultsRoundTheClock() {
    CalendarRegistry calendars = CalendarRegistry.of();
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), calendars).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-4", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    SlaStatus resolution =
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(created.plus(Duration.ofHours(48)), resolution.deadline().orElseThrow());
    assertEquals("24x7", resolution.target().calendarName());
  }

  @Test
  void defaultIsAReservedCalendarNameAndANamedDefaultMustBeRegistered() {
    BusinessCalendar named =
        BusinessCalendar.builder(CalendarRegistry.DEFAULT_NAME, SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .build();
    CalendarDefinitionException reserved =
        assertThrows(CalendarDefinitionException.class, () -> CalendarRegistry.of(named));
    assertEquals(CalendarDefinitionException.Problem.UNKNOWN_OR_DUPLICATE_NAME, reserved.problem());
    assertThat(reserved).isInstanceOf(LoopdeskException.class);

    CalendarDefinitionException unknown =
        assertThrows(
            CalendarDefinitionException.class,
            () -> CalendarRegistry.builder().add(office()).defaultCalendar("ofice").build());
    assertEquals("defaultCalendar", unknown.field());
  }

  @Test
  void yamlPoliciesReferToTheDefaultCalendarByName() {
    SlaPolicy policy =
        SlaPolicies.fromYaml(
            """
                targets:
                  - { metric: RESOLUTION, priority: P1, duration: PT9H, calendar: default }
                """);
    SlaTracker tracker = SlaTracker.builder(policy, CalendarRegistry.of(office())).build();
    Instant created = shanghai("2026-09-30T10:00");
    TicketScript ticket =
        TicketScript.open(tracker, "T-5", created)
            .classify(created, Priority.P1, Category.PRODUCT_FAULT);

    assertEquals(
        shanghai("2026-10-08T10:00"),
        tracker
            .status(ticket.id(), created)
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline()
            .orElseThrow());
  }
}
