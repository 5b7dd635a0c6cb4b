package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One worked example per rule in {@link SlaTracker}'s documentation, on the after-sales defaults
 * ({@link SlaPolicy#standard()}: resolution P0 24 h, P1 48 h, P2 72 h, P3 none; callback P0/P1 24
 * h, P2 48 h, P3 72 h; first response for complaints 2 h and consultations 10 min; warnings at 75 %
 * and 90 %), round the clock.
 */
class SlaTrackerRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaTarget P0_RESOLUTION = SlaTarget.roundTheClock(Duration.ofHours(24));
  private static final SlaTarget P1_RESOLUTION = SlaTarget.roundTheClock(Duration.ofHours(48));
  private static final SlaTarget P2_RESOLUTION = SlaTarget.roundTheClock(Duration.ofHours(72));

  private final List<SlaEvent> events = new ArrayList<>();
  private final List<EscalationAction> actions = new ArrayList<>();
  private final SlaTracker tracker =
      SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
          .listener(events::add)
          .escalationHandler(actions::add)
          .build();

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  private SlaStatus clock(TicketScript ticket, SlaMetric metric, Instant at) {
    return tracker.status(ticket.id(), at).orElseThrow().clock(metric).orElseThrow();
  }

  private TicketScript inProgress(String id, Priority priority) {
    return TicketScript.open(tracker, id, T0)
        .classify(T0, priority, Category.PRODUCT_FAULT)
        .assign(T0)
        .start(T0);
  }

  private static SlaEvent.Warned warned(
      TicketScript t, SlaMetric metric, double threshold, Instant at, SlaTarget target) {
    return new SlaEvent.Warned(t.id(), metric, threshold, at, target);
  }

  private static SlaEvent.Breached breached(
      TicketScript t, SlaMetric metric, Instant at, SlaTarget target) {
    return new SlaEvent.Breached(t.id(), metric, at, target);
  }

  // Rule: first-response and resolution clocks start at creation once classified; callback at the
  // resolution

  @Test
  void clocksStartAtTheTicketsCreationOnceItIsClassifiedAndTheCallbackClockAtTheResolution() {
    TicketScript t = TicketScript.open(tracker, "R-1", T0);
    assertTrue(
        tracker.status(t.id(), hours(1)).orElseThrow().clocks().isEmpty(),
        "no clock before classification");
    assertEquals(1, tracker.trackedTickets());

    t.classify(hours(1), Priority.P1, Category.COMPLAINT);
    SlaStatus firstResponse = clock(t, SlaMetric.FIRST_RESPONSE, hours(1));
    assertEquals(SlaClockState.RUNNING, firstResponse.state());
    assertEquals(T0, firstResponse.startedAt());
    assertEquals(
        Duration.ofHours(1), firstResponse.elapsed(), "the hour before classification counts");
    assertEquals(Duration.ofHours(1), firstResponse.remaining());
    assertEquals(Optional.of(hours(2)), firstResponse.deadline());
    SlaStatus resolution = clock(t, SlaMetric.RESOLUTION, hours(1));
    assertEquals(T0, resolution.startedAt());
    assertEquals(Optional.of(hours(48)), resolution.deadline());
    assertTrue(tracker.status(t.id(), hours(1)).orElseThrow().clock(SlaMetric.CALLBACK).isEmpty());

    t.assign(hours(1.1)).start(hours(1.25));
    SlaStatus responded = clock(t, SlaMetric.FIRST_RESPONSE, hours(5));
    assertEquals(SlaClockState.MET, responded.state());
    assertEquals(Optional.of(hours(1.25)), responded.metAt());
    assertEquals(Duration.ofMinutes(75), responded.elapsed(), "a met clock stops counting");
    assertTrue(responded.metInTime());
    assertEquals(
        List.of(new SlaEvent.Met(t.id(), SlaMetric.FIRST_RESPONSE, hours(1.25), true)), events);

    t.waitOnCustomer(hours(2)).resume(hours(3)).resolve(hours(10));
    assertEquals(
        Optional.of(hours(1.25)),
        clock(t, SlaMetric.FIRST_RESPONSE, hours(10)).metAt(),
        "met only once");
    assertEquals(
        new SlaEvent.Met(t.id(), SlaMetric.RESOLUTION, hours(10), true),
        events.get(events.size() - 1));
    SlaStatus callback = clock(t, SlaMetric.CALLBACK, hours(10));
    assertEquals(SlaClockState.RUNNING, callback.state());
    assertEquals(hours(10), callback.startedAt());
    assertEquals(Duration.ZERO, callback.elapsed());
    assertEquals(
        Optional.of(hours(34)), callback.deadline(), "P1 callback within 24 h of the resolution");
    assertEquals(
        Duration.ofHours(9),
        clock(t, SlaMetric.RESOLUTION, hours(10)).elapsed(),
        "10 h less 1 h waiting");
  }

  @Test
  void waitingIsAFirstResponseAndAnUnclassifiedTicketHasNoDeadline() {
    TicketScript t =
        TicketScript.open(tracker, "R-2", T0)
            .classify(hours(0.1), Priority.P2, Category.COMPLAINT)
            .assign(hours(0.2))
            .waitOnCustomer(hours(0.5));
    assertEquals(Optional.of(hours(0.5)), clock(t, SlaMetric.FIRST_RESPONSE, hours(1)).metAt());
    TicketScript unclassified = TicketScript.open(tracker, "R-3", T0);
    assertEquals(
        Optional.empty(), tracker.deadlinePolicy().resolutionDue(unclassified.ticket(), hours(1)));
  }

  // Rule: clocks pause in a pausing status and resume when the ticket leaves it

  @Test
  void pausingStatusesStopTheCountAndLeavingThemResumesIt() {
    TicketScript t = inProgress("R-4", Priority.P0).waitOnCustomer(hours(6));
    SlaStatus paused = clock(t, SlaMetric.RESOLUTION, hours(15));
    assertEquals(SlaClockState.PAUSED, paused.state());
    assertEquals(Duration.ofHours(6), paused.elapsed());
    assertEquals(Duration.ofHours(18), paused.remaining());
    assertEquals(Optional.empty(), paused.deadline());
    assertTrue(tracker.tick(hours(100)).isEmpty(), "nothing falls due while paused");

    t.resume(hours(20));
    assertEquals(Optional.of(hours(38)), clock(t, SlaMetric.RESOLUTION, hours(20)).deadline());
    t.waitOnThirdParty(hours(21)).resume(hours(22));
    assertEquals(Optional.of(hours(39)), clock(t, SlaMetric.RESOLUTION, hours(22)).deadline());
    assertEquals(Duration.ofHours(8), clock(t, SlaMetric.RESOLUTION, hours(23)).elapsed());
    // running: 0-6, 20-21, 22-: 18 h at 33, 21.6 h at 36.6, 24 h at 39
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(33), P0_RESOLUTION),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(36.6), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(39), P0_RESOLUTION)),
        tracker.tick(hours(40)));
  }

  @Test
  void aClockPausedExactlyAtItsDeadlineIsBreachedButOneMetExactlyThenIsInTime() {
    TicketScript paused = inProgress("R-5", Priority.P0).waitOnCustomer(hours(24));
    assertEquals(
        List.of(
            warned(paused, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION),
            warned(paused, SlaMetric.RESOLUTION, 0.90, hours(21.6), P0_RESOLUTION),
            breached(paused, SlaMetric.RESOLUTION, hours(24), P0_RESOLUTION)),
        events,
        "reported when the clock pauses, at their own instants, without a tick");
    assertTrue(tracker.tick(hours(30)).isEmpty());

    events.clear();
    TicketScript met = inProgress("R-6", Priority.P0).resolve(hours(24));
    assertEquals(
        List.of(
            warned(met, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION),
            warned(met, SlaMetric.RESOLUTION, 0.90, hours(21.6), P0_RESOLUTION),
            new SlaEvent.Met(met.id(), SlaMetric.RESOLUTION, hours(24), true)),
        events);
    assertFalse(clock(met, SlaMetric.RESOLUTION, hours(30)).breached());
  }

  // Rule: warnings at 75 % and 90 %, then the breach, each reported once at its exact instant

  @Test
  void warningsAtSeventyFiveAndNinetyPercentThenTheBreachEachReportedOnceAtItsInstant() {
    TicketScript t = inProgress("R-7", Priority.P1);
    assertTrue(tracker.tick(hours(36).minusNanos(1)).isEmpty());
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.75, hours(36), P1_RESOLUTION)),
        tracker.tick(hours(36)));
    assertEquals(0.75, clock(t, SlaMetric.RESOLUTION, hours(36)).highestWarning());
    assertTrue(clock(t, SlaMetric.RESOLUTION, hours(36)).warned());
    assertTrue(tracker.tick(hours(40)).isEmpty());
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.90, hours(43.2), P1_RESOLUTION)),
        tracker.tick(hours(47)));
    assertFalse(clock(t, SlaMetric.RESOLUTION, hours(47)).breached());
    assertEquals(
        List.of(breached(t, SlaMetric.RESOLUTION, hours(48), P1_RESOLUTION)),
        tracker.tick(hours(48)));
    assertTrue(clock(t, SlaMetric.RESOLUTION, hours(48)).breached());
    assertTrue(tracker.status(t.id(), hours(48)).orElseThrow().anyBreached());
    assertTrue(tracker.tick(hours(500)).isEmpty(), "each level once");

    t.resolve(hours(50));
    assertEquals(
        new SlaEvent.Met(t.id(), SlaMetric.RESOLUTION, hours(50), false),
        events.get(events.size() - 1));
    assertFalse(clock(t, SlaMetric.RESOLUTION, hours(50)).metInTime());
  }

  @Test
  void thresholdsAreConfigurableAndMayBeNone() {
    SlaPolicy half = SlaPolicy.standard().toBuilder().warningThresholds(0.5).build();
    SlaTracker halfTracker = SlaTracker.builder(half, CalendarRegistry.of()).build();
    TicketScript t =
        TicketScript.open(halfTracker, "R-8", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.5, hours(12), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(24), P0_RESOLUTION)),
        halfTracker.tick(hours(30)));

    SlaTracker silent =
        SlaTracker.builder(
                SlaPolicy.standard().toBuilder().warningThresholds().build(), CalendarRegistry.of())
            .build();
    TicketScript s =
        TicketScript.open(silent, "R-9", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    assertEquals(
        List.of(breached(s, SlaMetric.RESOLUTION, hours(24), P0_RESOLUTION)),
        silent.tick(hours(30)));
    assertEquals(
        0.0,
        silent
            .status(s.id(), hours(30))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .highestWarning());
  }

  // Rule: re-prioritisation recomputes each open clock's target from the original start

  @Test
  void raisingThePriorityOfAPausedTicketPastItsNewTargetReportsTheBreachAtTheNextTick() {
    TicketScript t =
        inProgress("R-10", Priority.P2)
            .waitOnCustomer(hours(30))
            .reprioritise(hours(31), Priority.P0);
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(21.6), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(24), P0_RESOLUTION)),
        tracker.tick(hours(31)));
    SlaStatus status = clock(t, SlaMetric.RESOLUTION, hours(31));
    assertEquals(SlaClockState.PAUSED, status.state());
    assertTrue(status.breached());
    assertEquals(Duration.ofHours(-6), status.remaining());
    t.resume(hours(40));
    assertTrue(tracker.tick(hours(100)).isEmpty(), "nothing is reported twice after resuming");
    assertEquals(
        Optional.of(hours(24)),
        clock(t, SlaMetric.RESOLUTION, hours(40)).deadline(),
        "an overdue clock's deadline is the instant the target was reached");
  }

  @Test
  void aLevelThatANewTargetPutsInAnEarlierRunningSegmentIsDatedWhenItWasReached() {
    TicketScript t =
        inProgress("R-11", Priority.P2)
            .waitOnCustomer(hours(20))
            .resume(hours(25))
            .reprioritise(hours(26), Priority.P0);
    // running 0-20 and from 25: 18 h was reached at 18, 21.6 h will be at 26.6, 24 h at 29
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION)),
        tracker.tick(hours(26)));
    assertEquals(Optional.of(hours(29)), clock(t, SlaMetric.RESOLUTION, hours(26)).deadline());
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(26.6), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(29), P0_RESOLUTION)),
        tracker.tick(hours(29)));
  }

  @Test
  void raisingThePriorityOfARunningClockReportsTheLevelsAlreadyPassedAtTheNextTick() {
    TicketScript t = inProgress("R-12", Priority.P2);
    assertTrue(tracker.tick(hours(30)).isEmpty());
    t.reprioritise(hours(40), Priority.P1);
    assertEquals(Optional.of(hours(48)), clock(t, SlaMetric.RESOLUTION, hours(40)).deadline());
    assertEquals(P1_RESOLUTION, clock(t, SlaMetric.RESOLUTION, hours(40)).target());
    assertTrue(
        events.isEmpty(), "levels behind the clock are reported by the tick, not by the event");
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.75, hours(36), P1_RESOLUTION)),
        tracker.tick(hours(40)));
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.90, hours(43.2), P1_RESOLUTION)),
        tracker.tick(hours(43.2)));
  }

  @Test
  void warningsAlreadyReportedAreNotRepeatedUnderALongerTarget() {
    TicketScript t = inProgress("R-13", Priority.P1);
    assertEquals(1, tracker.tick(hours(37)).size());
    t.reprioritise(hours(40), Priority.P2);
    assertEquals(Optional.of(hours(72)), clock(t, SlaMetric.RESOLUTION, hours(40)).deadline());
    assertTrue(tracker.tick(hours(60)).isEmpty(), "75 % of 72 h is not reported again");
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.90, hours(64.8), P2_RESOLUTION)),
        tracker.tick(hours(65)));
    assertEquals(
        List.of(breached(t, SlaMetric.RESOLUTION, hours(72), P2_RESOLUTION)),
        tracker.tick(hours(72)));
  }

  @Test
  void reclassificationReportsWhatTheOldTargetReachedBeforeChangingIt() {
    TicketScript t = inProgress("R-14", Priority.P0);
    t.reprioritise(hours(20), Priority.P2);
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION)),
        events,
        "the 75 % of the old 24 h target was passed at 18, before the change at 20");
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.90, hours(64.8), P2_RESOLUTION)),
        tracker.tick(hours(70)));
  }

  @Test
  void aPriorityWithoutTargetStopsTheClockForGood() {
    TicketScript t = inProgress("R-15", Priority.P1).reprioritise(hours(1), Priority.P3);
    SlaStatus stopped = clock(t, SlaMetric.RESOLUTION, hours(5));
    assertEquals(SlaClockState.STOPPED, stopped.state());
    assertEquals(Duration.ofHours(1), stopped.elapsed());
    assertTrue(tracker.tick(hours(1000)).isEmpty());
    t.reprioritise(hours(2), Priority.P1);
    assertEquals(SlaClockState.STOPPED, clock(t, SlaMetric.RESOLUTION, hours(5)).state());
    assertEquals(
        Optional.of(hours(48)),
        tracker.deadlinePolicy().resolutionDue(t.ticket(), hours(5)),
        "the desk's deadline for a stopped clock counts from creation");
    assertTrue(tracker.tick(hours(1000)).isEmpty());
  }

  @Test
  void aNewCategoryChangesTheFirstResponseTarget() {
    TicketScript t =
        TicketScript.open(tracker, "R-16", T0).classify(T0, Priority.P2, Category.CONSULTATION);
    assertEquals(
        Optional.of(T0.plusSeconds(600)), clock(t, SlaMetric.FIRST_RESPONSE, T0).deadline());
    t.classify(T0.plusSeconds(60), Priority.P2, Category.COMPLAINT);
    assertEquals(Optional.of(hours(2)), clock(t, SlaMetric.FIRST_RESPONSE, T0).deadline());
    t.classify(T0.plusSeconds(120), Priority.P2, Category.PRODUCT_FAULT);
    assertEquals(
        SlaClockState.STOPPED, clock(t, SlaMetric.FIRST_RESPONSE, T0.plusSeconds(120)).state());
  }

  // Rule: an explicit deadline change resizes the resolution target; pauses still extend it

  @Test
  void anApprovedDelayMovesTheResolutionDeadlineAndPausesStillExtendIt() {
    TicketScript t = inProgress("R-17", Priority.P0).changeDeadline(hours(10), hours(40));
    SlaStatus moved = clock(t, SlaMetric.RESOLUTION, hours(10));
    assertEquals(Optional.of(hours(40)), moved.deadline());
    assertEquals(Duration.ofHours(40), moved.target().duration());
    t.waitOnCustomer(hours(12)).resume(hours(14));
    assertEquals(Optional.of(hours(42)), clock(t, SlaMetric.RESOLUTION, hours(14)).deadline());
    SlaTarget forty = SlaTarget.roundTheClock(Duration.ofHours(40));
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(32), forty),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(38), forty),
            breached(t, SlaMetric.RESOLUTION, hours(42), forty)),
        tracker.tick(hours(42)));
  }

  @Test
  void aDeadlineInThePastIsReportedAsBreachedAtTheNextTick() {
    TicketScript t = inProgress("R-18", Priority.P0).changeDeadline(hours(5), hours(3));
    SlaTarget three = SlaTarget.roundTheClock(Duration.ofHours(3));
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(2.25), three),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(2.7), three),
            breached(t, SlaMetric.RESOLUTION, hours(3), three)),
        tracker.tick(hours(5)));
  }

  @Test
  void aDeadlineChangedWhilePausedCountsFromTheResumption() {
    TicketScript t =
        inProgress("R-19", Priority.P0)
            .waitOnCustomer(hours(4))
            .changeDeadline(hours(6), hours(10));
    SlaStatus paused = clock(t, SlaMetric.RESOLUTION, hours(6));
    assertEquals(
        Duration.ofHours(8),
        paused.target().duration(),
        "4 h counted and 4 h from the change to the deadline");
    t.resume(hours(8));
    assertEquals(Optional.of(hours(12)), clock(t, SlaMetric.RESOLUTION, hours(8)).deadline());
  }

  @Test
  void aDeadlineChangeWithoutAnOpenResolutionClockChangesNothing() {
    TicketScript p3 = inProgress("R-20", Priority.P3).changeDeadline(hours(1), hours(5));
    assertTrue(
        tracker.status(p3.id(), hours(1)).orElseThrow().clock(SlaMetric.RESOLUTION).isEmpty());
    TicketScript resolved =
        inProgress("R-21", Priority.P0).resolve(hours(2)).changeDeadline(hours(3), hours(5));
    SlaStatus met = clock(resolved, SlaMetric.RESOLUTION, hours(3));
    assertEquals(P0_RESOLUTION, met.target());
    assertEquals(SlaClockState.MET, met.state());
  }

  // Rule: a reopen resumes the resolution clock and stops the callback clock

  @Test
  void aReopenResumesTheResolutionClockAndStopsTheCallbackClock() {
    TicketScript t = inProgress("R-22", Priority.P1).resolve(hours(10)).reopen(hours(12));
    SlaStatus resolution = clock(t, SlaMetric.RESOLUTION, hours(12));
    assertEquals(SlaClockState.RUNNING, resolution.state());
    assertEquals(Optional.empty(), resolution.metAt());
    assertEquals(Duration.ofHours(10), resolution.elapsed(), "time while resolved does not count");
    assertEquals(Optional.of(hours(50)), resolution.deadline());
    SlaStatus callback = clock(t, SlaMetric.CALLBACK, hours(12));
    assertEquals(SlaClockState.STOPPED, callback.state());
    assertEquals(Duration.ofHours(2), callback.elapsed());
    // the callback clock's 75 % (18 h after 10) would have fallen at 28: it is stopped
    assertEquals(
        List.of(warned(t, SlaMetric.RESOLUTION, 0.75, hours(38), P1_RESOLUTION)),
        tracker.tick(hours(40)));

    t.classify(hours(40.5), Priority.P1, Category.PRODUCT_FAULT)
        .assign(hours(40.5))
        .start(hours(40.5))
        .resolve(hours(41));
    SlaStatus second = clock(t, SlaMetric.CALLBACK, hours(41));
    assertEquals(SlaClockState.RUNNING, second.state());
    assertEquals(hours(41), second.startedAt());
    assertEquals(Optional.of(hours(65)), second.deadline());
  }

  @Test
  void aCallbackThatReopensMeetsTheCallbackClockFirst() {
    TicketScript t =
        inProgress("R-23", Priority.P1)
            .resolve(hours(10))
            .callback(hours(12), TicketChange.CallbackEffect.REOPENED);
    SlaStatus callback = clock(t, SlaMetric.CALLBACK, hours(12));
    assertEquals(SlaClockState.MET, callback.state());
    assertTrue(callback.metInTime());
    assertEquals(SlaClockState.RUNNING, clock(t, SlaMetric.RESOLUTION, hours(12)).state());
  }

  @Test
  void aLateCallbackIsWarnedBreachedAndMetLate() {
    TicketScript t = inProgress("R-24", Priority.P0).resolve(hours(1));
    SlaTarget day = SlaTarget.roundTheClock(Duration.ofHours(24));
    assertEquals(
        List.of(
            warned(t, SlaMetric.CALLBACK, 0.75, hours(19), day),
            warned(t, SlaMetric.CALLBACK, 0.90, hours(22.6), day),
            breached(t, SlaMetric.CALLBACK, hours(25), day)),
        tracker.tick(hours(26)));
    t.callbackNotReached(hours(30));
    assertEquals(
        new SlaEvent.Met(t.id(), SlaMetric.CALLBACK, hours(30), false),
        events.get(events.size() - 1));
    assertEquals(
        List.of(
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD),
        actions.stream().map(EscalationAction::kind).toList(),
        "callback: the team lead on every warning and on the breach");
  }

  // Rule: closing stops all clocks

  @Test
  void closingStopsAllClocksAfterReportingWhatTheyReached() {
    TicketScript t = inProgress("R-25", Priority.P0).close(hours(30));
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(21.6), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(24), P0_RESOLUTION)),
        events);
    SlaStatus stopped = clock(t, SlaMetric.RESOLUTION, hours(40));
    assertEquals(SlaClockState.STOPPED, stopped.state());
    assertEquals(Duration.ofHours(30), stopped.elapsed());
    assertTrue(tracker.tick(hours(1000)).isEmpty());

    TicketScript done =
        TicketScript.open(tracker, "R-26", T0)
            .classify(T0, Priority.P0, Category.COMPLAINT)
            .assign(hours(1))
            .start(hours(1))
            .resolve(hours(2))
            .callback(hours(3), TicketChange.CallbackEffect.CONFIRMED)
            .close(hours(4));
    for (SlaMetric metric :
        List.of(SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION, SlaMetric.CALLBACK)) {
      assertEquals(
          SlaClockState.MET, clock(done, metric, hours(50)).state(), metric + " stays met");
    }
  }

  // Escalation and the audit trail

  @Test
  void escalationFollowsTheStandardPolicyAndEverythingIsAudited() {
    TicketScript t = inProgress("R-27", Priority.P0);
    tracker.tick(hours(30));
    t.resolve(hours(31));
    assertEquals(
        List.of(
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR,
            EscalationAction.Kind.RAISE_PRIORITY),
        actions.stream().map(EscalationAction::kind).toList());
    assertTrue(actions.stream().allMatch(a -> a.ticketId().equals(t.id())));
    assertEquals(
        List.of(
            entry("WARNED", "RESOLUTION 75% of PT24H on 24x7", hours(18)),
            entry("WARNED", "RESOLUTION 90% of PT24H on 24x7", hours(21.6)),
            entry("BREACHED", "RESOLUTION target PT24H on 24x7 exceeded", hours(24)),
            entry("ESCALATED", "NOTIFY_TEAM_LEAD after RESOLUTION 75% of PT24H on 24x7", hours(30)),
            entry("ESCALATED", "NOTIFY_TEAM_LEAD after RESOLUTION 90% of PT24H on 24x7", hours(30)),
            entry(
                "ESCALATED",
                "NOTIFY_TEAM_LEAD after RESOLUTION target PT24H on 24x7 exceeded",
                hours(30)),
            entry(
                "ESCALATED",
                "REASSIGN_TO_SUPERVISOR after RESOLUTION target PT24H on 24x7 exceeded",
                hours(30)),
            entry(
                "ESCALATED",
                "RAISE_PRIORITY after RESOLUTION target PT24H on 24x7 exceeded",
                hours(30)),
            entry("MET", "RESOLUTION met late", hours(31))),
        tracker.auditTrail(t.id()).stream()
            .map(e -> List.of(e.kind(), e.detail(), e.at().toString()))
            .toList());
    assertTrue(tracker.auditTrail(t.id()).stream().allMatch(e -> e.ticketId().equals(t.id())));

    TicketScript quick =
        TicketScript.open(tracker, "R-28", T0)
            .classify(T0, Priority.P1, Category.CONSULTATION)
            .assign(T0)
            .start(T0.plusSeconds(60));
    assertEquals(
        List.of(List.of("MET", "FIRST_RESPONSE met in time")),
        tracker.auditTrail(quick.id()).stream().map(e -> List.of(e.kind(), e.detail())).toList());
    assertEquals(List.of(), tracker.auditTrail(TicketId.of("unknown")));
  }

  private static List<String> entry(String kind, String detail, Instant at) {
    return List.of(kind, detail, at.toString());
  }

  @Test
  void aWarningRuleForOneThresholdAddsToTheRulesForAnyWarning() {
    List<EscalationAction> seen = new ArrayList<>();
    EscalationPolicy policy =
        EscalationPolicy.builder()
            .onAnyWarning(SlaMetric.RESOLUTION, EscalationAction.Kind.NOTIFY_TEAM_LEAD)
            .onWarning(
                SlaMetric.RESOLUTION,
                0.9,
                EscalationAction.Kind.NOTIFY_TEAM_LEAD,
                EscalationAction.Kind.REASSIGN_TO_SUPERVISOR)
            .build();
    SlaTracker custom =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .escalationPolicy(policy)
            .escalationHandler(seen::add)
            .build();
    TicketScript.open(custom, "R-29", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    custom.tick(hours(30));
    assertEquals(
        List.of(
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.NOTIFY_TEAM_LEAD,
            EscalationAction.Kind.REASSIGN_TO_SUPERVISOR),
        seen.stream().map(EscalationAction::kind).toList(),
        "75 %: team lead; 90 %: team lead once and the supervisor; no rule for the breach");
  }

  @Test
  void aFailingListenerDoesNotKeepTheOthersFromTheEvent() {
    List<SlaEvent> second = new ArrayList<>();
    SlaTracker both =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .listener(
                e -> {
                  throw new IllegalStateException("listener down");
                })
            .listener(second::add)
            .build();
    TicketScript.open(both, "R-30", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    assertEquals(3, both.tick(hours(30)).size());
    assertEquals(3, second.size());
    List<SlaEvent> added = new ArrayList<>();
    both.addListener(added::add);
    TicketScript.open(both, "R-31", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    both.tick(hours(31));
    assertEquals(3, added.size());
  }

  // Ordering: a late event does not retract what was reported

  @Test
  void aLateEventDoesNotRetractABreachAlreadyReported() {
    TicketScript t = inProgress("R-32", Priority.P0);
    assertEquals(3, tracker.tick(hours(30)).size());
    t.waitOnCustomer(hours(10));
    SlaStatus status = clock(t, SlaMetric.RESOLUTION, hours(31));
    assertEquals(SlaClockState.PAUSED, status.state());
    assertEquals(Duration.ofHours(10), status.elapsed());
    assertTrue(status.breached());
  }

  // A tracker that joins a ticket's history midway

  @Test
  void aTrackerThatJoinsMidwayStartsTheClocksAtCreationAsIfNeverPaused() {
    AtomicReference<TicketListener> target = new AtomicReference<>((event, after) -> {});
    TicketListener forward = (event, after) -> target.get().onEvent(event, after);
    TicketScript waiting =
        TicketScript.open(forward, "R-33", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0);
    target.set(tracker);
    waiting.waitOnCustomer(hours(5));
    SlaStatus paused = clock(waiting, SlaMetric.RESOLUTION, hours(8));
    assertEquals(SlaClockState.PAUSED, paused.state());
    assertEquals(T0, paused.startedAt());
    assertEquals(Duration.ofHours(5), paused.elapsed());

    target.set((event, after) -> {});
    TicketScript resumed =
        TicketScript.open(forward, "R-34", T0)
            .classify(T0, Priority.P1, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0)
            .waitOnCustomer(hours(2));
    target.set(tracker);
    resumed.resume(hours(8));
    SlaStatus running = clock(resumed, SlaMetric.RESOLUTION, hours(8));
    assertEquals(SlaClockState.RUNNING, running.state());
    assertEquals(
        Duration.ofHours(8),
        running.elapsed(),
        "the wait before joining is not known, so it counts");
    assertEquals(Optional.of(hours(48)), running.deadline());

    target.set((event, after) -> {});
    TicketScript received = TicketScript.open(forward, "R-35", T0);
    target.set(tracker);
    received.classify(hours(1), Priority.P0, Category.PRODUCT_FAULT);
    assertEquals(T0, clock(received, SlaMetric.RESOLUTION, hours(1)).startedAt());

    target.set((event, after) -> {});
    TicketScript unclassified = TicketScript.open(forward, "R-36", T0);
    target.set(tracker);
    unclassified.reopen(hours(1));
    assertTrue(tracker.status(unclassified.id(), hours(1)).orElseThrow().clocks().isEmpty());
  }

  @Test
  void aTrackerThatJoinsDuringAWaitKeepsTheClocksPaused() {
    AtomicReference<TicketListener> target = new AtomicReference<>((event, after) -> {});
    TicketListener forward = (event, after) -> target.get().onEvent(event, after);
    TicketScript t =
        TicketScript.open(forward, "R-45", T0)
            .classify(T0, Priority.P2, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0)
            .waitOnCustomer(hours(2));
    target.set(tracker);
    t.reprioritise(hours(5), Priority.P1);
    SlaStatus status = clock(t, SlaMetric.RESOLUTION, hours(8));
    assertEquals(
        SlaClockState.PAUSED, status.state(), "the ticket is still waiting on the customer");
    assertEquals(
        Duration.ofHours(5), status.elapsed(), "counted from creation up to the first event seen");
    t.resume(hours(8));
    assertEquals(Duration.ofHours(6), clock(t, SlaMetric.RESOLUTION, hours(9)).elapsed());
    assertEquals(Optional.of(hours(51)), clock(t, SlaMetric.RESOLUTION, hours(9)).deadline());
  }

  @Test
  void aResolutionWithoutAStartIsTheFirstResponse() {
    TicketScript t =
        TicketScript.open(tracker, "R-46", T0)
            .classify(T0, Priority.P1, Category.COMPLAINT)
            .assign(T0)
            .resolve(hours(1));
    assertEquals(Optional.of(hours(1)), clock(t, SlaMetric.FIRST_RESPONSE, hours(2)).metAt());
    assertEquals(new SlaEvent.Met(t.id(), SlaMetric.FIRST_RESPONSE, hours(1), true), events.get(0));
  }

  @Test
  void aReopenReportsWhatTheCallbackClockReachedBeforeStoppingIt() {
    TicketScript t = inProgress("R-47", Priority.P0).resolve(hours(1)).reopen(hours(30));
    SlaTarget day = SlaTarget.roundTheClock(Duration.ofHours(24));
    assertEquals(
        List.of(
            new SlaEvent.Met(t.id(), SlaMetric.RESOLUTION, hours(1), true),
            warned(t, SlaMetric.CALLBACK, 0.75, hours(19), day),
            warned(t, SlaMetric.CALLBACK, 0.90, hours(22.6), day),
            breached(t, SlaMetric.CALLBACK, hours(25), day)),
        events);
    assertEquals(SlaClockState.STOPPED, clock(t, SlaMetric.CALLBACK, hours(30)).state());
  }

  @Test
  void closingAfterAResolutionExactlyAtTheDeadlineReportsNoBreach() {
    TicketScript t =
        inProgress("R-48", Priority.P0)
            .resolve(hours(24))
            .callback(hours(25), TicketChange.CallbackEffect.CONFIRMED)
            .close(hours(26));
    assertTrue(events.stream().noneMatch(e -> e instanceof SlaEvent.Breached), events.toString());
    assertTrue(tracker.tick(hours(100)).isEmpty());
    assertTrue(clock(t, SlaMetric.RESOLUTION, hours(100)).metInTime());
  }

  @Test
  void aClockCreatedWhileTheTicketWaitsStartsPaused() {
    TicketScript t =
        inProgress("R-49", Priority.P3)
            .waitOnCustomer(hours(5))
            .reprioritise(hours(6), Priority.P1);
    SlaStatus created = clock(t, SlaMetric.RESOLUTION, hours(6));
    assertEquals(SlaClockState.PAUSED, created.state());
    assertEquals(
        created.elapsed(),
        clock(t, SlaMetric.RESOLUTION, hours(10)).elapsed(),
        "nothing counts while waiting");
    assertEquals(T0, created.startedAt());
  }

  @Test
  void aNewTargetOnAnotherCalendarRecountsTheTimeAlreadyCounted() {
    // mornings only, 00:00-12:00 UTC on weekdays; T0 is Monday 09:00 UTC
    io.loopdesk.sla.calendar.BusinessCalendar mornings =
        io.loopdesk.sla.calendar.BusinessCalendar.builder("mornings", java.time.ZoneOffset.UTC)
            .weekdays(io.loopdesk.sla.calendar.WorkingInterval.parse("00:00-12:00"))
            .build();
    SlaTarget twelveMorningHours = SlaTarget.on("mornings", Duration.ofHours(12));
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(SlaMetric.RESOLUTION, Priority.P1, twelveMorningHours)
            .build();
    SlaTracker mixed = SlaTracker.builder(policy, CalendarRegistry.of(mornings)).build();
    TicketScript t =
        TicketScript.open(mixed, "R-50", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0)
            .waitOnCustomer(hours(10))
            .reprioritise(hours(11), Priority.P1);
    SlaStatus status =
        mixed.status(t.id(), hours(11)).orElseThrow().clock(SlaMetric.RESOLUTION).orElseThrow();
    assertEquals(twelveMorningHours, status.target());
    assertEquals(Duration.ofHours(3), status.elapsed(), "09:00-19:00 holds three morning hours");
    t.resume(hours(24));
    // Tuesday 09:00 UTC: three more morning hours that day, then six on Wednesday
    assertEquals(
        Optional.of(Instant.parse("2026-11-04T06:00:00Z")),
        mixed
            .status(t.id(), hours(24))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .deadline());
    assertEquals(
        Optional.of(Instant.parse("2026-11-04T06:00:00Z")),
        mixed.deadlinePolicy().resolutionDue(t.ticket(), hours(24)));
  }

  @Test
  void aLongTargetsDeadlineIsExactToTheNanosecond() {
    SlaTarget longTarget = SlaTarget.roundTheClock(Duration.ofDays(3000).plusNanos(1));
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(SlaMetric.RESOLUTION, Priority.P2, longTarget)
            .build();
    SlaTracker slow = SlaTracker.builder(policy, CalendarRegistry.of()).build();
    TicketScript t =
        TicketScript.open(slow, "R-51", T0).classify(T0, Priority.P2, Category.PRODUCT_FAULT);
    assertEquals(
        Optional.of(T0.plus(longTarget.duration())),
        slow.status(t.id(), T0).orElseThrow().clock(SlaMetric.RESOLUTION).orElseThrow().deadline());
  }

  @Test
  void aPausedClocksNewDeadlineAtItsElapsedTimeIsBreachedWhereItPaused() {
    TicketScript t =
        inProgress("R-52", Priority.P0).waitOnCustomer(hours(4)).changeDeadline(hours(6), hours(2));
    SlaTarget four = SlaTarget.roundTheClock(Duration.ofHours(4));
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(3), four),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(3.6), four),
            breached(t, SlaMetric.RESOLUTION, hours(4), four)),
        tracker.tick(hours(6)));
  }

  @Test
  void aLevelReachedExactlyWhereAnEarlierSegmentEndedIsDatedThere() {
    TicketScript t =
        inProgress("R-53", Priority.P2)
            .waitOnCustomer(hours(18))
            .resume(hours(19))
            .waitOnCustomer(hours(25))
            .reprioritise(hours(26), Priority.P0);
    assertEquals(
        List.of(
            warned(t, SlaMetric.RESOLUTION, 0.75, hours(18), P0_RESOLUTION),
            warned(t, SlaMetric.RESOLUTION, 0.90, hours(22.6), P0_RESOLUTION),
            breached(t, SlaMetric.RESOLUTION, hours(25), P0_RESOLUTION)),
        tracker.tick(hours(26)));
  }

  // Queries and housekeeping

  @Test
  void forgetDropsATicketAndItsPendingCheckpoints() {
    assertEquals(Optional.empty(), tracker.nextCheckpoint());
    TicketScript kept = inProgress("R-37", Priority.P0);
    TicketScript dropped = inProgress("R-38", Priority.P1);
    assertEquals(2, tracker.trackedTickets());
    assertEquals(2, tracker.queuedCheckpoints(), "one checkpoint per running clock");
    assertEquals(Optional.of(hours(18)), tracker.nextCheckpoint());
    assertTrue(tracker.forget(dropped.id()));
    assertFalse(tracker.forget(dropped.id()));
    assertEquals(1, tracker.trackedTickets());
    assertEquals(Optional.empty(), tracker.status(dropped.id(), hours(1)));
    assertEquals(List.of(), tracker.auditTrail(dropped.id()));
    List<SlaEvent> due = tracker.tick(hours(100));
    assertEquals(3, due.size());
    assertTrue(due.stream().allMatch(e -> e.ticketId().equals(kept.id())));
    assertEquals(0, tracker.queuedCheckpoints());
  }

  @Test
  void churnDoesNotGrowTheCheckpointQueueWithoutBound() {
    TicketScript t = inProgress("R-39", Priority.P2);
    Instant at = T0;
    for (int i = 0; i < 3000; i++) {
      at = at.plusSeconds(1);
      t.waitOnCustomer(at);
      at = at.plusSeconds(1);
      t.resume(at);
    }
    assertTrue(
        tracker.queuedCheckpoints() <= 2 * 1024 + 2,
        "stale checkpoints are purged: " + tracker.queuedCheckpoints());
    assertEquals(Duration.ofSeconds(3000), clock(t, SlaMetric.RESOLUTION, at).elapsed());
    assertEquals(1, tracker.tick(at.plus(Duration.ofHours(60))).size());
  }

  @Test
  void theDesksResolutionDeadlineFollowsTheClock() {
    TicketScript t = inProgress("R-40", Priority.P0);
    assertEquals(
        Optional.of(hours(24)), tracker.deadlinePolicy().resolutionDue(t.ticket(), hours(1)));
    t.waitOnCustomer(hours(6));
    assertEquals(
        Optional.of(hours(28)),
        tracker.deadlinePolicy().resolutionDue(t.ticket(), hours(10)),
        "paused: what is left counts from now");
    t.resume(hours(10));
    assertEquals(
        Optional.of(hours(28)),
        tracker.deadlinePolicy().resolutionDue(t.ticket(), hours(12)),
        "running: what is left counts from the resumption");
    TicketScript overdue =
        inProgress("R-41", Priority.P1).waitOnCustomer(hours(30)).resume(hours(31));
    Ticket raised = overdue.reprioritise(hours(32), Priority.P0).ticket();
    assertEquals(
        Optional.of(hours(31)),
        tracker.deadlinePolicy().resolutionDue(raised, hours(33)),
        "already exceeded: due from the current segment's start");
    TicketScript p3 = inProgress("R-42", Priority.P3);
    assertEquals(Optional.empty(), tracker.deadlinePolicy().resolutionDue(p3.ticket(), hours(1)));
  }

  @Test
  void everyCallReleasesTheTrackersLock() throws Exception {
    TicketScript t = inProgress("R-43", Priority.P0).waitOnCustomer(hours(1)).resume(hours(2));
    List<Consumer<SlaTracker>> calls =
        List.of(
            tr -> tr.status(t.id(), hours(3)),
            tr -> tr.auditTrail(t.id()),
            tr -> tr.trackedTickets(),
            tr -> tr.nextCheckpoint(),
            tr -> tr.queuedCheckpoints(),
            tr -> tr.deadlinePolicy().resolutionDue(t.ticket(), hours(3)),
            tr -> tr.tick(hours(30)),
            tr -> tr.forget(TicketId.of("none")),
            tr -> t.waitOnCustomer(hours(31)));
    for (Consumer<SlaTracker> call : calls) {
      call.accept(tracker);
      CompletableFuture<Integer> other = CompletableFuture.supplyAsync(tracker::trackedTickets);
      assertEquals(
          1, other.get(3, TimeUnit.SECONDS), "another thread can use the tracker afterwards");
    }
  }

  @Test
  void builderAndSettersRejectMissingParts() {
    assertEquals(
        "calendars",
        org.junit.jupiter.api.Assertions.assertThrows(
                SlaPolicyException.class, () -> SlaTracker.builder(SlaPolicy.standard(), null))
            .field());
    SlaTracker.Builder builder = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of());
    assertEquals(
        "escalationPolicy",
        org.junit.jupiter.api.Assertions.assertThrows(
                SlaPolicyException.class, () -> builder.escalationPolicy(null))
            .field());
    assertEquals(
        "escalationHandler",
        org.junit.jupiter.api.Assertions.assertThrows(
                SlaPolicyException.class, () -> builder.escalationHandler(null))
            .field());
    assertEquals(
        "listener",
        org.junit.jupiter.api.Assertions.assertThrows(
                SlaPolicyException.class, () -> builder.listener(null))
            .field());
    assertEquals(
        "escalationHandler",
        org.junit.jupiter.api.Assertions.assertThrows(
                SlaPolicyException.class, () -> tracker.setEscalationHandler(null))
            .field());
    List<EscalationAction> replaced = new ArrayList<>();
    tracker.setEscalationHandler(replaced::add);
    TicketScript.open(tracker, "R-44", T0).classify(T0, Priority.P0, Category.PRODUCT_FAULT);
    tracker.tick(hours(30));
    assertEquals(5, replaced.size());
    assertTrue(actions.isEmpty());
  }
}
