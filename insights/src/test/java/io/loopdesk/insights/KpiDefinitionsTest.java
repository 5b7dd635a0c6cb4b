package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import io.loopdesk.api.event.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each definition of the KPI glossary (the package documentation), with its boundary cases, on
 * hand-written event trails.
 */
class KpiDefinitionsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  private static final Actor AGENT = Actor.of("a-1", Role.AGENT);
  private static final Customer CUSTOMER = Customer.of("C-1", "张三", "13800001111", null);
  private final KpiCalculator calculator = KpiCalculator.of(ZoneOffset.UTC, 3);
  private final List<TicketEvent> events = new ArrayList<>();

  /** Writes one ticket's events, minute by minute from its opening. */
  private final class Trail {
    private final TicketId id;
    private final Instant opened;
    private long version = 1;
    private TicketStatus status = TicketStatus.RECEIVED;

    Trail(String id, Instant opened) {
      this.id = TicketId.of(id);
      this.opened = opened;
      events.add(
          new TicketEvent(
              this.id,
              1,
              opened,
              AGENT,
              null,
              status,
              new TicketChange.Opened(Channel.PHONE, CUSTOMER, "X9", "battery", "", "")));
    }

    Trail at(long minutes, TicketStatus to, TicketChange change) {
      events.add(
          new TicketEvent(
              id, ++version, opened.plus(Duration.ofMinutes(minutes)), AGENT, status, to, change));
      status = to;
      return this;
    }

    Trail assigned(long minutes, String agent) {
      return at(minutes, TicketStatus.ASSIGNED, new TicketChange.Assigned(agent, "support", ""));
    }

    Trail started(long minutes) {
      return at(minutes, TicketStatus.IN_PROGRESS, new TicketChange.Started());
    }

    Trail resolved(long minutes) {
      return at(minutes, TicketStatus.RESOLVED, new TicketChange.Resolved("fixed"));
    }

    Trail callback(long minutes, CallbackResult result, CallbackEffect effect, TicketStatus to) {
      CallbackRecord record =
          new CallbackRecord(opened.plus(Duration.ofMinutes(minutes)), "cb-1", result);
      return at(minutes, to, new TicketChange.CallbackRecorded(record, effect));
    }

    Trail confirmedAndClosed(long minutes) {
      callback(
          minutes,
          CallbackResult.reached(true, 5, ""),
          CallbackEffect.CONFIRMED,
          TicketStatus.CALLBACK);
      return at(minutes + 1, TicketStatus.CLOSED, new TicketChange.Closed());
    }
  }

  private KpiReport report(Instant asOf) {
    return calculator.compute(events, asOf);
  }

  @Test
  void handlingTimeCountsEveryPeriodInProgressIncludingTheCurrentOneOfAReopenedTicket() {
    new Trail("T-reopened", T0)
        .assigned(5, "a-1")
        .started(10)
        .resolved(70)
        .callback(
            80,
            CallbackResult.reached(false, 2, ""),
            CallbackEffect.REOPENED,
            TicketStatus.CLASSIFIED)
        .assigned(90, "a-1")
        .started(100);
    assertThat(report(T0.plus(Duration.ofMinutes(220))).overall().averageHandling())
        .as("60 min before the reopen and the 120 min in progress since")
        .contains(Duration.ofMinutes(180));
    assertThat(report(T0.plus(Duration.ofMinutes(100))).overall().averageHandling())
        .as("boundary: the report instant is the restart itself")
        .contains(Duration.ofMinutes(60));
  }

  @Test
  void handlingTimeLeavesOutWaitsAndTicketsNeverResolved() {
    new Trail("T-waiting", T0)
        .assigned(5, "a-1")
        .started(10)
        .resolved(40)
        .at(50, TicketStatus.CLASSIFIED, new TicketChange.Reopened("back"))
        .assigned(55, "a-1")
        .started(60)
        .at(70, TicketStatus.WAITING_ON_CUSTOMER, new TicketChange.WaitStarted("photo"));
    new Trail("T-never-resolved", T0).assigned(5, "a-1").started(10);
    KpiValues v = report(T0.plus(Duration.ofMinutes(500))).overall();
    assertThat(v.resolved()).isEqualTo(1);
    assertThat(v.averageHandling())
        .as("30 + 10 min; the wait since minute 70 is not handling")
        .contains(Duration.ofMinutes(40));
  }

  @Test
  void communicationsAreCountedByKindUpToTheReportInstant() {
    new Trail("T-talk", T0)
        .at(1, TicketStatus.RECEIVED, new TicketChange.AgentReplied(Channel.EMAIL, "received"))
        .assigned(5, "a-1")
        .started(10)
        .at(11, TicketStatus.WAITING_ON_CUSTOMER, new TicketChange.WaitStarted("photo"))
        .at(
            20,
            TicketStatus.IN_PROGRESS,
            new TicketChange.CustomerReplied(Channel.APP, "photo", true))
        .at(21, TicketStatus.IN_PROGRESS, new TicketChange.InternalNoteAdded("check stock"))
        .at(
            30,
            TicketStatus.IN_PROGRESS,
            new TicketChange.AgentReplied(Channel.PHONE, "part ordered"));
    new Trail("T-quiet", T0).assigned(5, "a-1");
    KpiValues v = report(T0.plus(Duration.ofMinutes(25))).overall();
    assertThat(v.agentReplies())
        .as("the reply at minute 30 is after the report instant")
        .isEqualTo(1);
    assertThat(v.customerReplies()).isEqualTo(1);
    assertThat(v.internalNotes()).isEqualTo(1);
    KpiValues later = report(T0.plus(Duration.ofHours(1))).overall();
    assertThat(later.agentReplies()).isEqualTo(2);
    assertThat(Kpi.AGENT_REPLIES_PER_TICKET.of(later).getAsDouble()).isCloseTo(1.0, within(1e-12));
    assertThat(later.averageHandling()).as("an unresolved ticket has no handling time").isEmpty();
    assertThat(Kpi.INTERNAL_NOTES.of(report(T0).overall()).getAsDouble()).isZero();
  }

  @Test
  void firstContactResolutionNeedsExactlyOneAssignmentAndNoReopen() {
    new Trail("T-once", T0).assigned(5, "a-1").started(10).resolved(20).confirmedAndClosed(30);
    new Trail("T-escalated-once", T0)
        .assigned(5, "a-1")
        .started(10)
        .at(
            12,
            TicketStatus.IN_PROGRESS,
            new TicketChange.Escalated(Escalation.of(1, "lead-1", "slow")))
        .resolved(20)
        .confirmedAndClosed(30);
    new Trail("T-never-assigned", T0).started(10).resolved(20).confirmedAndClosed(30);
    new Trail("T-reassigned-to-the-same-agent", T0)
        .assigned(5, "a-1")
        .at(6, TicketStatus.ASSIGNED, new TicketChange.Assigned("a-1", "support", "again"))
        .started(10)
        .resolved(20)
        .confirmedAndClosed(30);
    new Trail("T-transferred", T0)
        .assigned(5, "a-1")
        .at(6, TicketStatus.ASSIGNED, new TicketChange.Assigned("a-2", "support", "transfer"))
        .started(10)
        .resolved(20)
        .confirmedAndClosed(30);
    new Trail("T-reopened-by-callback", T0)
        .assigned(5, "a-1")
        .started(10)
        .resolved(20)
        .callback(
            25,
            CallbackResult.reached(false, 2, ""),
            CallbackEffect.REOPENED,
            TicketStatus.CLASSIFIED)
        .at(26, TicketStatus.IN_PROGRESS, new TicketChange.Started())
        .resolved(28)
        .confirmedAndClosed(30);
    new Trail("T-open", T0).assigned(5, "a-1").started(10);
    KpiValues v = report(T0.plus(Duration.ofHours(1))).overall();
    assertThat(v.closed()).isEqualTo(6);
    assertThat(v.firstContactResolutionRate().getAsDouble())
        .as("T-once and T-escalated-once of six closed")
        .isCloseTo(2 / 6.0, within(1e-12));
  }

  @Test
  void backlogAgeBucketsIncludeTheirLowerBoundAndExcludeTheirUpperBound() {
    Instant asOf = T0.plus(Duration.ofDays(30));
    Duration[] ages = {
      Duration.ZERO,
      Duration.ofDays(1).minusNanos(1),
      Duration.ofDays(1),
      Duration.ofDays(3).minusNanos(1),
      Duration.ofDays(3),
      Duration.ofDays(7).minusNanos(1),
      Duration.ofDays(7),
      Duration.ofDays(29)
    };
    for (int i = 0; i < ages.length; i++) {
      new Trail("T-age-" + i, asOf.minus(ages[i]));
    }
    new Trail("T-unreachable", asOf.minus(Duration.ofDays(2)))
        .assigned(1, "a-1")
        .started(2)
        .resolved(3)
        .callback(
            4,
            CallbackResult.notReached(CallbackOutcome.NO_ANSWER, ""),
            CallbackEffect.GAVE_UP,
            TicketStatus.UNREACHABLE);
    new Trail("T-closed", asOf.minus(Duration.ofDays(20)))
        .assigned(1, "a-1")
        .started(2)
        .resolved(3)
        .confirmedAndClosed(4);
    Backlog b = report(asOf).backlog();
    assertThat(b).isEqualTo(new Backlog(9, 2, 3, 2, 2));
    assertThat(report(asOf).overall().open()).isEqualTo(9);
  }

  @Test
  void callbackCompletionNeedsFeedbackFromTheCustomerSoDeclinedCallbacksDoNotCount() {
    new Trail("T-feedback", T0).assigned(5, "a-1").started(10).resolved(20).confirmedAndClosed(30);
    new Trail("T-declined", T0)
        .assigned(5, "a-1")
        .started(10)
        .resolved(20)
        .callback(
            30,
            CallbackResult.notReached(CallbackOutcome.DECLINED, "no time"),
            CallbackEffect.NOT_REACHED,
            TicketStatus.RESOLVED);
    new Trail("T-second-attempt", T0)
        .assigned(5, "a-1")
        .started(10)
        .resolved(20)
        .callback(
            30,
            CallbackResult.notReached(CallbackOutcome.NO_ANSWER, ""),
            CallbackEffect.NOT_REACHED,
            TicketStatus.RESOLVED)
        .callback(
            40,
            CallbackResult.reached(true, 3, ""),
            CallbackEffect.CONFIRMED,
            TicketStatus.CALLBACK);
    new Trail("T-not-resolved", T0).assigned(5, "a-1").started(10);
    KpiValues v = report(T0.plus(Duration.ofHours(1))).overall();
    assertThat(v.resolved()).isEqualTo(3);
    assertThat(v.callbackCompletionRate().getAsDouble()).isCloseTo(2 / 3.0, within(1e-12));
    assertThat(v.csatAverage().getAsDouble())
        .as("declined callbacks give no rating")
        .isEqualTo(4.0);
    assertThat(v.satisfiedRate().getAsDouble()).isEqualTo(0.5);
  }
}
