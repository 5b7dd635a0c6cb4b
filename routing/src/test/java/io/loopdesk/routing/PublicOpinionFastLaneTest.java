package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
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
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The public-opinion preset end to end on a real desk: a social-media ticket marked as a
 * public-opinion incident becomes P0, goes to the named response team, has one hour (round the
 * clock, also at night) for the first response, and climbs the response team's chain when the hour
 * is missed.
 */
class PublicOpinionFastLaneTest {
  /** Saturday 22:00 in Shanghai: outside office hours, the hour still counts. */
  static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-07T14:00:00Z");

  static final Actor INTAKE = Actor.of("social-intake", Role.AGENT);

  final ManualClock clock = ManualClock.at(SATURDAY_NIGHT);
  final PublicOpinionFastLane lane =
      PublicOpinionFastLane.of(
          "public-relations", "opinion-response", "lead-pr", "pr-manager", "ops-1");
  final RoutingRules rules =
      lane.prependTo(
          RoutingRules.fromYaml(
              """
      mode: FIRST_MATCH
      rules:
        - id: complaints
          when: { category: [COMPLAINT] }
          then: { assign: { department: customer-service, queue: complaints } }
        - id: catch-all
          then: { assign: { department: customer-service, queue: general } }
      """,
              Map.of()));
  final AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
  final Router router = Router.create(rules, pool, clock);
  final BusinessCalendar office =
      BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
          .weekdays(WorkingInterval.parse("09:00-18:00"))
          .build();
  final SlaPolicy policy = lane.applyTo(SlaPolicy.standard().toBuilder()).build();
  final SlaTracker sla = SlaTracker.builder(policy, CalendarRegistry.of(office)).build();
  final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(clock)
          .deadlinePolicy(sla.deadlinePolicy())
          .listener(sla)
          .build();
  final Escalations escalations =
      Escalations.builder(
              desk, EscalationChain.standard("customer-service", "lead-cs", "sup-cs", "ops-1"))
          .chain(lane.chain())
          .calendars(t -> office)
          .clock(clock)
          .build();

  PublicOpinionFastLaneTest() {
    sla.setEscalationHandler(escalations.slaHandler());
    pool.register(
        Agent.builder("pr-agent-1").queues("opinion-response").capacity(3).build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("cs-agent-1").queues("complaints", "general").capacity(3).build(),
        Presence.ONLINE);
  }

