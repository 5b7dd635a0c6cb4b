package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one SLA escalation handler with a ladder of its own (as the routing module plugs in its
 * department chains): the ladder decides the levels, the handler still reassigns to a configured
 * supervisor and notifies; without a ladder the fixed team lead and supervisor own levels 1 and 2.
 * Also the subject a contract rule looks at.
 */
class EscalationLadderTest {

  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaTarget TARGET = SlaTarget.roundTheClock(Duration.ofHours(48));

  private record Step(TicketId ticketId, int level, EscalationAction.Kind kind, String reason) {}

  private final ServiceDesk desk = ServiceDesks.builder().clock(ManualClock.at(T0)).build();

  private Ticket assignedTicket() {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("c-9", "Li Lei", "13900000000", null))
                .product("router X1")
                .problem("no connection")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    return desk.assign(t.id(), t.version(), Assignment.of("agent-7", "after-sales"), AGENT);
  }

  @Test
  void aLadderDecidesTheLevelsAndTheHandlerStillReassignsAndNotifies() {
    Ticket t = assignedTicket();
    List<Step> steps = new ArrayList<>();
    List<EscalationAction> notified = new ArrayList<>();
    ServiceDeskEscalationHandler handler =
        ServiceDeskEscalationHandler.builder(desk)
            .ladder(
                (id, level, action, reason) ->
                    steps.add(new Step(id, level, action.kind(), reason)))
            .supervisor("sup-1", "after-sales")
            .notifier(notified::add)
            .build();
    SlaEvent warned = new SlaEvent.Warned(t.id(), SlaMetric.OLA, 0.75, T0, TARGET, "second-line");
    SlaEvent breached = new SlaEvent.Breached(t.id(), SlaMetric.RESOLUTION, T0, TARGET);
    handler.execute(new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, warned));
    handler.execute(new EscalationAction(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, breached));
    assertEquals(
        List.of(
            new Step(
                t.id(),
                1,
                EscalationAction.Kind.NOTIFY_TEAM_LEAD,
                "SLA: OLA:second-line 75% of PT48H elapsed"),
            new Step(
                t.id(),
                2,
                EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
                "SLA: RESOLUTION target PT48H exceeded")),
        steps);
    assertEquals(1, notified.size());
    Ticket after = desk.get(t.id());
    assertEquals(Optional.of("sup-1"), after.assignee());
    assertEquals(0, after.escalationLevel(), "the ladder, not the handler, moves the levels");
  }

  @Test
  void withALadderAndNoSupervisorAReassignmentOnlyEscalates() {
    Ticket t = assignedTicket();
    List<Step> steps = new ArrayList<>();
    ServiceDeskEscalationHandler handler =
        ServiceDeskEscalationHandler.builder(desk)
            .ladder(
                (id, level, action, reason) ->
                    steps.add(new Step(id, level, action.kind(), reason)))
            .build();
    handler.execute(
        new EscalationAction(
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
            new SlaEvent.Met(t.id(), SlaMetric.RESOLUTION, T0, false)));
    assertEquals(
        List.of(
            new Step(
                t.id(), 2, EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, "SLA: RESOLUTION met")),
        steps);
    assertEquals(Optional.of("agent-7"), desk.get(t.id()).assignee());
  }

  @Test
  void theDefaultLadderIsTheFixedTeamLeadAndSupervisor() {
    Ticket t = assignedTicket();
    SlaEvent breached = new SlaEvent.Breached(t.id(), SlaMetric.RESOLUTION, T0, TARGET);
    ServiceDeskEscalationHandler withoutSupervisor =
        ServiceDeskEscalationHandler.builder(desk).teamLead("lead-3").build();
    assertThrows(
        IllegalStateException.class,
        () ->
            withoutSupervisor.execute(
                new EscalationAction(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, breached)));
    withoutSupervisor.execute(
        new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, breached));
    assertEquals(1, desk.get(t.id()).escalationLevel());
    ServiceDeskEscalationHandler.builder(desk)
        .build()
        .execute(new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, breached));
    assertEquals(
        1, desk.get(t.id()).escalationLevel(), "without a team lead only the notifier runs");
    ServiceDeskEscalationHandler.builder(desk)
        .supervisor("sup-1", "after-sales")
        .build()
        .execute(new EscalationAction(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, breached));
    assertEquals(2, desk.get(t.id()).escalationLevel());
    assertEquals(Optional.of("sup-1"), desk.get(t.id()).assignee());
    assertEquals(
        "ladder",
        assertThrows(
                SlaPolicyException.class,
                () -> ServiceDeskEscalationHandler.builder(desk).ladder(null))
            .field());
  }

  @Test
  void theSubjectOfATicketIsItsCustomerTierChannelAndProductWithoutAContract() {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.APP)
                .customer(
                    Customer.of("c-5", "Li Lei", "13900000000", null).withTier(CustomerTier.VIP))
                .product("modem M2")
                .problem("slow")
                .build(),
            AGENT);
    SlaSubject subject = SlaSubject.of(t);
    assertEquals(new SlaSubject("c-5", CustomerTier.VIP, Channel.APP, "modem M2", null), subject);
    assertEquals(Optional.empty(), subject.contractName());
    assertEquals(Optional.of("GOLD"), subject.withContract("GOLD").contractName());
    assertEquals(CustomerTier.STANDARD, subject.withTier(CustomerTier.STANDARD).tier());
    assertEquals("c-5", subject.withContract("GOLD").withTier(CustomerTier.STANDARD).customerId());
    assertEquals(
        "ticket", assertThrows(SlaPolicyException.class, () -> SlaSubject.of(null)).field());
    SlaPolicyException tooLong =
        assertThrows(SlaPolicyException.class, () -> subject.withContract("x".repeat(201)));
    assertEquals("201 characters", tooLong.value(), "a long value is not echoed");
    assertEquals(
        SlaSubject.MAX_CONTRACT_LENGTH, subject.withContract("x".repeat(200)).contract().length());
  }
}
