package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Worked SLA examples from the after-sales standard. */
class SlaTrackerTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final List<SlaEvent> events = new CopyOnWriteArrayList<>();
  private final List<EscalationAction> actions = new CopyOnWriteArrayList<>();

  private SlaTracker tracker(SlaPolicy policy, CalendarRegistry calendars) {
    return SlaTracker.builder(policy, calendars)
        .listener(events::add)
        .escalationHandler(actions::add)
        .build();
  }

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  @Test
  void p1TicketPausedWhileWaitingOnTheCustomer() {
    SlaTracker tracker = tracker(SlaPolicy.standard(), CalendarRegistry.of());
    TicketScript ticket =
        TicketScript.open(tracker, "T-1", T0)
            .classify(hours(0.1), Priority.P1, Category.PRODUCT_FAULT)
            .assign(hours(0.2))
            .start(hours(1))
            .waitOnCustomer(hours(10));

    SlaStatus paused =
        tracker
            .status(ticket.id(), hours(20))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(SlaClockState.PAUSED, paused.state());
    assertEquals(Duration.ofHours(10), paused.elapsed());
    assertEquals(Duration.ofHours(38), paused.remaining());
    assertTrue(paused.deadline().isEmpty());
    assertTrue(tracker.tick(hours(50)).isEmpty(), "nothing is due while paused");

    ticket.resume(hours(34));
    SlaStatus running =
        tracker
            .status(ticket.id(), hours(34))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(SlaClockState.RUNNING, running.state());
    assertEquals(hours(72), running.deadline().orElseThrow(), "48 h target + 24 h paused");

    List<SlaEvent> warnings = tracker.tick(hours(71.9));
    assertEquals(
        List.of(
            new SlaEvent.Warned(
                ticket.id(), SlaMetric.RESOLUTION, 0.75, hours(60), running.target()),
            new SlaEvent.Warned(
                ticket.id(), SlaMetric.RESOLUTION, 0.90, hours(67.2), running.target())),
        warnings);
    List<SlaEvent> breach = tracker.tick(hours(72));
    assertEquals(
        List.of(
            new SlaEvent.Breached(ticket.id(), SlaMetric.RESOLUTION, hours(72), running.target())),
        breach);
    assertTrue(tracker.tick(hours(500)).isEmpty(), "a breach is reported once");
    assertEquals(
        List.of(
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
            EscalationAction.Kind.RAISE_PRIORITY),
        actions.stream().map(EscalationAction::kind).toList());

    ticket.resolve(hours(80));
    TicketSla sla = tracker.status(ticket.id(), hours(80)).orElseThrow();
    SlaStatus resolution = sla.clock(SlaMetric.RESOLUTION).orElseThrow();
    assertEquals(SlaClockState.MET, resolution.state());
    assertTrue(resolution.breached());
    assertFalse(resolution.metInTime());
    assertEquals(
        new SlaEvent.Met(ticket.id(), SlaMetric.RESOLUTION, hours(80), false),
        events.get(events.size() - 1));
    assertEquals(
        hours(104),
        sla.clock(SlaMetric.CALLBACK).orElseThrow().deadline().orElseThrow(),
        "P1 callback in 24 h");

    List<String> kinds = tracker.auditTrail(ticket.id()).stream().map(SlaAuditEntry::kind).toList();
    assertEquals(
        List.of(
            "WARNED",
            "WARNED",
            "ESCALATED",
            "ESCALATED",
            "BREACHED",
            "ESCALATED",
            "ESCALATED",
            "ESCALATED",
            "MET"),
        kinds);
  }

  @Test
  void deadlineOnBusinessHoursCrossesTheHolidayWeekAndItsMakeUpSaturday() {
    BusinessCalendar office =
        BusinessCalendar.builder("business-hours", SHANGHAI)
            .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:00-18:00"))
            .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
            .workingDayLike(
                LocalDate.of(2026, 10, 10), java.time.DayOfWeek.MONDAY, "make-up Saturday")
            .build();
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(
                SlaMetric.RESOLUTION,
                Priority.P2,
                SlaTarget.on("business-hours", Duration.ofHours(24)))
            .build();
    SlaTracker tracker = tracker(policy, CalendarRegistry.of(office));
    Instant created = LocalDateTime.parse("2026-09-30T16:00").atZone(SHANGHAI).toInstant();
    TicketScript ticket =
        TicketScript.open(tracker, "T-2", created)
            .classify(created.plusSeconds(60), Priority.P2, Category.PRODUCT_FAULT);
    SlaStatus status =
        tracker
            .status(ticket.id(), created.plusSeconds(60))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(
        LocalDateTime.parse("2026-10-10T16:00").atZone(SHANGHAI).toInstant(),
        status.deadline().orElseThrow());
    assertEquals(
        status.deadline(),
        tracker.deadlinePolicy().resolutionDue(ticket.ticket(), created.plusSeconds(60)));
    assertEquals(Duration.ofMinutes(1), status.elapsed());
  }

  @Test
  void raisingThePriorityRecomputesTheTargetFromTheOriginalStart() {
    SlaTracker tracker = tracker(SlaPolicy.standard(), CalendarRegistry.of());
    TicketScript ticket =
        TicketScript.open(tracker, "T-3", T0).classify(T0, Priority.P2, Category.PRODUCT_FAULT);
    assertTrue(tracker.tick(hours(30)).isEmpty());
    ticket.classify(hours(30), Priority.P0, Category.PRODUCT_FAULT);
    SlaTarget p0 = SlaTarget.roundTheClock(Duration.ofHours(24));
    assertEquals(
        List.of(
            new SlaEvent.Warned(ticket.id(), SlaMetric.RESOLUTION, 0.75, hours(18), p0),
            new SlaEvent.Warned(ticket.id(), SlaMetric.RESOLUTION, 0.90, hours(21.6), p0),
            new SlaEvent.Breached(ticket.id(), SlaMetric.RESOLUTION, hours(24), p0)),
        tracker.tick(hours(30)));

    TicketScript lowered =
        TicketScript.open(tracker, "T-4", T0).classify(T0, Priority.P1, Category.PRODUCT_FAULT);
    lowered.classify(hours(1), Priority.P2, Category.PRODUCT_FAULT);
    assertEquals(
        hours(72),
        tracker
            .status(lowered.id(), hours(1))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline()
            .orElseThrow());
    lowered.classify(hours(2), Priority.P3, Category.SUGGESTION);
    assertEquals(
        SlaClockState.STOPPED,
        tracker
            .status(lowered.id(), hours(2))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .state(),
        "P3 has no resolution target");
    assertTrue(tracker.tick(hours(1000)).isEmpty());
  }

  @Test
  void resolvedInTimeThenCallbackAndReopenResumeTheResolutionClock() {
    SlaTracker tracker = tracker(SlaPolicy.standard(), CalendarRegistry.of());
    TicketScript ticket =
        TicketScript.open(tracker, "T-5", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(hours(1))
            .start(hours(1))
            .resolve(hours(10));
    assertEquals(
        new SlaEvent.Met(ticket.id(), SlaMetric.RESOLUTION, hours(10), true),
        events.get(events.size() - 1));
    ticket.callback(hours(12), TicketChange.CallbackEffect.REOPENED);
    TicketSla sla = tracker.status(ticket.id(), hours(12)).orElseThrow();
    assertEquals(SlaClockState.MET, sla.clock(SlaMetric.CALLBACK).orElseThrow().state());
    SlaStatus resolution = sla.clock(SlaMetric.RESOLUTION).orElseThrow();
    assertEquals(SlaClockState.RUNNING, resolution.state());
    assertEquals(Duration.ofHours(10), resolution.elapsed(), "time while resolved does not count");
    assertEquals(hours(26), resolution.deadline().orElseThrow());
    ticket
        .classify(hours(12.5), Priority.P0, Category.PRODUCT_FAULT)
        .assign(hours(13))
        .start(hours(13))
        .resolve(hours(14))
        .callback(hours(15), TicketChange.CallbackEffect.CONFIRMED)
        .close(hours(15));
    TicketSla closed = tracker.status(ticket.id(), hours(100)).orElseThrow();
    assertTrue(closed.clock(SlaMetric.RESOLUTION).orElseThrow().metInTime());
    assertTrue(closed.clock(SlaMetric.CALLBACK).orElseThrow().metInTime());
    assertFalse(closed.anyBreached());
    assertTrue(tracker.tick(hours(1000)).isEmpty());
  }

  @Test
  void consultationFirstResponseWithinTenMinutes() {
    SlaTracker tracker = tracker(SlaPolicy.standard(), CalendarRegistry.of());
    TicketScript late =
        TicketScript.open(tracker, "T-6", T0)
            .classify(T0.plusSeconds(120), Priority.P3, Category.CONSULTATION);
    TicketScript quick =
        TicketScript.open(tracker, "T-7", T0)
            .classify(T0.plusSeconds(60), Priority.P3, Category.CONSULTATION)
            .assign(T0.plusSeconds(90))
            .start(T0.plusSeconds(300));
    List<SlaEvent> due = tracker.tick(T0.plusSeconds(11 * 60));
    assertEquals(3, due.size());
    assertEquals(
        new SlaEvent.Breached(
            late.id(),
            SlaMetric.FIRST_RESPONSE,
            T0.plusSeconds(600),
            SlaTarget.roundTheClock(Duration.ofMinutes(10))),
        due.get(2));
    assertTrue(
        tracker
            .status(quick.id(), T0.plusSeconds(600))
            .orElseThrow()
            .clock(SlaMetric.FIRST_RESPONSE)
            .orElseThrow()
            .metInTime());
    assertTrue(
        tracker.status(late.id(), T0).orElseThrow().clock(SlaMetric.RESOLUTION).isEmpty(),
        "P3: none");
  }

  @Test
  void waitingOnAThirdPartyPausesAndCustomPausingStatusesAreHonoured() {
    SlaPolicy noPause =
        SlaPolicy.standard().toBuilder().pausingStatuses(java.util.Set.of()).build();
    SlaTracker tracker = tracker(noPause, CalendarRegistry.of());
    TicketScript ticket =
        TicketScript.open(tracker, "T-8", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0)
            .waitOnThirdParty(hours(1));
    assertEquals(
        SlaClockState.RUNNING,
        tracker
            .status(ticket.id(), hours(5))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .state());

    SlaTracker pausing = tracker(SlaPolicy.standard(), CalendarRegistry.of());
    TicketScript other =
        TicketScript.open(pausing, "T-9", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0)
            .waitOnThirdParty(hours(1));
    assertEquals(
        SlaClockState.PAUSED,
        pausing
            .status(other.id(), hours(5))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .state());
  }

  @Test
  void failingEscalationHandlerIsAudited() {
    SlaTracker tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .escalationHandler(
                action -> {
                  throw new IllegalStateException("desk offline");
                })
            .build();
    TicketScript ticket =
        TicketScript.open(tracker, "T-10", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    assertEquals(3, tracker.tick(hours(30)).size());
    assertTrue(
        tracker.auditTrail(ticket.id()).stream()
            .anyMatch(
                e -> e.kind().equals("ESCALATION_FAILED") && e.detail().contains("desk offline")));
  }

  @Test
  void badPoliciesAreTypedErrors() {
    SlaPolicy needsOffice =
        SlaPolicy.standard().toBuilder()
            .target(SlaMetric.RESOLUTION, Priority.P1, SlaTarget.on("office", Duration.ofHours(16)))
            .build();
    SlaPolicyException unknown =
        assertThrows(
            SlaPolicyException.class,
            () -> SlaTracker.builder(needsOffice, CalendarRegistry.of()).build());
    assertEquals("office", unknown.value());
    SlaPolicyException closed =
        assertThrows(
            SlaPolicyException.class,
            () ->
                SlaTracker.builder(
                        needsOffice,
                        CalendarRegistry.of(BusinessCalendar.builder("office", SHANGHAI).build()))
                    .build());
    assertTrue(closed.getMessage().contains("no weekly working time"), closed.getMessage());
    SlaPolicyException threshold =
        assertThrows(
            SlaPolicyException.class, () -> SlaPolicy.builder().warningThresholds(0.9, 0.75));
    assertEquals("warningThresholds[1]", threshold.field());
    assertThrows(SlaPolicyException.class, () -> SlaPolicy.builder().warningThresholds(1.5));
    assertThrows(SlaPolicyException.class, () -> SlaTarget.roundTheClock(Duration.ZERO));
    assertEquals(
        "duration",
        assertThrows(
                SlaPolicyException.class, () -> SlaTarget.roundTheClock(Duration.ofDays(100_000)))
            .field());
    assertThrows(SlaPolicyException.class, () -> SlaTarget.on(" ", Duration.ofHours(1)));
    assertThrows(
        SlaPolicyException.class,
        () ->
            SlaPolicy.builder()
                .pausingStatuses(java.util.Set.of(io.loopdesk.api.TicketStatus.CLOSED)));
    assertThrows(
        SlaPolicyException.class, () -> EscalationPolicy.builder().onBreach(SlaMetric.RESOLUTION));
    assertThrows(SlaPolicyException.class, () -> SlaTracker.builder(null, CalendarRegistry.of()));
  }

  @Test
  void policyLookupPrefersTheMostSpecificRule() {
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(
                SlaMetric.RESOLUTION,
                Category.COMPLAINT,
                SlaTarget.roundTheClock(Duration.ofHours(12)))
            .target(
                SlaMetric.RESOLUTION,
                Priority.P0,
                Category.COMPLAINT,
                SlaTarget.roundTheClock(Duration.ofHours(4)))
            .build();
    assertEquals(
        Duration.ofHours(4),
        policy
            .target(SlaMetric.RESOLUTION, Priority.P0, Category.COMPLAINT)
            .orElseThrow()
            .duration());
    assertEquals(
        Duration.ofHours(12),
        policy
            .target(SlaMetric.RESOLUTION, Priority.P3, Category.COMPLAINT)
            .orElseThrow()
            .duration());
    assertEquals(
        Duration.ofHours(48),
        policy
            .target(SlaMetric.RESOLUTION, Priority.P1, Category.PRODUCT_FAULT)
            .orElseThrow()
            .duration());
    assertTrue(policy.target(SlaMetric.RESOLUTION, Priority.P3, Category.PRODUCT_FAULT).isEmpty());
    assertEquals(
        Duration.ofHours(72),
        policy
            .target(SlaMetric.CALLBACK, Priority.P3, Category.SUGGESTION)
            .orElseThrow()
            .duration());
  }
}
