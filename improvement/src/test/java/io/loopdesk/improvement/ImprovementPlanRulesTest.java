package io.loopdesk.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One example per rule of {@link ImprovementPlans}: versions, task ids, delay requests and their
 * decisions, listing.
 */
class ImprovementPlanRulesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final BusinessCalendar WEEKDAYS =
      BusinessCalendar.builder("weekdays", SHANGHAI)
          .weekdays(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)))
          .build();

  private final AtomicReference<Instant> now = new AtomicReference<>(at(2026, 9, 1, 10, 0));
  private final ImprovementPlans plans =
      new ImprovementPlans(
          new Clock() {
            @Override
            public ZoneId getZone() {
              return SHANGHAI;
            }

            @Override
            public Clock withZone(ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          },
          WEEKDAYS);

  private static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
  }

  private static ImprovementPlan draft(String id, Instant end) {
    return new ImprovementPlan(
        id,
        0,
        "Screen flicker after update",
        "driver regression",
        "no flicker reports",
        List.of("roll back driver"),
        "quality",
        "li.gong",
        at(2026, 9, 1, 9, 0),
        end,
        false,
        null,
        Set.of(TicketId.of("T-1")),
        List.of(
            new PlanTask(
                "rollback", "roll back the driver", "firmware", at(2026, 9, 10, 18, 0), false)),
        List.of());
  }

  @Test
  void everyChangeRaisesTheVersionByOne() {
    ImprovementPlan p = plans.create(draft("v", at(2026, 10, 30, 18, 0)));
    assertThat(p.version()).isEqualTo(1);
    p = plans.linkTickets(p.id(), 1, List.of(TicketId.of("T-2")));
    assertThat(p.version()).isEqualTo(2);
    p = plans.start(p.id(), 2);
    assertThat(p.version()).isEqualTo(3);
    assertThat(plans.get("v").version()).isEqualTo(3);
    assertThatThrownBy(() -> plans.start("v", 2)).isInstanceOf(PlanRuleException.class);
  }

  @Test
  void aTaskIdCanBeUsedOnlyOnceInAPlan() {
    ImprovementPlan p = plans.create(draft("tasks", at(2026, 10, 30, 18, 0)));
    PlanTask again =
        new PlanTask("rollback", "roll back once more", "firmware", at(2026, 9, 20, 18, 0), false);
    assertThatThrownBy(() -> plans.addTask(p.id(), 1, again))
        .isInstanceOfSatisfying(
            PlanRuleException.class, e -> assertThat(e.planId()).isEqualTo("tasks"))
        .hasMessageContaining("task rollback already exists");
    PlanTask other =
        new PlanTask("verify", "verify on 100 devices", "qa", at(2026, 9, 20, 18, 0), false);
    assertThat(plans.addTask(p.id(), 1, other).tasks())
        .extracting(PlanTask::id)
        .containsExactly("rollback", "verify");
  }

  @Test
  void theNewEndMustBeStrictlyAfterThePlannedEnd() {
    Instant end = at(2026, 10, 30, 18, 0);
    ImprovementPlan p = plans.create(draft("end", end));
    assertThatThrownBy(() -> plans.requestDelay(p.id(), 1, "d1", end, "same day", "li.gong"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("newEnd"));
    assertThat(
            plans
                .requestDelay(p.id(), 1, "d1", end.plusSeconds(1), "one second", "li.gong")
                .pendingDelay())
        .hasValueSatisfying(d -> assertThat(d.requestedDue()).isEqualTo(end.plusSeconds(1)));
  }

  @Test
  void aRejectedRequestLeavesTheEndAndAllowsANewRequestWithAnotherId() {
    Instant end = at(2026, 10, 30, 18, 0);
    ImprovementPlan p = plans.create(draft("reject", end));
    p = plans.requestDelay(p.id(), 1, "d1", at(2026, 11, 13, 18, 0), "supplier late", "li.gong");
    ImprovementPlan pending = p;
    assertThatThrownBy(
            () ->
                plans.requestDelay(
                    pending.id(), 2, "d2", at(2026, 11, 20, 18, 0), "again", "li.gong"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("d1 is still pending");
    now.set(at(2026, 9, 2, 11, 0));
    p = plans.decideDelay(p.id(), 2, false, "wang.jingli");
    assertThat(p.plannedEnd()).isEqualTo(end);
    assertThat(p.pendingDelay()).isEmpty();
    DelayRequest decided = p.delayRequests().get(0);
    assertThat(decided.status()).isEqualTo(DelayRequest.Status.REJECTED);
    assertThat(decided.decidedBy()).isEqualTo("wang.jingli");
    assertThat(decided.decidedAt()).isEqualTo(now.get());
    assertThatThrownBy(() -> plans.decideDelay("reject", 3, true, "wang.jingli"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("no delay request is pending");

    assertThatThrownBy(
            () ->
                plans.requestDelay(
                    "reject", 3, "d1", at(2026, 11, 20, 18, 0), "same id", "li.gong"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("delay request d1 already exists");
    p = plans.requestDelay("reject", 3, "d2", at(2026, 11, 20, 18, 0), "second try", "li.gong");
    assertThat(p.pendingDelay()).hasValueSatisfying(d -> assertThat(d.id()).isEqualTo("d2"));
    assertThat(p.delayRequests()).extracting(DelayRequest::id).containsExactly("d1", "d2");
  }

  @Test
  void aDoneRequestIsNotPendingEvenWhenItComesFirst() {
    ImprovementPlan p = plans.create(draft("first", at(2026, 10, 30, 18, 0)));
    p = plans.requestDelay(p.id(), 1, "d1", at(2026, 11, 13, 18, 0), "supplier late", "li.gong");
    p = plans.decideDelay(p.id(), 2, true, "wang.jingli");
    assertThat(p.pendingDelay()).isEmpty();
    assertThat(p.plannedEnd()).isEqualTo(at(2026, 11, 13, 18, 0));
  }

  @Test
  void theDeciderIsCheckedLikeEveryOtherName() {
    ImprovementPlan p = plans.create(draft("decider", at(2026, 10, 30, 18, 0)));
    plans.requestDelay(p.id(), 1, "d1", at(2026, 11, 13, 18, 0), "supplier late", "li.gong");
    assertThatThrownBy(() -> plans.decideDelay("decider", 2, true, "x".repeat(65)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("decidedBy"))
        .hasMessageContaining("at most 64");
    assertThatThrownBy(() -> plans.decideDelay("decider", 2, true, " "))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("decidedBy"));
    assertThat(
            plans
                .decideDelay("decider", 2, true, "x".repeat(64))
                .delayRequests()
                .get(0)
                .decidedBy())
        .hasSize(64);
  }

  @Test
  void listIsOrderedByPlannedEndThenId() {
    plans.create(draft("c", at(2026, 12, 1, 18, 0)));
    plans.create(draft("b", at(2026, 10, 1, 18, 0)));
    plans.create(draft("a", at(2026, 12, 1, 18, 0)));
    assertThat(plans.list()).extracting(ImprovementPlan::id).containsExactly("b", "a", "c");
  }
}