  Ticket classified(Channel channel, Category category) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(channel)
                .customer(Customer.of("C-9", "李四", "13912345678", null))
                .product("X9 手机")
                .problem("微博上曝光电池鼓包")
                .build(),
            INTAKE);
    return desk.classify(
        t.id(), t.version(), Classification.of(category, Level.LOW, Level.LOW, Level.LOW), INTAKE);
  }

  @Test
  void socialMediaPublicOpinionTicketBecomesP0ForTheResponseTeamWithAOneHourTarget() {
    Ticket t = classified(Channel.SOCIAL_MEDIA, PublicOpinionFastLane.CATEGORY);
    assertThat(t.priority().orElseThrow().priority())
        .as("the matrix alone would not make it P0")
        .isNotEqualTo(Priority.P0);
    Router.Routed routed = router.routeOnDesk(desk, t, RoutingInput.from(t).build(), Actor.SYSTEM);
    Ticket after = routed.ticket();
    assertThat(after.priority().orElseThrow().priority()).isEqualTo(Priority.P0);
    assertThat(after.assignee()).contains("pr-agent-1");
    assertThat(after.department()).contains("public-relations");
    assertThat(routed.result().decision().tags()).containsExactly(PublicOpinionFastLane.TAG);
    assertThat(routed.result().reason()).contains("rule public-opinion-fast-lane");
    assertThat(policy.target(SlaMetric.FIRST_RESPONSE, Priority.P0, PublicOpinionFastLane.CATEGORY))
        .contains(SlaTarget.roundTheClock(Duration.ofHours(1)));
    assertThat(
            sla.status(after.id(), clock.instant())
                .orElseThrow()
                .clock(SlaMetric.FIRST_RESPONSE)
                .orElseThrow()
                .deadline())
        .as("one hour from opening, at night too")
        .contains(SATURDAY_NIGHT.plus(Duration.ofHours(1)));
  }

  @Test
  void aMissedHourEscalatesUpTheResponseTeamsChain() {
    Ticket t = classified(Channel.SOCIAL_MEDIA, PublicOpinionFastLane.CATEGORY);
    Ticket routed =
        router.routeOnDesk(desk, t, RoutingInput.from(t).build(), Actor.SYSTEM).ticket();
    clock.advance(Duration.ofMinutes(46));
    List<SlaEvent> warned = sla.tick(clock.instant());
    assertThat(warned)
        .anyMatch(e -> e instanceof SlaEvent.Warned w && w.metric() == SlaMetric.FIRST_RESPONSE);
    assertThat(desk.get(routed.id()).escalationLevel()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(15));
    List<SlaEvent> breached = sla.tick(clock.instant());
    assertThat(breached)
        .anyMatch(e -> e instanceof SlaEvent.Breached b && b.metric() == SlaMetric.FIRST_RESPONSE);
    Ticket escalated = desk.get(routed.id());
    assertThat(escalated.escalationLevel()).isEqualTo(2);
    List<TicketEvent> history = desk.history(routed.id());
    assertThat(history)
        .filteredOn(e -> e.change() instanceof TicketChange.Escalated)
        .extracting(e -> ((TicketChange.Escalated) e.change()).escalation().escalatedTo())
        .containsExactly("lead-pr", "pr-manager");
  }

  @Test
  void respondingWithinTheHourDoesNotEscalate() {
    Ticket t = classified(Channel.SOCIAL_MEDIA, PublicOpinionFastLane.CATEGORY);
    Ticket routed =
        router.routeOnDesk(desk, t, RoutingInput.from(t).build(), Actor.SYSTEM).ticket();
    clock.advance(Duration.ofMinutes(20));
    desk.start(routed.id(), routed.version(), Actor.of("pr-agent-1", Role.AGENT));
    clock.advance(Duration.ofHours(2));
    assertThat(sla.tick(clock.instant()))
        .noneMatch(e -> e.metric() == SlaMetric.FIRST_RESPONSE && !(e instanceof SlaEvent.Met));
    assertThat(desk.get(routed.id()).escalationLevel()).isZero();
  }

  @Test
  void otherChannelsAndOrdinaryComplaintsStayOnTheirUsualRoute() {
    Ticket phone = classified(Channel.PHONE, PublicOpinionFastLane.CATEGORY);
    assertThat(router.route(RoutingInput.from(phone).build()).decision().fired())
        .extracting(FiredRule::ruleId)
        .containsExactly("catch-all");
    Ticket complaint = classified(Channel.SOCIAL_MEDIA, Category.COMPLAINT);
    RoutingResult r = router.route(RoutingInput.from(complaint).build());
    assertThat(r.decision().fired()).extracting(FiredRule::ruleId).containsExactly("complaints");
    assertThat(r.decision().priorityChanged()).isFalse();
  }

  @Test
  void theChainMustBeTheDepartmentsAndTheRuleIdUnique() {
    assertThatThrownBy(
            () ->
                new PublicOpinionFastLane(
                    "public-relations", "q", EscalationChain.standard("other", "a", "b", "c")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("chain");
    assertThatThrownBy(() -> lane.prependTo(rules))
        .hasMessageContaining(PublicOpinionFastLane.RULE_ID);
    assertThat(lane.chain().step(1).ownerId()).isEqualTo("lead-pr");
    assertThat(Optional.of(lane.rule().id())).contains(PublicOpinionFastLane.RULE_ID);
  }
}
