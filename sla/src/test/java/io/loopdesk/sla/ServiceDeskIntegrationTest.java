package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracker wired into the real service desk: events, deadlines and the desk's own audit trail
 * agree.
 */
class ServiceDeskIntegrationTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);

  private static Ticket openP1(ServiceDesk desk) {
    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", "li@example.com"))
                .product("router X1")
                .problem("no connection at all")
                .build(),
            AGENT);
    ticket =
        desk.classify(
            ticket.id(),
            ticket.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    assertEquals(Priority.P1, ticket.priority().orElseThrow().priority());
    ticket =
        desk.assign(ticket.id(), ticket.version(), Assignment.of("agent-7", "after-sales"), AGENT);
    return desk.start(ticket.id(), ticket.version(), AGENT);
  }

  @Test
  void breachEscalatesReassignsAndRaisesThePriorityInTheDesksOwnHistory() {
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    ManualClock clock = ManualClock.at(t0);
    SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();
    List<EscalationAction> notified = new ArrayList<>();
    sla.setEscalationHandler(
        ServiceDeskEscalationHandler.builder(desk)
            .teamLead("lead-3")
            .supervisor("sup-1", "after-sales")
            .notifier(notified::add)
            .build());

    Ticket ticket = openP1(desk);
    clock.advance(Duration.ofHours(49));
    assertEquals(3, sla.tick(clock.instant()).size());

    Ticket after = desk.get(ticket.id());
    assertEquals("sup-1", after.assignee().orElseThrow());
    assertEquals(2, after.escalationLevel());
    assertEquals(Priority.P0, after.priority().orElseThrow().priority());
    assertEquals(
        t0.plus(Duration.ofHours(24)), after.dueAt().orElseThrow(), "deadline policy asked again");
    List<TicketChange> systemChanges =
        desk.history(ticket.id()).stream()
            .filter(e -> e.actor().equals(Actor.SYSTEM))
            .map(e -> e.change())
            .toList();
    assertEquals(
        List.of(
            TicketChange.Escalated.class,
            TicketChange.Escalated.class,
            TicketChange.Assigned.class,
            TicketChange.PriorityChanged.class),
        systemChanges.stream().map(Object::getClass).toList());
    assertEquals(3, notified.size(), "75%, 90% and the breach notify the team lead");
    SlaStatus resolution =
        sla.status(ticket.id(), clock.instant())
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(
        Duration.ofHours(24), resolution.target().duration(), "targets follow the raised priority");
    assertTrue(resolution.breached());
    assertTrue(sla.tick(clock.instant().plus(Duration.ofDays(5))).isEmpty(), "no escalation loop");
    List<String> audit = sla.auditTrail(ticket.id()).stream().map(SlaAuditEntry::kind).toList();
    assertEquals(5, audit.stream().filter("ESCALATED"::equals).count(), audit.toString());
  }

  @Test
  void approvedDelayMovesTheResolutionDeadlineAndPausesStillExtendIt() {
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    ManualClock clock = ManualClock.at(t0);
    SlaTracker sla = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();
    Ticket ticket = openP1(desk);
    clock.advance(Duration.ofHours(10));
    ticket =
        desk.changeDeadline(
            ticket.id(), ticket.version(), t0.plus(Duration.ofHours(60)), "approved delay", AGENT);
    assertEquals(
        t0.plus(Duration.ofHours(60)),
        sla.status(ticket.id(), clock.instant())
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline()
            .orElseThrow());
    ticket = desk.waitOnCustomer(ticket.id(), ticket.version(), "logs", AGENT);
    clock.advance(Duration.ofHours(5));
    ticket = desk.resume(ticket.id(), ticket.version(), AGENT);
    assertEquals(
        t0.plus(Duration.ofHours(65)),
        sla.status(ticket.id(), clock.instant())
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline()
            .orElseThrow());
  }

  @Test
  void p1TicketThroughTheRealDeskWithAWaitOnTheCustomer() {
    Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
    ManualClock clock = ManualClock.at(t0);
    List<EscalationAction> actions = new ArrayList<>();
    SlaTracker sla =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .escalationHandler(actions::add)
            .build();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(clock)
            .listener(sla)
            .deadlinePolicy(sla.deadlinePolicy())
            .build();

    Ticket ticket =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", "li@example.com"))
                .product("router X1")
                .problem("drops the connection every hour")
                .build(),
            AGENT);
    clock.advance(Duration.ofMinutes(6));
    ticket =
        desk.classify(
            ticket.id(),
            ticket.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    assertEquals(Priority.P1, ticket.priority().orElseThrow().priority());
    assertEquals(
        t0.plus(Duration.ofHours(48)),
        ticket.dueAt().orElseThrow(),
        "desk deadline from the SLA policy");

    ticket =
        desk.assign(ticket.id(), ticket.version(), Assignment.of("agent-7", "after-sales"), AGENT);
    ticket = desk.start(ticket.id(), ticket.version(), AGENT);
    clock.advance(Duration.ofHours(10));
    ticket = desk.waitOnCustomer(ticket.id(), ticket.version(), "photo of the label", AGENT);
    clock.advance(Duration.ofHours(24));
    assertTrue(sla.tick(clock.instant()).isEmpty());
    ticket = desk.resume(ticket.id(), ticket.version(), AGENT);

    SlaStatus resolution =
        sla.status(ticket.id(), clock.instant())
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow();
    assertEquals(
        t0.plus(Duration.ofHours(72)), resolution.deadline().orElseThrow(), "48 h + 24 h waiting");

    clock.advance(Duration.ofHours(26));
    List<SlaEvent> warnings = sla.tick(clock.instant());
    assertEquals(
        List.of(
            new SlaEvent.Warned(
                ticket.id(),
                SlaMetric.RESOLUTION,
                0.75,
                t0.plus(Duration.ofHours(60)),
                SlaTarget.roundTheClock(Duration.ofHours(48)))),
        warnings,
        "75% = 36 h of running time");
    assertEquals(EscalationAction.Kind.NOTIFY_TEAM_LEAD, actions.get(0).kind());

    ticket = desk.resolve(ticket.id(), ticket.version(), "firmware update", AGENT);
    clock.advance(Duration.ofHours(3));
    ticket =
        desk.recordCallback(
            ticket.id(), ticket.version(), CallbackResult.reached(true, 5, "works"), AGENT);
    ticket = desk.close(ticket.id(), ticket.version(), AGENT);

    TicketSla sla2 = sla.status(ticket.id(), clock.instant()).orElseThrow();
    assertTrue(sla2.clock(SlaMetric.RESOLUTION).orElseThrow().metInTime());
    assertTrue(sla2.clock(SlaMetric.CALLBACK).orElseThrow().metInTime());
    assertTrue(
        sla.tick(clock.instant().plus(Duration.ofDays(30))).isEmpty(),
        "a closed ticket raises nothing");
  }
}
