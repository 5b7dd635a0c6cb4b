package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Next reply, periodic update, agent work time and requester wait time, each on a worked example,
 * with the policy written in YAML as a host would; round the clock so the arithmetic is plain.
 */
class SlaConversationMetricsTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final SlaPolicy POLICY =
      SlaPolicies.fromYaml(
          """
            pausingStatuses: [WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY]
            targets:
              - { metric: RESOLUTION, priority: P1, duration: PT72H, calendar: 24x7 }
              - { metric: NEXT_REPLY, priority: P1, duration: PT4H, calendar: 24x7 }
              - { metric: PERIODIC_UPDATE, category: COMPLAINT, duration: PT24H, calendar: 24x7 }
              - { metric: AGENT_WORK_TIME, priority: P1, duration: PT8H, calendar: 24x7 }
              - { metric: REQUESTER_WAIT_TIME, priority: P1, duration: PT48H, calendar: 24x7 }
            """);

  private final List<SlaEvent> events = new ArrayList<>();
  private final SlaTracker tracker =
      SlaTracker.builder(POLICY, CalendarRegistry.of()).listener(events::add).build();

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  private SlaStatus clock(TicketScript ticket, SlaMetric metric, Instant at) {
    tracker.tick(at);
    return tracker.status(ticket.id(), at).orElseThrow().clock(metric).orElseThrow();
  }

  private List<SlaEvent> of(SlaMetric metric) {
    return events.stream().filter(e -> e.metric() == metric).toList();
  }

  private TicketScript complaint(String id) {
    return TicketScript.open(tracker, id, T0)
        .classify(T0, Priority.P1, Category.COMPLAINT)
        .assign(T0)
        .start(hours(1));
  }

  @Test
  void nextReplyRunsFromTheOldestUnansweredCustomerMessageToTheNextAgentReply() {
    TicketScript t = complaint("NR");
    assertTrue(
        tracker.status(t.id(), hours(1)).orElseThrow().clock(SlaMetric.NEXT_REPLY).isEmpty(),
        "nothing to answer yet");
    t.customerReply(hours(2)).customerReply(hours(3));
    SlaStatus running = clock(t, SlaMetric.NEXT_REPLY, hours(3));
    assertEquals(hours(2), running.startedAt(), "the oldest unanswered message counts");
    assertEquals(Optional.of(hours(6)), running.deadline());
    t.waitOnThirdParty(hours(4));
    assertEquals(
        Optional.of(hours(6)), clock(t, SlaMetric.NEXT_REPLY, hours(4)).deadline(), "never paused");
    t.agentReply(hours(5));
    assertEquals(Optional.of(SlaResult.MET), clock(t, SlaMetric.NEXT_REPLY, hours(5)).result());
    t.customerReply(hours(6));
    assertEquals(hours(6), clock(t, SlaMetric.NEXT_REPLY, hours(6)).startedAt(), "a new cycle");
    t.agentReply(hours(11));
    SlaStatus late = clock(t, SlaMetric.NEXT_REPLY, hours(11));
    assertEquals(Optional.of(SlaResult.MET_LATE), late.result());
    assertEquals(Optional.of(hours(10)), late.breachedAt());
    assertEquals(
        List.of(
            new SlaEvent.Met(t.id(), SlaMetric.NEXT_REPLY, hours(5), true),
            new SlaEvent.Breached(
                t.id(), SlaMetric.NEXT_REPLY, hours(10), SlaTarget.on("24x7", Duration.ofHours(4))),
            new SlaEvent.Met(t.id(), SlaMetric.NEXT_REPLY, hours(11), false)),
        of(SlaMetric.NEXT_REPLY).stream().filter(e -> !(e instanceof SlaEvent.Warned)).toList());
  }

  @Test
  void aComplaintNeedsAProgressUpdateEvery24HoursWhileOpen() {
    TicketScript t = complaint("PU");
    assertEquals(
        Optional.of(hours(24)),
        clock(t, SlaMetric.PERIODIC_UPDATE, hours(1)).deadline(),
        "from creation");
    t.agentReply(hours(20));
    SlaStatus next = clock(t, SlaMetric.PERIODIC_UPDATE, hours(20));
    assertEquals(hours(20), next.startedAt());
    assertEquals(Optional.of(hours(44)), next.deadline());
    t.waitOnCustomer(hours(30)).customerReply(hours(40));
    assertEquals(
        Optional.of(hours(54)),
        clock(t, SlaMetric.PERIODIC_UPDATE, hours(40)).deadline(),
        "no update is owed while the customer owes the answer");
    SlaStatus breached = clock(t, SlaMetric.PERIODIC_UPDATE, hours(55));
    assertEquals(Optional.of(SlaResult.BREACHED), breached.result());
    assertEquals(Optional.of(hours(54)), breached.breachedAt());
    t.resolve(hours(56));
    assertEquals(
        Optional.of(SlaResult.MET_LATE),
        clock(t, SlaMetric.PERIODIC_UPDATE, hours(60)).result(),
        "the resolution is the update the customer was owed");
    t.agentReply(hours(70));
    assertEquals(
        hours(20),
        clock(t, SlaMetric.PERIODIC_UPDATE, hours(70)).startedAt(),
        "no new cycle once resolved");
    t.reopen(hours(80));
    assertEquals(
        Optional.of(hours(104)),
        clock(t, SlaMetric.PERIODIC_UPDATE, hours(80)).deadline(),
        "a reopen starts one");
  }

  @Test
  void agentWorkTimePausesOnBothWaitsAndRequesterWaitTimeOnlyOnTheCustomer() {
    TicketScript t = complaint("WT");
    t.waitOnCustomer(hours(2))
        .resume(hours(5))
        .waitOnThirdParty(hours(6))
        .resume(hours(10))
        .resolve(hours(12));
    SlaStatus work = clock(t, SlaMetric.AGENT_WORK_TIME, hours(20));
    SlaStatus wait = clock(t, SlaMetric.REQUESTER_WAIT_TIME, hours(20));
    assertEquals(
        Duration.ofHours(12 - 3 - 4),
        work.elapsed(),
        "12 h less 3 h on the customer and 4 h on a third party");
    assertEquals(
        Duration.ofHours(12 - 3),
        wait.elapsed(),
        "the customer waits while a third party is asked");
    assertEquals(Optional.of(SlaResult.MET), work.result());
    assertEquals(Optional.of(hours(12)), wait.metAt());
    t.reopen(hours(30))
        .classify(hours(30), Priority.P1, Category.COMPLAINT)
        .assign(hours(30))
        .start(hours(31))
        .resolve(hours(33));
    assertEquals(
        Duration.ofHours(5 + 3),
        clock(t, SlaMetric.AGENT_WORK_TIME, hours(40)).elapsed(),
        "a reopen resumes it");
    assertEquals(
        Duration.ofHours(9 + 3), clock(t, SlaMetric.REQUESTER_WAIT_TIME, hours(40)).elapsed());
  }

  @Test
  void internalNotesChangeNoClock() {
    TicketScript t = complaint("NOTE");
    t.customerReply(hours(2));
    SlaStatus before = clock(t, SlaMetric.NEXT_REPLY, hours(3));
    t.internalNote(hours(3));
    assertEquals(before, clock(t, SlaMetric.NEXT_REPLY, hours(3)));
    assertEquals(Optional.of(hours(24)), clock(t, SlaMetric.PERIODIC_UPDATE, hours(3)).deadline());
  }
}
