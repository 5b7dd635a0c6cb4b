package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.routing.EscalationException.Problem;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Escalation chains (manual, complaint, SLA), explicit de-escalation, delay requests; routing
 * reasons in the trail.
 */
class EscalationsTest {
  static final Actor AGENT = Actor.of("a1", Role.AGENT);
  static final Actor LEAD = Actor.of("lead1", Role.TEAM_LEAD);
  static final Actor SUP = Actor.of("sup1", Role.SUPERVISOR);
  static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");
  static final BusinessCalendar OFFICE =
      BusinessCalendar.builder("office", ZoneOffset.UTC)
          .weekdays(WorkingInterval.parse("09:00-18:00"))
          .build();

  final ManualClock clock = ManualClock.at(MONDAY_9);
  final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(clock)
          .deadlinePolicy((t, at) -> Optional.of(at.plus(Duration.ofDays(4))))
          .build();
  final Escalations escalations =
      Escalations.builder(desk, EscalationChain.standard("any", "lead0", "sup0", "ops0"))
          .chain(EscalationChain.standard("repair", "lead1", "sup1", "ops1"))
          .calendars(t -> OFFICE)
          .clock(clock)
          .build();

  Ticket ticket(String customerId, Category category, Level severity) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of(customerId, "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(category, Level.LOW, Level.HIGH, severity),
            AGENT);
    return desk.assign(t.id(), t.version(), Assignment.of("a1", "repair"), LEAD);
  }

  @Test
  void manualEscalationClimbsTheChainStepByStepAndStopsAtTheTop() {
    Ticket t = ticket("C-1", Category.PRODUCT_FAULT, Level.LOW);
    for (int level = 1; level <= 3; level++) {
      t =
          escalations.escalate(
              t.id(), t.version(), EscalationTrigger.MANUAL, "customer insists", AGENT);
      assertThat(t.escalationLevel()).isEqualTo(level);
    }
    Ticket top = t;
    assertThatThrownBy(
            () ->
                escalations.escalate(
                    top.id(), top.version(), EscalationTrigger.MANUAL, "again", AGENT))
        .isInstanceOf(EscalationException.class)
        .hasMessageContaining("TOP_OF_CHAIN")
        .hasMessageContaining("operations manager");
    assertThat(desk.get(top.id())).isEqualTo(top);
    TicketEvent last = desk.history(top.id()).get(desk.history(top.id()).size() - 1);
    assertThat(last.change())
        .isInstanceOfSatisfying(
            TicketChange.Escalated.class,
            e -> {
              assertThat(e.escalation().escalatedTo()).isEqualTo("ops1");
              assertThat(e.escalation().reason())
                  .isEqualTo("MANUAL: customer insists -> operations manager");
            });
    assertThatThrownBy(() -> escalations.deescalate(top.id(), top.version(), 3, "calm", SUP))
        .isInstanceOf(EscalationException.class)
        .extracting(e -> ((EscalationException) e).problem())
        .isEqualTo(Problem.NOT_LOWER);
    Ticket down = escalations.deescalate(top.id(), top.version(), 1, "handled", SUP);
    assertThat(down.escalationLevel()).isEqualTo(1);
    assertThat(desk.history(down.id()).get(desk.history(down.id()).size() - 1).change())
        .isInstanceOfSatisfying(
            TicketChange.Deescalated.class,
            d -> assertThat(d.escalation().escalatedTo()).isEqualTo("lead1"));
  }

  @Test
  void complaintsEscalateBySeverityAndRepetition() {
    Ticket serious = ticket("C-1", Category.COMPLAINT, Level.HIGH);
    assertThat(escalations.onComplaint(serious.id(), Actor.SYSTEM).orElseThrow().escalationLevel())
        .isEqualTo(3);
    Ticket ordinary = ticket("C-2", Category.COMPLAINT, Level.LOW);
    assertThat(escalations.onComplaint(ordinary.id(), Actor.SYSTEM).orElseThrow().escalationLevel())
        .isEqualTo(1);
    assertThat(escalations.onComplaint(ordinary.id(), Actor.SYSTEM)).as("idempotent").isEmpty();
    ticket("C-2", Category.COMPLAINT, Level.LOW);
    Ticket third = ticket("C-2", Category.COMPLAINT, Level.LOW);
    Ticket repeated = escalations.onComplaint(third.id(), Actor.SYSTEM).orElseThrow();
    assertThat(repeated.escalationLevel()).isEqualTo(2);
    assertThat(
            desk.history(repeated.id())
                .get(desk.history(repeated.id()).size() - 1)
                .change()
                .toString())
        .contains("REPEATED_COMPLAINTS")
        .contains("2 other complaints");
    assertThat(
            escalations.onComplaint(
                ticket("C-3", Category.PRODUCT_FAULT, Level.HIGH).id(), Actor.SYSTEM))
        .isEmpty();
  }

  @Test
  void slaWarningsAndBreachesEscalateOnceAndRaisePriority() {
    Ticket t = ticket("C-1", Category.PRODUCT_FAULT, Level.LOW);
    Priority before = t.priority().orElseThrow().priority();
    SlaTarget target = SlaTarget.roundTheClock(Duration.ofHours(48));
    SlaEvent warned = new SlaEvent.Warned(t.id(), SlaMetric.RESOLUTION, 0.75, MONDAY_9, target);
    SlaEvent breached = new SlaEvent.Breached(t.id(), SlaMetric.RESOLUTION, MONDAY_9, target);
    escalations
        .slaHandler()
        .execute(new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, warned));
    escalations
        .slaHandler()
        .execute(new EscalationAction(EscalationAction.Kind.NOTIFY_TEAM_LEAD, warned));
    assertThat(desk.get(t.id()).escalationLevel()).isEqualTo(1);
    escalations
        .slaHandler()
        .execute(new EscalationAction(EscalationAction.Kind.REASSIGN_TO_SUPERVISOR, breached));
    escalations
        .slaHandler()
        .execute(new EscalationAction(EscalationAction.Kind.RAISE_PRIORITY, breached));
    Ticket after = desk.get(t.id());
    assertThat(after.escalationLevel()).isEqualTo(2);
    assertThat(after.priority().orElseThrow().priority()).isEqualTo(before.raised());
    assertThat(
            desk.history(t.id()).stream()
                .filter(e -> e.change() instanceof TicketChange.Escalated)
                .map(TicketEvent::actor))
        .containsOnly(Actor.SYSTEM)
        .hasSize(2);
  }

  @Test
  void delayRequestsNeedTheAssigneeOneWorkingDayOfNoticeAndTheNextLevelsApproval() {
    Ticket t = ticket("C-1", Category.PRODUCT_FAULT, Level.LOW);
    Instant due = t.dueAt().orElseThrow();
    assertThat(due).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
    Instant later = due.plus(Duration.ofDays(3));
    assertThatThrownBy(() -> escalations.requestDelay(t.id(), later, "waiting for parts", LEAD))
        .isInstanceOf(EscalationException.class)
        .hasMessageContaining("NOT_ASSIGNEE");
    assertThatThrownBy(() -> escalations.requestDelay(t.id(), due.minusSeconds(1), "parts", AGENT))
        .isInstanceOf(EscalationException.class)
        .hasMessageContaining("NOT_LATER");
    clock.set(Instant.parse("2026-03-05T09:00:01Z"));
    assertThatThrownBy(() -> escalations.requestDelay(t.id(), later, "parts", AGENT))
        .isInstanceOf(EscalationException.class)
        .hasMessageContaining("TOO_LATE")
        .hasMessageContaining("office");
    clock.set(Instant.parse("2026-03-05T09:00:00Z"));
    DelayRequest request = escalations.requestDelay(t.id(), later, "waiting for parts", AGENT);
    assertThat(request.approverId()).isEqualTo("lead1");
    assertThatThrownBy(() -> escalations.requestDelay(t.id(), later, "again", AGENT))
        .hasMessageContaining("still pending");
    assertThatThrownBy(() -> escalations.approveDelay(request.id(), "ok", SUP))
        .isInstanceOf(EscalationException.class)
        .hasMessageContaining("NOT_APPROVER");
    Ticket moved = escalations.approveDelay(request.id(), "parts ordered", LEAD);
    assertThat(moved.dueAt()).contains(later);
    assertThat(desk.history(t.id()).get(desk.history(t.id()).size() - 1).change())
        .isInstanceOfSatisfying(
            TicketChange.DeadlineChanged.class,
            d -> assertThat(d.reason()).contains(request.id(), "lead1"));
    assertThatThrownBy(() -> escalations.rejectDelay(request.id(), "no", LEAD))
        .hasMessageContaining("ALREADY_DECIDED");
    assertThat(escalations.delayRequests(t.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(DelayRequest.Status.APPROVED);
              assertThat(r.decidedAt()).isEqualTo(clock.instant());
            });
  }

  @Test
  void anEscalatedTicketsDelayIsDecidedOneLevelHigherAndRejectionKeepsTheDeadline() {
    Ticket t = ticket("C-1", Category.PRODUCT_FAULT, Level.LOW);
    t = escalations.escalate(t.id(), t.version(), EscalationTrigger.MANUAL, "needs lead", AGENT);
    DelayRequest request =
        escalations.requestDelay(
            t.id(), t.dueAt().orElseThrow().plus(Duration.ofDays(1)), "lab test", AGENT);
    assertThat(request.approverId()).isEqualTo("sup1");
    assertThatThrownBy(() -> escalations.approveDelay(request.id(), "ok", LEAD))
        .hasMessageContaining("NOT_APPROVER");
    DelayRequest rejected = escalations.rejectDelay(request.id(), "finish on time", SUP);
    assertThat(rejected.status()).isEqualTo(DelayRequest.Status.REJECTED);
    assertThat(desk.get(t.id())).isEqualTo(t);
    assertThat(rejected.toString()).doesNotContain("lab test");
  }

  @Test
  void routeOnDeskRecordsPriorityAndAssignmentWithTheirReasonsAndGivesTheSlotBackOnRejection() {
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    pool.register(Agent.builder("pm-1").queues("product-managers").build(), Presence.ONLINE);
    Router router = Router.create(RoutingRulesTest.handbook(MatchMode.FIRST_MATCH), pool, clock);
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.APP)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9")
                .problem("please add dark mode")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.SUGGESTION, Level.HIGH, Level.HIGH, Level.HIGH),
            AGENT);
    assertThat(t.priority().orElseThrow().priority()).isNotEqualTo(Priority.P3);
    Router.Routed routed = router.routeOnDesk(desk, t, RoutingInput.from(t).build(), Actor.SYSTEM);
    assertThat(routed.ticket().priority().orElseThrow().priority()).isEqualTo(Priority.P3);
    assertThat(routed.ticket().assignee()).contains("pm-1");
    List<TicketEvent> history = desk.history(t.id());
    assertThat(history.get(history.size() - 2).change())
        .isInstanceOf(TicketChange.PriorityChanged.class);
    assertThat(
            routed
                .ticket()
                .priority()
                .orElseThrow()
                .reasons()
                .get(routed.ticket().priority().orElseThrow().reasons().size() - 1))
        .contains("routing: rule suggestions");
    assertThat(pool.status("pm-1").orElseThrow().openTickets()).isEqualTo(1);
    pool.release("pm-1");
    Ticket stale = t;
    assertThatThrownBy(
            () -> router.routeOnDesk(desk, stale, RoutingInput.from(stale).build(), Actor.SYSTEM))
        .isInstanceOf(io.loopdesk.api.VersionConflictException.class);
    assertThat(pool.status("pm-1").orElseThrow().openTickets()).as("slot given back").isZero();
  }

  @Test
  void routingDecisionsShowInTheAuditTrail() {
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    pool.register(Agent.builder("eng-1").queues("engineers").build(), Presence.ONLINE);
    Router router = Router.create(RoutingRulesTest.handbook(MatchMode.FIRST_MATCH), pool, clock);
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            AGENT);
    Ticket classified =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    RoutingResult result =
        router.route(RoutingInput.from(classified).warranty(WarrantyStatus.IN_WARRANTY).build());
    Ticket assigned =
        desk.assign(
            classified.id(), classified.version(), result.assignment().orElseThrow(), Actor.SYSTEM);
    List<TicketEvent> history = desk.history(assigned.id());
    assertThat(history.get(history.size() - 1).change())
        .isInstanceOfSatisfying(
            TicketChange.Assigned.class,
            a -> {
              assertThat(a.assignee()).isEqualTo("eng-1");
              assertThat(a.reason())
                  .startsWith(
                      "rule in-warranty-repair (category PRODUCT_FAULT in [PRODUCT_FAULT]; warranty IN_WARRANTY")
                  .contains("agent eng-1 in queue engineers by LEAST_LOADED");
            });
  }
}
