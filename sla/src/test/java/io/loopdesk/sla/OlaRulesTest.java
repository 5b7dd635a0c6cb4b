package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One example per OLA rule: a team's clock starts when the ticket is assigned to it and ends when
 * the ticket leaves it (met, met late or breached), a reassignment restarts it for the new team,
 * pauses follow the policy, a re-prioritisation retargets it, the resolution meets it and a reopen
 * starts a new one. Round the clock, so the arithmetic is plain.
 */
class OlaRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaTarget FIRST_LINE = SlaTarget.on("24x7", Duration.ofHours(2));
  private static final SlaTarget SECOND_LINE = SlaTarget.on("24x7", Duration.ofHours(8));
  private static final SlaTarget SECOND_LINE_P0 = SlaTarget.on("24x7", Duration.ofHours(1));
  private static final SlaPolicy POLICY =
      SlaPolicies.fromYaml(
          """
            pausingStatuses: [WAITING_ON_CUSTOMER]
            warningThresholds: [0.5]
            targets:
              - { metric: RESOLUTION, priority: P1, duration: PT72H, calendar: 24x7 }
            olas:
              - { team: first-line, duration: PT2H, calendar: 24x7 }
              - { team: second-line, duration: PT8H, calendar: 24x7 }
              - { team: second-line, priority: P0, duration: PT1H, calendar: 24x7 }
            """);

  private final List<SlaEvent> events = new ArrayList<>();
  private final SlaTracker tracker =
      SlaTracker.builder(POLICY, CalendarRegistry.of()).listener(events::add).build();

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  private TicketScript ticket(String id) {
    return TicketScript.open(tracker, id, T0).classify(T0, Priority.P1, Category.PRODUCT_FAULT);
  }

  private TicketSla status(TicketScript t, Instant at) {
    tracker.tick(at);
    return tracker.status(t.id(), at).orElseThrow();
  }

  private SlaStatus ola(TicketScript t, Instant at) {
    return status(t, at).clock(SlaMetric.OLA).orElseThrow();
  }

  private List<SlaEvent> olaEvents() {
    return events.stream().filter(e -> e.metric() == SlaMetric.OLA).toList();
  }

  @Test
  void theClockStartsWhenTheTicketIsAssignedToATeamWithAnOla() {
    TicketScript t = ticket("A");
    assertTrue(status(t, T0).clock(SlaMetric.OLA).isEmpty(), "no team yet, no OLA clock");
    assertEquals(Optional.empty(), status(t, T0).team());
    t.assign(hours(1), "agent-1", "first-line");
    SlaStatus clock = ola(t, hours(1));
    assertEquals(hours(1), clock.startedAt());
    assertEquals(Optional.of(hours(3)), clock.deadline());
    assertEquals(FIRST_LINE, clock.target());
    assertEquals(Optional.of("first-line"), status(t, hours(1)).team());
  }

  @Test
  void aReassignmentToAnotherTeamMeetsTheOldTeamsClockAndStartsTheNewTeamsClock() {
    TicketScript t =
        ticket("B")
            .assign(T0, "agent-1", "first-line")
            .assign(hours(1.5), "agent-2", "second-line");
    assertEquals(
        List.of(
            new SlaEvent.Warned(t.id(), SlaMetric.OLA, 0.5, hours(1), FIRST_LINE, "first-line"),
            new SlaEvent.Met(t.id(), SlaMetric.OLA, hours(1.5), true, "first-line")),
        olaEvents());
    SlaStatus clock = ola(t, hours(2));
    assertEquals(hours(1.5), clock.startedAt(), "the new team's clock starts at the reassignment");
    assertEquals(SECOND_LINE, clock.target());
    assertEquals(Optional.of(hours(9.5)), clock.deadline());
    assertEquals(
        "OLA:second-line",
        new SlaEvent.Met(t.id(), SlaMetric.OLA, hours(2), true, "second-line").targetName());
  }

  @Test
  void anotherAgentOfTheSameTeamKeepsTheTeamsClock() {
    TicketScript t =
        ticket("C").assign(T0, "agent-1", "first-line").assign(hours(1), "agent-9", "first-line");
    SlaStatus clock = ola(t, hours(1));
    assertEquals(T0, clock.startedAt());
    assertEquals(Optional.of(hours(2)), clock.deadline());
    assertTrue(olaEvents().stream().noneMatch(e -> e instanceof SlaEvent.Met));
  }

  @Test
  void aTeamThatKeepsTheTicketTooLongBreachesAndIsMetLateWhenItHandsTheTicketOn() {
    TicketScript t = ticket("D").assign(T0, "agent-1", "first-line");
    tracker.tick(hours(2.5));
    t.assign(hours(3), "agent-2", "second-line");
    assertEquals(
        List.of(
            new SlaEvent.Warned(t.id(), SlaMetric.OLA, 0.5, hours(1), FIRST_LINE, "first-line"),
            new SlaEvent.Breached(t.id(), SlaMetric.OLA, hours(2), FIRST_LINE, "first-line"),
            new SlaEvent.Met(t.id(), SlaMetric.OLA, hours(3), false, "first-line")),
        olaEvents());
    assertEquals(Optional.empty(), ola(t, hours(3)).result(), "the new team starts clean");
    assertTrue(
        tracker.auditTrail(t.id()).stream()
            .anyMatch(e -> e.detail().equals("OLA:first-line met late")));
  }

  @Test
  void aTeamThatGetsTheTicketBackStartsANewCycle() {
    TicketScript t =
        ticket("E")
            .assign(T0, "a", "first-line")
            .assign(hours(1), "b", "second-line")
            .assign(hours(1), "a", "first-line");
    SlaStatus clock = ola(t, hours(1));
    assertEquals(hours(1), clock.startedAt());
    assertEquals(
        Optional.of(hours(3)),
        clock.deadline(),
        "a fresh two hours, not the rest of the first cycle");
    assertEquals(
        2,
        olaEvents().stream().filter(e -> e instanceof SlaEvent.Met).count(),
        "first-line met at the hand-over, second-line met at once");
  }

  @Test
  void theClockPausesInThePolicysPausingStatuses() {
    TicketScript t =
        ticket("F")
            .assign(T0, "a", "first-line")
            .start(T0)
            .waitOnCustomer(hours(1))
            .resume(hours(4));
    SlaStatus clock = ola(t, hours(4));
    assertEquals(Duration.ofHours(1), clock.elapsed());
    assertEquals(Optional.of(hours(5)), clock.deadline());
  }

  @Test
  void theResolutionMeetsTheOlaAndAReopenStartsANewOneForTheTeamHoldingTheTicket() {
    TicketScript t = ticket("G").assign(T0, "a", "first-line").start(T0).resolve(hours(1));
    assertEquals(Optional.of(SlaResult.MET), ola(t, hours(1)).result());
    t.reopen(hours(5));
    SlaStatus reopened = ola(t, hours(5));
    assertEquals(SlaClockState.RUNNING, reopened.state());
    assertEquals(hours(5), reopened.startedAt());
    assertEquals(Optional.of(hours(7)), reopened.deadline());
  }

  @Test
  void closingStopsTheOlaClock() {
    TicketScript t = ticket("H").assign(T0, "a", "first-line").start(T0).close(hours(1));
    assertEquals(SlaClockState.STOPPED, ola(t, hours(1)).state());
    assertTrue(tracker.tick(hours(10)).isEmpty());
  }

  @Test
  void aTeamWithoutAnOlaHasNoClockAndEndsTheClockOfTheTeamBefore() {
    TicketScript t = ticket("I").assign(T0, "a", "first-line").assign(hours(1), "x", "billing");
    TicketSla sla = status(t, hours(1));
    assertTrue(sla.clock(SlaMetric.OLA).isEmpty());
    assertEquals(Optional.of("billing"), sla.team());
    assertEquals(
        1,
        olaEvents().stream().filter(e -> e instanceof SlaEvent.Met m && m.withinTarget()).count());
    assertTrue(tracker.tick(hours(50)).stream().noneMatch(e -> e.metric() == SlaMetric.OLA));
  }

  @Test
  void aNewPriorityRetargetsTheOlaFromTheAssignmentAndAnExceededTargetIsBreachedAtTheNextTick() {
    TicketScript t = ticket("J").assign(T0, "b", "second-line");
    t.reprioritise(hours(2), Priority.P0);
    SlaStatus clock =
        tracker.status(t.id(), hours(2)).orElseThrow().clock(SlaMetric.OLA).orElseThrow();
    assertEquals(SECOND_LINE_P0, clock.target());
    assertEquals(T0, clock.startedAt(), "the new target counts from the assignment");
    List<SlaEvent> fired = tracker.tick(hours(2));
    assertTrue(
        fired.contains(
            new SlaEvent.Breached(t.id(), SlaMetric.OLA, hours(1), SECOND_LINE_P0, "second-line")),
        fired.toString());
  }

  @Test
  void aTicketAssignedBeforeItIsClassifiedGetsItsPrioritysOlaFromTheAssignment() {
    SlaPolicy onlyP0 = SlaPolicy.builder().ola("second-line", Priority.P0, SECOND_LINE_P0).build();
    SlaTracker own = SlaTracker.builder(onlyP0, CalendarRegistry.of()).build();
    TicketScript t = TicketScript.open(own, "K", T0).assign(T0, "b", "second-line");
    assertTrue(
        own.status(t.id(), T0).orElseThrow().clock(SlaMetric.OLA).isEmpty(),
        "no target without a priority");
    t.classify(hours(0.5), Priority.P0, Category.PRODUCT_FAULT);
    SlaStatus clock =
        own.status(t.id(), hours(0.5)).orElseThrow().clock(SlaMetric.OLA).orElseThrow();
    assertEquals(T0, clock.startedAt());
    assertEquals(Optional.of(hours(1)), clock.deadline());
    t.reprioritise(hours(0.75), Priority.P2);
    assertEquals(
        SlaClockState.STOPPED,
        own.status(t.id(), hours(0.75)).orElseThrow().clock(SlaMetric.OLA).orElseThrow().state(),
        "no target for the new priority stops the clock");
  }

  @Test
  void olaEventsFeedTheEscalationPolicyLikeAnyOtherMetric() {
    List<EscalationAction> actions = new ArrayList<>();
    SlaTracker escalating =
        SlaTracker.builder(POLICY, CalendarRegistry.of())
            .escalationPolicy(
                EscalationPolicy.builder()
                    .onBreach(SlaMetric.OLA, EscalationAction.Kind.NOTIFY_TEAM_LEAD)
                    .build())
            .escalationHandler(actions::add)
            .build();
    TicketScript.open(escalating, "L", T0)
        .classify(T0, Priority.P1, Category.PRODUCT_FAULT)
        .assign(T0, "a", "first-line");
    escalating.tick(hours(3));
    assertEquals(1, actions.size());
    assertEquals(Optional.of("first-line"), actions.get(0).cause().team());
  }

  @Test
  void olaRulesAreValidatedAndLookedUpMostSpecificFirst() {
    assertEquals(Optional.of(SECOND_LINE_P0), POLICY.olaTarget("second-line", Priority.P0));
    assertEquals(Optional.of(SECOND_LINE), POLICY.olaTarget("second-line", Priority.P1));
    assertEquals(Optional.of(SECOND_LINE), POLICY.olaTarget("second-line", null));
    assertEquals(Optional.empty(), POLICY.olaTarget("billing", Priority.P0));
    assertEquals(Optional.empty(), POLICY.olaTarget(null, Priority.P0));
    assertEquals(java.util.Set.of("first-line", "second-line"), POLICY.olaTeams());
    assertTrue(POLICY.calendarNames().contains("24x7"));
    assertTrue(POLICY.toString().contains("ola="));
    assertFalse(SlaPolicy.standard().toString().contains("ola="));
    assertEquals(
        POLICY.olaTarget("second-line", Priority.P0),
        POLICY.toBuilder().build().olaTarget("second-line", Priority.P0));
    SlaPolicy.Builder builder = SlaPolicy.builder();
    for (String bad : new String[] {null, "", " ", "t".repeat(201)}) {
      assertEquals(
          "team",
          assertThrows(SlaPolicyException.class, () -> builder.ola(bad, FIRST_LINE)).field());
    }
    builder.ola("t".repeat(200), FIRST_LINE);
    assertEquals(
        "target", assertThrows(SlaPolicyException.class, () -> builder.ola("a", null)).field());
    assertEquals(
        "priority",
        assertThrows(SlaPolicyException.class, () -> builder.ola("a", null, FIRST_LINE)).field());
    assertEquals(
        "metric",
        assertThrows(
                SlaPolicyException.class,
                () -> builder.target(SlaMetric.OLA, Priority.P1, FIRST_LINE))
            .field());
    assertEquals(
        "metric",
        assertThrows(SlaPolicyException.class, () -> builder.noTarget(SlaMetric.OLA, Priority.P1))
            .field());
  }

  @Test
  void olaYamlErrorsNameTheirPath() {
    assertEquals(
        "olas[0].team",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromYaml("olas:\n  - { duration: PT1H, calendar: 24x7 }"))
            .field());
    assertEquals(
        "olas[0].shift",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml(
                        "olas:\n  - { team: a, shift: x, duration: PT1H, calendar: 24x7 }"))
            .field());
    assertEquals(
        "olas[0].duration",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml("olas:\n  - { team: a, duration: soon, calendar: 24x7 }"))
            .field());
    assertEquals(
        "olas[0].priority",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml(
                        "olas:\n  - { team: a, priority: P9, duration: PT1H, calendar: 24x7 }"))
            .field());
    assertEquals(
        "olas[0].team",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml(
                        "olas:\n  - { team: '"
                            + "t".repeat(201)
                            + "', duration: PT1H, calendar: 24x7 }"))
            .field());
    assertEquals(
        "olas",
        assertThrows(SlaPolicyException.class, () -> SlaPolicies.fromYaml("olas: {}")).field());
    assertEquals(
        "olas[0]",
        assertThrows(SlaPolicyException.class, () -> SlaPolicies.fromYaml("olas: [3]")).field());
    assertEquals(
        "targets[0].metric",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml(
                        "targets:\n  - { metric: OLA, duration: PT1H, calendar: 24x7 }"))
            .field());
    assertEquals(
        "targets[0].metric",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromYaml("targets:\n  - { metric: OLA, priority: P1, none: true }"))
            .field());
    assertEquals(
        Optional.of(SlaTarget.on("24x7", Duration.ofHours(1))),
        SlaPolicies.fromYaml("olas:\n  - { team: a, priority: p0, duration: PT1H, calendar: 24x7 }")
            .olaTarget("a", Priority.P0));
  }
}
