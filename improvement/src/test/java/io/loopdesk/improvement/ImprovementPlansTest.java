package io.loopdesk.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The improvement loop of the after-sales standard, on a Chinese calendar with National Day and
 * make-up days.
 */
class ImprovementPlansTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final BusinessCalendar CALENDAR =
      BusinessCalendar.builder("cn-office", SHANGHAI)
          .weekdays(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)))
          .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
          .workingDayLike(
              LocalDate.of(2026, 9, 27), DayOfWeek.MONDAY, "make-up day for National Day")
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
          CALENDAR);

  private static Instant at(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(SHANGHAI).toInstant();
  }

  private static ImprovementPlan draft(String id, Instant end) {
    return new ImprovementPlan(
        id,
        0,
        "Battery batch B-2026-08 swelling",
        "separator defect in one supplier lot",
        "no swelling reports for batch B-2026-09 onwards",
        List.of("recall lot", "incoming inspection of separators"),
        "quality",
        "li.gong",
        at(2026, 9, 1, 9, 0),
        end,
        false,
        null,
        Set.of(TicketId.of("T-1"), TicketId.of("T-2")),
        List.of(
            new PlanTask(
                "recall", "recall affected phones", "after-sales", at(2026, 9, 15, 18, 0), false)),
        List.of());
  }

  @Test
  void fullLoopFromFeedbackTicketsToAPublishedImprovementCase() {
    ImprovementPlan p = plans.create(draft("battery-b08", at(2026, 10, 8, 18, 0)));
    assertThat(p.version()).isEqualTo(1);
    assertThat(p.statusAt(now.get())).isEqualTo(PlanStatus.PLANNED);
    p = plans.linkTickets(p.id(), p.version(), List.of(TicketId.of("T-3"), TicketId.of("T-1")));
    assertThat(p.linkedTickets()).hasSize(3);
    p =
        plans.addTask(
            p.id(),
            p.version(),
            new PlanTask(
                "inspect", "inspect separators", "quality", at(2026, 9, 30, 18, 0), false));
    p = plans.start(p.id(), p.version());
    assertThat(p.statusAt(now.get())).isEqualTo(PlanStatus.IN_PROGRESS);
    p = plans.completeTask(p.id(), p.version(), "recall");
    ImprovementPlan open = p;
    assertThatThrownBy(() -> plans.complete(open.id(), open.version()))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("open tasks: [inspect]");

    now.set(at(2026, 9, 30, 17, 0));
    p =
        plans.requestDelay(
            p.id(), p.version(), "d1", at(2026, 10, 16, 18, 0), "supplier audit moved", "li.gong");
    ImprovementPlan pending = p;
    assertThatThrownBy(() -> plans.decideDelay(pending.id(), pending.version(), true, "li.gong"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("cannot decide their own");
    p = plans.decideDelay(p.id(), p.version(), true, "wang.jingli");
    assertThat(p.plannedEnd()).isEqualTo(at(2026, 10, 16, 18, 0));
    assertThat(p.delayRequests().get(0).status()).isEqualTo(DelayRequest.Status.APPROVED);

    now.set(at(2026, 10, 17, 9, 0));
    assertThat(plans.get(p.id()).statusAt(now.get())).isEqualTo(PlanStatus.DELAYED);
    p = plans.completeTask(p.id(), p.version(), "inspect");
    p = plans.complete(p.id(), p.version());
    assertThat(p.statusAt(now.get())).isEqualTo(PlanStatus.DONE);
    assertThat(p.actualEnd()).isEqualTo(now.get());

    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().inMemory().clock(Clock.fixed(now.get(), SHANGHAI)).open()) {
      Article saved = plans.publishCase(p.id(), kb);
      assertThat(saved.kind()).isEqualTo(ArticleKind.CASE);
      assertThat(saved.body()).contains("Feedback tickets: 3").contains("after the planned end");
      assertThat(kb.search(SearchRequest.of("battery swelling separator")).hits())
          .extracting(h -> h.articleId())
          .contains("case-battery-b08");
    }
  }

  @Test
  void delayRequestsMustComeOneWorkingDayEarlyCountingHolidaysAndMakeUpDays() {
    ImprovementPlan afterHoliday = plans.create(draft("after-holiday", at(2026, 10, 8, 18, 0)));
    now.set(at(2026, 10, 5, 10, 0));
    assertThatThrownBy(
            () ->
                plans.requestDelay(
                    afterHoliday.id(), 1, "d1", at(2026, 10, 20, 18, 0), "late", "li.gong"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("at least one working day before")
        .hasMessageContaining("2026-09-30T10:00:00Z");
    assertThat(plans.get(afterHoliday.id()).version()).isEqualTo(1);

    ImprovementPlan afterMakeUpDay = plans.create(draft("after-make-up", at(2026, 9, 28, 12, 0)));
    now.set(at(2026, 9, 27, 13, 0));
    assertThatThrownBy(
            () ->
                plans.requestDelay(
                    afterMakeUpDay.id(), 1, "d1", at(2026, 10, 20, 18, 0), "late", "li.gong"))
        .isInstanceOf(PlanRuleException.class);
    now.set(at(2026, 9, 26, 20, 0));
    assertThat(
            plans
                .requestDelay(
                    afterMakeUpDay.id(),
                    1,
                    "d1",
                    at(2026, 10, 20, 18, 0),
                    "early enough",
                    "li.gong")
                .pendingDelay())
        .isPresent();
  }

  @Test
  void staleVersionsAndBadInputChangeNothing() {
    ImprovementPlan p = plans.create(draft("p", at(2026, 10, 8, 18, 0)));
    assertThatThrownBy(() -> plans.start(p.id(), 7))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("expected version 7");
    assertThatThrownBy(() -> plans.create(draft("p", at(2026, 10, 8, 18, 0))))
        .isInstanceOf(PlanRuleException.class);
    assertThatThrownBy(() -> plans.get("missing"))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("no such plan");
    assertThatThrownBy(
            () -> plans.requestDelay(p.id(), 1, "d", at(2026, 9, 1, 9, 0), "earlier", "li.gong"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("newEnd"));
    assertThatThrownBy(() -> draft("bad", at(2026, 8, 1, 0, 0)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("plan.plannedEnd"));
    assertThatThrownBy(() -> plans.caseArticle(p.id()))
        .isInstanceOf(PlanRuleException.class)
        .hasMessageContaining("finished");
    assertThat(plans.get(p.id())).isEqualTo(p);
  }
}
