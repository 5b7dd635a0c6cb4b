package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarDefinitionException;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The limits of SLA configuration: thresholds, targets, escalation rules, calendars and the
 * monitor.
 */
class SlaConfigurationTest {

  @Test
  void warningThresholdsLieStrictlyBetweenZeroAndOneAndStrictlyAscend() {
    assertEquals(
        List.of(0.0001, 0.9999),
        SlaPolicy.builder().warningThresholds(0.0001, 0.9999).build().warningThresholds());
    assertEquals(
        "warningThresholds[0]",
        assertThrows(SlaPolicyException.class, () -> SlaPolicy.builder().warningThresholds(0.0))
            .field());
    assertEquals(
        "warningThresholds[0]",
        assertThrows(SlaPolicyException.class, () -> SlaPolicy.builder().warningThresholds(1.0))
            .field());
    assertEquals(
        "warningThresholds[1]",
        assertThrows(
                SlaPolicyException.class, () -> SlaPolicy.builder().warningThresholds(0.5, 0.5))
            .field());
  }

  @Test
  void aTargetIsPositiveAndAtMostTenYears() {
    assertEquals(
        SlaTarget.MAX_DURATION, SlaTarget.roundTheClock(SlaTarget.MAX_DURATION).duration());
    assertEquals(
        "duration",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaTarget.roundTheClock(SlaTarget.MAX_DURATION.plusNanos(1)))
            .field());
    assertEquals(Duration.ofNanos(1), SlaTarget.roundTheClock(Duration.ofNanos(1)).duration());
    assertEquals(
        "calendarName",
        assertThrows(SlaPolicyException.class, () -> SlaTarget.on(null, Duration.ofHours(1)))
            .field());
  }

  @Test
  void aStatusIsWarnedOnceAThresholdWasReported() {
    SlaTarget target = SlaTarget.roundTheClock(Duration.ofHours(1));
    SlaStatus quiet =
        new SlaStatus(
            SlaMetric.RESOLUTION,
            target,
            SlaClockState.RUNNING,
            Instant.EPOCH,
            Optional.empty(),
            Duration.ZERO,
            Duration.ofHours(1),
            0.0,
            false,
            Optional.empty(),
            Optional.empty());
    assertFalse(quiet.warned());
    assertFalse(quiet.metInTime());
    SlaStatus warned =
        new SlaStatus(
            SlaMetric.RESOLUTION,
            target,
            SlaClockState.MET,
            Instant.EPOCH,
            Optional.empty(),
            Duration.ZERO,
            Duration.ofHours(1),
            0.01,
            false,
            Optional.of(Instant.EPOCH),
            Optional.empty());
    assertTrue(warned.warned());
    assertTrue(warned.metInTime());
  }

  @Test
  void escalationRulesNeedAThresholdInsideTheTargetAndAtLeastOneAction() {
    assertEquals(
        "threshold",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    EscalationPolicy.builder()
                        .onWarning(
                            SlaMetric.RESOLUTION, 0.0, EscalationAction.Kind.NOTIFY_TEAM_LEAD))
            .field());
    assertEquals(
        "threshold",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    EscalationPolicy.builder()
                        .onWarning(
                            SlaMetric.RESOLUTION, 1.0, EscalationAction.Kind.NOTIFY_TEAM_LEAD))
            .field());
    assertEquals(
        "kinds",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    EscalationPolicy.builder()
                        .onBreach(SlaMetric.RESOLUTION, (EscalationAction.Kind[]) null))
            .field());
    assertEquals(
        "kinds[1]",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    EscalationPolicy.builder()
                        .onBreach(
                            SlaMetric.RESOLUTION, EscalationAction.Kind.NOTIFY_TEAM_LEAD, null))
            .field());
    assertEquals(
        "metric",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    EscalationPolicy.builder()
                        .onAnyWarning(null, EscalationAction.Kind.NOTIFY_TEAM_LEAD))
            .field());
    SlaEvent.Warned warned =
        new SlaEvent.Warned(
            TicketId.of("T-1"),
            SlaMetric.CALLBACK,
            0.5,
            Instant.EPOCH,
            SlaTarget.roundTheClock(Duration.ofHours(1)));
    EscalationPolicy half =
        EscalationPolicy.builder()
            .onWarning(SlaMetric.CALLBACK, 0.5, EscalationAction.Kind.RAISE_PRIORITY)
            .build();
    assertEquals(
        List.of(new EscalationAction(EscalationAction.Kind.RAISE_PRIORITY, warned)),
        half.actionsFor(warned));
    assertEquals(List.of(), EscalationPolicy.none().actionsFor(warned));
    assertEquals(
        "cause",
        assertThrows(
                SlaPolicyException.class,
                () -> new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, null))
            .field());
    assertEquals(
        "kind",
        assertThrows(SlaPolicyException.class, () -> new EscalationAction(null, warned)).field());
  }

  @Test
  void theRoundTheClockCalendarMayBeReplacedOnceAndOtherNamesNotAtAll() {
    BusinessCalendar ownRoundTheClock = BusinessCalendar.twentyFourSeven(ZoneOffset.ofHours(8));
    CalendarRegistry registry = CalendarRegistry.builder().add(ownRoundTheClock).build();
    assertEquals(ownRoundTheClock, registry.get("24x7"));
    assertThrows(
        CalendarDefinitionException.class,
        () ->
            CalendarRegistry.builder()
                .add(ownRoundTheClock)
                .add(BusinessCalendar.twentyFourSeven()));
    BusinessCalendar office = BusinessCalendar.builder("office", ZoneOffset.UTC).build();
    assertThrows(
        CalendarDefinitionException.class,
        () -> CalendarRegistry.builder().add(office).add(office));
    assertThrows(CalendarDefinitionException.class, () -> CalendarRegistry.builder().add(null));
  }

  @Test
  void policyDocumentsNeedListsWhereListsBelongAndKnownFields() {
    assertEquals(
        "pausingStatuses",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromJson("{\"pausingStatuses\": \"WAITING_ON_CUSTOMER\"}"))
            .field());
    assertEquals(
        "warningThresholds",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromJson("{\"warningThresholds\": 0.5}"))
            .field());
    assertEquals(
        "targets",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromJson("{\"targets\": {\"metric\": \"RESOLUTION\"}}"))
            .field());
    assertEquals(
        "targets[0].colour",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromJson(
                        "{\"targets\": [{\"metric\": \"RESOLUTION\", \"priority\": \"P1\", \"duration\": \"PT1H\", \"colour\": \"red\"}]}"))
            .field());
  }

  @Test
  void theMonitorNamesWhatIsMissingAndReportsWhenItIsClosed() throws Exception {
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertEquals(
          "tracker",
          assertThrows(
                  SlaPolicyException.class,
                  () -> SlaMonitor.start(null, clock, executor, Duration.ofSeconds(1)))
              .field());
      assertEquals(
          "clock",
          assertThrows(
                  SlaPolicyException.class,
                  () -> SlaMonitor.start(tracker, null, executor, Duration.ofSeconds(1)))
              .field());
      assertEquals(
          "executor",
          assertThrows(
                  SlaPolicyException.class,
                  () -> SlaMonitor.start(tracker, clock, null, Duration.ofSeconds(1)))
              .field());
      SlaMonitor monitor = SlaMonitor.start(tracker, clock, executor, Duration.ofMinutes(1));
      assertFalse(monitor.isClosed());
      monitor.close();
      assertTrue(monitor.isClosed());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theDesksEscalationRecordsWhichSlaLevelCausedIt() {
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    ManualClock clock = ManualClock.at(t0);
    SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();
    sla.setEscalationHandler(
        ServiceDeskEscalationHandler.builder(desk)
            .teamLead("lead-3")
            .supervisor("sup-1", "after-sales")
            .build());
    Actor agent = Actor.of("agent-7", Role.AGENT);
    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection")
                .build(),
            agent);
    ticket =
        desk.classify(
            ticket.id(),
            ticket.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            agent);
    ticket =
        desk.assign(ticket.id(), ticket.version(), Assignment.of("agent-7", "after-sales"), agent);
    desk.start(ticket.id(), ticket.version(), agent);
    clock.advance(Duration.ofHours(37));
    sla.tick(clock.instant());
    List<String> reasons =
        desk.history(ticket.id()).stream()
            .filter(e -> e.change() instanceof TicketChange.Escalated)
            .map(e -> ((TicketChange.Escalated) e.change()).escalation().reason())
            .toList();
    assertEquals(List.of("SLA: RESOLUTION 75% of PT48H elapsed"), reasons);
    clock.advance(Duration.ofHours(12));
    sla.tick(clock.instant());
    List<String> later =
        desk.history(ticket.id()).stream()
            .filter(e -> e.change() instanceof TicketChange.Escalated)
            .map(e -> ((TicketChange.Escalated) e.change()).escalation().reason())
            .toList();
    assertEquals(
        List.of("SLA: RESOLUTION 75% of PT48H elapsed", "SLA: RESOLUTION target PT48H exceeded"),
        later);
  }
}
