package io.loopdesk.testkit;

import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/**
 * Correct desks pass the kit, and the sequences are deep enough to matter: a fair share of them
 * close a ticket, pause an SLA clock, refuse a stale version and run a custom action.
 */
class CorrectDeskProperties {
  static final TicketStatus QA_REVIEW = TicketStatus.of("QA_REVIEW");
  static final TicketAction SEND_TO_QA = TicketAction.of("SEND_TO_QA");
  static final TicketAction APPROVE = TicketAction.of("APPROVE");
  static final TicketAction REWORK = TicketAction.of("REWORK");

  /** A QA review between callback and close: approving closes, rework voids the callback. */
  static final Lifecycle QA_LIFECYCLE =
      Lifecycle.standard().toBuilder()
          .afterCallback(QA_REVIEW)
          .transition(TicketStatus.CALLBACK, SEND_TO_QA, QA_REVIEW)
          .transition(QA_REVIEW, APPROVE, TicketStatus.CLOSED)
          .transition(QA_REVIEW, REWORK, TicketStatus.IN_PROGRESS)
          .removeTransition(TicketStatus.CALLBACK, TicketAction.CLOSE)
          .build();

  @Property(tries = 150)
  void theStandardDeskWithItsStoreAndAnSlaTrackerKeepsEveryInvariant(
      @ForAll("standardWithSla") ActionChain<DeskModel> chain) {
    DeskModel model = chain.run();
    Statistics.label("a ticket closed").collect(model.statuses().contains(TicketStatus.CLOSED));
    Statistics.label("a ticket closed").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("a stale version refused")
        .collect(
            model.steps().stream().anyMatch(s -> s.contains("stale") && s.contains("refused")));
    Statistics.label("a stale version refused")
        .coverage(c -> c.check(true).percentage(p -> p >= 30));
    Statistics.label("a ticket waited")
        .collect(
            model.steps().stream()
                .anyMatch(s -> s.contains("-> v") && s.endsWith("WAITING_ON_CUSTOMER")));
    Statistics.label("a ticket waited").coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 100)
  void aCustomLifecycleWithAQaReviewAndAStricterPolicyKeepsEveryInvariant(
      @ForAll("qaReview") ActionChain<DeskModel> chain) {
    DeskModel model = chain.run();
    boolean approved =
        model.steps().stream().anyMatch(s -> s.contains(" APPROVE ") && s.endsWith("CLOSED"));
    Statistics.label("closed by the custom APPROVE").collect(approved);
    Statistics.label("closed by the custom APPROVE")
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  @Property(tries = 50)
  void aDeskWithoutHistoryChainKeepsEveryInvariant(
      @ForAll("unchained") ActionChain<DeskModel> chain) {
    chain.run();
  }

  @Property(tries = 50)
  void aDeskThatKeepsWaitingOnCustomerRepliesKeepsEveryInvariant(
      @ForAll("noResumeOnReply") ActionChain<DeskModel> chain) {
    chain.run();
  }

  @Provide
  Arbitrary<ActionChain<DeskModel>> noResumeOnReply() {
    return LoopdeskProperties.commandSequences(
        clock ->
            DeskUnderTest.builder(
                    ServiceDesks.builder().clock(clock).resumeOnCustomerReply(false).build())
                .resumeOnCustomerReply(false)
                .build(),
        30);
  }

  @Provide
  Arbitrary<ActionChain<DeskModel>> standardWithSla() {
    return LoopdeskProperties.commandSequences(
        clock -> {
          BusinessCalendar office =
              BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
                  .weekdays(
                      WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
                  .build();
          SlaTracker tracker =
              SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of(office)).build();
          InMemoryTicketStore store = new InMemoryTicketStore();
          ServiceDesk desk =
              ServiceDesks.builder()
                  .clock(clock)
                  .store(store)
                  .listener(tracker)
                  .deadlinePolicy(tracker.deadlinePolicy())
                  .build();
          return DeskUnderTest.builder(desk)
              .store(store)
              .slaTracker(tracker, SlaPolicy.standard())
              .build();
        });
  }

  @Provide
  Arbitrary<ActionChain<DeskModel>> qaReview() {
    ClosedLoopPolicy strict =
        new ClosedLoopPolicy(4, 2, ClosedLoopPolicy.UnreachablePolicy.KEEP_CALLING);
    return LoopdeskProperties.commandSequences(
        clock ->
            DeskUnderTest.builder(
                    ServiceDesks.builder()
                        .clock(clock)
                        .lifecycle(QA_LIFECYCLE)
                        .closedLoop(strict)
                        .build())
                .lifecycle(QA_LIFECYCLE)
                .closedLoop(strict)
                .build());
  }

  @Provide
  Arbitrary<ActionChain<DeskModel>> unchained() {
    return LoopdeskProperties.commandSequences(
        clock ->
            DeskUnderTest.builder(ServiceDesks.builder().clock(clock).withoutHistoryChain().build())
                .withoutHistoryChain()
                .build(),
        20);
  }
}
