package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One example per rule of recipient hours: an escalation that pages a person whose calendar is
 * closed is held until it opens (carried out by the first tick at or after that), unless the policy
 * pages anyway, the target runs round the clock, or the action pages nobody; the hold and the
 * release are audited.
 */
class RecipientHoursRulesTest {

  /** Friday 2026-11-06, 22:00 UTC. */
  private static final Instant FRIDAY_22 = Instant.parse("2026-11-06T22:00:00Z");

  private static final Instant MONDAY_9 = Instant.parse("2026-11-09T09:00:00Z");

  /** Supervisors work Monday to Friday, 09:00-18:00; Monday 2026-11-16 is a holiday. */
  private static final BusinessCalendar OFFICE =
      BusinessCalendar.builder("office", ZoneOffset.UTC)
          .weekdays(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)))
          .holiday(LocalDate.of(2026, 11, 16), "holiday")
          .build();

  /** The service desk itself runs 07:00-23:00 every day. */
  private static final BusinessCalendar EXTENDED =
      BusinessCalendar.builder("extended", ZoneOffset.UTC)
          .everyDay(WorkingInterval.of(LocalTime.of(7, 0), LocalTime.of(23, 0)))
          .build();

  private static final CalendarRegistry CALENDARS =
      CalendarRegistry.builder().add(OFFICE).add(EXTENDED).build();
  private static final SlaPolicy POLICY =
      SlaPolicy.builder()
          .warningThresholds()
          .target(SlaMetric.RESOLUTION, Priority.P1, SlaTarget.on("extended", Duration.ofHours(2)))
          .target(SlaMetric.RESOLUTION, Priority.P0, SlaTarget.on("24x7", Duration.ofHours(2)))
          .build();
  private static final EscalationPolicy PAGE_ON_BREACH =
      EscalationPolicy.builder()
          .onBreach(
              SlaMetric.RESOLUTION,
              EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
              EscalationAction.Kind.RAISE_PRIORITY)
          .build();

  private final List<EscalationAction> carriedOut = new ArrayList<>();

  private SlaTracker tracker(RecipientHours hours) {
    return SlaTracker.builder(POLICY, CALENDARS)
        .escalationPolicy(PAGE_ON_BREACH.withRecipientHours(hours))
        .escalationHandler(carriedOut::add)
        .build();
  }

  private static TicketScript breachingAtMidnight(
      SlaTracker tracker, String id, Priority priority) {
    // opened Friday 22:00; two hours of the desk's time run out Saturday 08:00 (extended) or 00:00
    // (24x7)
    return TicketScript.open(tracker, id, FRIDAY_22)
        .classify(FRIDAY_22, priority, Category.PRODUCT_FAULT);
  }

  private List<EscalationAction.Kind> kinds() {
    return carriedOut.stream().map(EscalationAction::kind).toList();
  }

  @Test
  void aPageToASupervisorWhoseCalendarIsClosedIsHeldUntilItOpens() {
    SlaTracker tracker = tracker(RecipientHours.holdUntilOpen("office"));
    TicketScript t = breachingAtMidnight(tracker, "H", Priority.P1);
    List<SlaEvent> fired = tracker.tick(Instant.parse("2026-11-07T08:30:00Z"));
    assertEquals(1, fired.size(), "the breach itself is reported at once");
    assertEquals(List.of(EscalationAction.Kind.RAISE_PRIORITY), kinds(), "only the page is held");
    assertEquals(Optional.of(MONDAY_9), tracker.nextCheckpoint());
    tracker.tick(MONDAY_9.minusSeconds(1));
    assertEquals(1, carriedOut.size());
    tracker.tick(MONDAY_9);
    assertEquals(
        List.of(EscalationAction.Kind.RAISE_PRIORITY, EscalationAction.Kind.REASSIGN_TO_SUPERVISOR),
        kinds());
    assertEquals(fired.get(0), carriedOut.get(1).cause());
    List<SlaAuditEntry> audit = tracker.auditTrail(t.id());
    assertTrue(
        audit.stream()
            .anyMatch(
                e ->
                    e.kind().equals("ESCALATION_HELD")
                        && e.at().equals(fired.get(0).at())
                        && e.detail().contains("held until " + MONDAY_9)
                        && e.detail().contains("office")),
        audit.toString());
    assertTrue(
        audit.stream()
            .anyMatch(
                e ->
                    e.kind().equals("ESCALATED")
                        && e.at().equals(MONDAY_9)
                        && e.detail().startsWith("REASSIGN_TO_SUPERVISOR")),
        audit.toString());
    tracker.tick(MONDAY_9.plus(Duration.ofDays(3)));
    assertEquals(2, carriedOut.size(), "released once");
  }

  @Test
  void aHolidayOnTheRecipientsCalendarHoldsThePageUntilTheNextWorkingDay() {
    SlaTracker tracker = tracker(RecipientHours.holdUntilOpen("office"));
    Instant holiday10 = Instant.parse("2026-11-16T10:00:00Z");
    TicketScript.open(tracker, "D", holiday10)
        .classify(holiday10, Priority.P1, Category.PRODUCT_FAULT);
    tracker.tick(Instant.parse("2026-11-16T13:00:00Z"));
    assertEquals(List.of(EscalationAction.Kind.RAISE_PRIORITY), kinds());
    tracker.tick(Instant.parse("2026-11-17T09:00:00Z"));
    assertEquals(2, carriedOut.size());
  }

  @Test
  void aTargetThatRunsRoundTheClockPagesAtOnce() {
    SlaTracker tracker = tracker(RecipientHours.holdUntilOpen("office"));
    breachingAtMidnight(tracker, "R", Priority.P0);
    tracker.tick(Instant.parse("2026-11-07T00:00:00Z"));
    assertEquals(
        List.of(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, EscalationAction.Kind.RAISE_PRIORITY),
        kinds());
  }

  @Test
  void pageAnywayPagesAtOnceWhateverTheHour() {
    SlaTracker tracker = tracker(RecipientHours.PAGE_ANYWAY);
    breachingAtMidnight(tracker, "P", Priority.P1);
    tracker.tick(Instant.parse("2026-11-07T08:00:00Z"));
    assertEquals(
        List.of(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, EscalationAction.Kind.RAISE_PRIORITY),
        kinds());
    assertEquals(
        RecipientHours.PAGE_ANYWAY,
        EscalationPolicy.standard().recipientHours(),
        "the documented default");
    assertEquals(
        EscalationPolicy.DEFAULT_RECIPIENT_HOURS,
        EscalationPolicy.builder().build().recipientHours());
  }

  @Test
  void aRecipientWhoseCalendarIsOpenIsPagedAtOnce() {
    SlaTracker tracker = tracker(RecipientHours.holdUntilOpen("office"));
    Instant tuesday10 = Instant.parse("2026-11-10T10:00:00Z");
    TicketScript.open(tracker, "O", tuesday10)
        .classify(tuesday10, Priority.P1, Category.PRODUCT_FAULT);
    tracker.tick(Instant.parse("2026-11-10T12:00:00Z"));
    assertEquals(2, carriedOut.size());
    assertTrue(
        tracker.auditTrail(TicketScriptIds.id("O")).stream()
            .noneMatch(e -> e.kind().equals("ESCALATION_HELD")));
  }

  @Test
  void eachKindMayWaitForItsOwnRecipientsCalendar() {
    RecipientHours hours =
        RecipientHours.holdUntilOpen("office")
            .withCalendar(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, "extended");
    assertEquals(
        Optional.of("extended"), hours.calendarOf(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR));
    assertEquals(Optional.of("office"), hours.calendarOf(EscalationAction.Kind.NOTIFY_TEAM_LEAD));
    assertEquals(Optional.empty(), hours.calendarOf(EscalationAction.Kind.RAISE_PRIORITY));
    SlaTracker tracker = tracker(hours);
    breachingAtMidnight(tracker, "K", Priority.P1);
    tracker.tick(Instant.parse("2026-11-07T08:00:00Z"));
    assertEquals(2, carriedOut.size(), "the extended calendar is open at 08:00");
  }

  @Test
  void aForgottenTicketsHeldPageIsDropped() {
    SlaTracker tracker = tracker(RecipientHours.holdUntilOpen("office"));
    TicketScript t = breachingAtMidnight(tracker, "F", Priority.P1);
    tracker.tick(Instant.parse("2026-11-07T08:30:00Z"));
    assertEquals(1, tracker.queuedCheckpoints(), "the held page");
    tracker.forget(t.id());
    tracker.tick(MONDAY_9);
    assertEquals(List.of(EscalationAction.Kind.RAISE_PRIORITY), kinds());
  }

  @Test
  void recipientHoursAreValidated() {
    assertEquals(
        "recipientHours.mode",
        assertThrows(SlaPolicyException.class, () -> new RecipientHours(null, Map.of())).field());
    assertEquals(
        "recipientHours.calendars",
        assertThrows(
                SlaPolicyException.class,
                () -> new RecipientHours(RecipientHours.Mode.HOLD_UNTIL_OPEN, null))
            .field());
    assertEquals(
        "recipientHours.calendars",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    new RecipientHours(
                        RecipientHours.Mode.PAGE_ANYWAY,
                        Map.of(EscalationAction.Kind.NOTIFY_TEAM_LEAD, "office")))
            .field());
    assertEquals(
        "recipientHours.calendars.RAISE_PRIORITY",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    RecipientHours.holdUntilOpen("office")
                        .withCalendar(EscalationAction.Kind.RAISE_PRIORITY, "office"))
            .field());
    assertTrue(
        assertThrows(SlaPolicyException.class, () -> RecipientHours.holdUntilOpen(" "))
            .field()
            .startsWith("recipientHours.calendars."));
    assertEquals(
        "recipientHours.calendars",
        assertThrows(SlaPolicyException.class, () -> RecipientHours.holdUntilOpen(null)).field());
    assertEquals(
        "recipientHours.calendars",
        assertThrows(
                SlaPolicyException.class,
                () -> RecipientHours.PAGE_ANYWAY.withCalendar(null, "office"))
            .field());
    assertEquals(
        "recipientHours",
        assertThrows(
                SlaPolicyException.class, () -> EscalationPolicy.builder().recipientHours(null))
            .field());
    assertEquals(
        "recipientHours.calendars",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaTracker.builder(POLICY, CALENDARS)
                        .escalationPolicy(
                            PAGE_ON_BREACH.withRecipientHours(
                                RecipientHours.holdUntilOpen("night-shift")))
                        .build())
            .field());
    assertEquals(
        PAGE_ON_BREACH
            .actionsFor(
                new SlaEvent.Breached(
                    TicketScriptIds.id("x"),
                    SlaMetric.RESOLUTION,
                    MONDAY_9,
                    SlaTarget.roundTheClock(Duration.ofHours(1))))
            .size(),
        PAGE_ON_BREACH
            .withRecipientHours(RecipientHours.holdUntilOpen("office"))
            .actionsFor(
                new SlaEvent.Breached(
                    TicketScriptIds.id("x"),
                    SlaMetric.RESOLUTION,
                    MONDAY_9,
                    SlaTarget.roundTheClock(Duration.ofHours(1))))
            .size(),
        "the rules are kept");
  }

  @Test
  void severalInstancesCarryOutAHeldPageOnceAndARestartDoesNotRepeatIt() {
    io.loopdesk.core.InMemoryTicketStore store = new io.loopdesk.core.InMemoryTicketStore();
    io.loopdesk.core.ManualClock clock = io.loopdesk.core.ManualClock.at(FRIDAY_22);
    io.loopdesk.api.ServiceDesk desk =
        io.loopdesk.core.ServiceDesks.builder().clock(clock).store(store).build();
    SlaPolicy anyPriority =
        SlaPolicy.builder()
            .warningThresholds()
            .target(SlaMetric.RESOLUTION, null, null, SlaTarget.on("extended", Duration.ofHours(2)))
            .build();
    EscalationPolicy held =
        PAGE_ON_BREACH.withRecipientHours(RecipientHours.holdUntilOpen("office"));
    List<SlaTracker> instances = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      instances.add(
          SlaTracker.builder(anyPriority, CALENDARS)
              .escalationPolicy(held)
              .cluster(store, name)
              .escalationHandler(carriedOut::add)
              .build());
    }
    io.loopdesk.api.Actor agent = io.loopdesk.api.Actor.of("agent-7", io.loopdesk.api.Role.AGENT);
    io.loopdesk.api.Ticket ticket =
        desk.open(
            io.loopdesk.api.NewTicket.builder()
                .channel(io.loopdesk.api.Channel.PHONE)
                .customer(io.loopdesk.api.Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection at all")
                .build(),
            agent);
    desk.classify(
        ticket.id(),
        ticket.version(),
        io.loopdesk.api.Classification.of(
            Category.PRODUCT_FAULT,
            io.loopdesk.api.Level.LOW,
            io.loopdesk.api.Level.HIGH,
            io.loopdesk.api.Level.LOW),
        agent);
    for (Instant now :
        List.of(Instant.parse("2026-11-07T08:30:00Z"), MONDAY_9, MONDAY_9.plusSeconds(60))) {
      for (SlaTracker instance : instances) {
        instance.tick(now);
      }
    }
    assertEquals(
        List.of(EscalationAction.Kind.RAISE_PRIORITY, EscalationAction.Kind.REASSIGN_TO_SUPERVISOR),
        kinds());
    SlaTracker restarted =
        SlaTracker.builder(anyPriority, CALENDARS)
            .escalationPolicy(held)
            .cluster(store, "a")
            .escalationHandler(carriedOut::add)
            .build();
    restarted.tick(MONDAY_9.plus(Duration.ofHours(1)));
    assertEquals(2, carriedOut.size(), "the replayed hold finds its release claimed");
  }

  /** Ticket ids as {@link TicketScript} makes them. */
  private static final class TicketScriptIds {
    static io.loopdesk.api.TicketId id(String value) {
      return io.loopdesk.api.TicketId.of(value);
    }
  }
}
