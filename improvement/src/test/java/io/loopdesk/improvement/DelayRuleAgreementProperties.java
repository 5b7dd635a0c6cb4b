package io.loopdesk.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.routing.EscalationChain;
import io.loopdesk.routing.EscalationException;
import io.loopdesk.routing.Escalations;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A ticket's delay request (routing) and an improvement plan's delay request are judged by one
 * rule: for any calendar, deadline and filing instant, both accept or both reject.
 */
class DelayRuleAgreementProperties {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant CREATED = Instant.parse("2026-08-03T01:00:00Z");
  private static final Actor AGENT = Actor.of("a1", Role.AGENT);

  static final List<BusinessCalendar> CALENDARS =
      List.of(
          BusinessCalendar.builder("cn-office", SHANGHAI)
              .weekdays(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)))
              .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
              .workingDayLike(LocalDate.of(2026, 9, 27), DayOfWeek.MONDAY, "make-up day")
              .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, "make-up day")
              .build(),
          BusinessCalendar.builder("split-shifts", SHANGHAI)
              .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
              .weekly(DayOfWeek.SATURDAY, WorkingInterval.parse("10:00-14:00"))
              .holiday(LocalDate.of(2026, 9, 25), "Mid-Autumn Festival")
              .build(),
          BusinessCalendar.builder("night-shift", ZoneOffset.UTC)
              .weekdays(WorkingInterval.parse("22:00-06:00+1"))
              .build(),
          BusinessCalendar.twentyFourSeven(SHANGHAI));

  @Provide
  Arbitrary<Instant> dues() {
    Instant from = Instant.parse("2026-09-18T16:00:00Z");
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 30L * 24 * 60).map(m -> from.plus(Duration.ofMinutes(m))),
        Arbitraries.integers()
            .between(0, 30)
            .flatMap(
                d ->
                    Arbitraries.of(0, 1, 2, 4, 5, 6, 10, 14)
                        .map(h -> from.plus(Duration.ofDays(d)).plus(Duration.ofHours(h)))));
  }

  @Provide
  Arbitrary<Duration> notices() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 10L * 24 * 60).map(Duration::ofMinutes),
        Arbitraries.integers()
            .between(0, 10)
            .flatMap(
                d ->
                    Arbitraries.of(-1L, 0L, 1L).map(ns -> Duration.ofDays(d).plusNanos(ns).abs())));
  }

  @Property(tries = 1500)
  void routingAndImprovementAcceptTheSameDelayRequests(
      @ForAll @IntRange(min = 0, max = 3) int calendarIndex,
      @ForAll("dues") Instant due,
      @ForAll("notices") Duration notice) {
    BusinessCalendar calendar = CALENDARS.get(calendarIndex);
    Instant filedAt = due.minus(notice);
    assertThat(ticketDelayAccepted(calendar, due, filedAt))
        .as("calendar %s, due %s, filed %s", calendar.name(), due, filedAt)
        .isEqualTo(planDelayAccepted(calendar, due, filedAt));
  }

  private static Instant shanghai(int month, int day, int hour, int minute) {
    return java.time.LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant();
  }

  private static void bothSay(boolean inTime, Instant due, Instant filedAt) {
    BusinessCalendar office = CALENDARS.get(0);
    assertThat(ticketDelayAccepted(office, due, filedAt))
        .as("ticket, filed %s for %s", filedAt, due)
        .isEqualTo(inTime);
    assertThat(planDelayAccepted(office, due, filedAt))
        .as("plan, filed %s for %s", filedAt, due)
        .isEqualTo(inTime);
  }

  @Example
  void aRequestFiledDuringTheHolidayForTheFirstDayBackIsLate() {
    Instant due = shanghai(10, 8, 10, 0);
    bothSay(false, due, shanghai(10, 5, 10, 0));
    bothSay(true, due, shanghai(9, 30, 10, 0));
  }

  @Example
  void exactlyAtTheLimitIsInTimeAndOneNanosecondLaterIsLate() {
    Instant due = shanghai(9, 17, 10, 0);
    bothSay(true, due, shanghai(9, 16, 10, 0));
    bothSay(false, due, shanghai(9, 16, 10, 0).plusNanos(1));
  }

  @Example
  void weekendDaysAreNoNotice() {
    Instant mondayNine = shanghai(9, 21, 9, 0);
    bothSay(false, mondayNine, shanghai(9, 19, 10, 0));
    bothSay(true, mondayNine, shanghai(9, 18, 9, 0));
  }

  @Example
  void aMakeUpWorkingDayIsTheWorkingDayBefore() {
    Instant due = shanghai(9, 28, 12, 0);
    bothSay(true, due, shanghai(9, 27, 12, 0));
    bothSay(false, due, shanghai(9, 27, 13, 0));
  }

  static boolean ticketDelayAccepted(BusinessCalendar calendar, Instant due, Instant filedAt) {
    ManualClock clock = ManualClock.at(CREATED);
    ServiceDesk desk =
        ServiceDesks.builder().clock(clock).deadlinePolicy((t, at) -> Optional.of(due)).build();
    Escalations escalations =
        Escalations.builder(desk, EscalationChain.standard("any", "lead0", "sup0", "ops0"))
            .calendars(t -> calendar)
            .clock(clock)
            .build();
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("a1", "repair"), AGENT);
    clock.set(filedAt);
    try {
      escalations.requestDelay(t.id(), due.plus(Duration.ofDays(10)), "waiting for parts", AGENT);
      return true;
    } catch (EscalationException e) {
      assertThat(e.problem()).isEqualTo(EscalationException.Problem.TOO_LATE);
      return false;
    }
  }

  static boolean planDelayAccepted(BusinessCalendar calendar, Instant due, Instant filedAt) {
    ImprovementPlans plans =
        new ImprovementPlans(java.time.Clock.fixed(filedAt, SHANGHAI), calendar);
    ImprovementPlan p =
        plans.create(
            new ImprovementPlan(
                "p",
                0,
                "title",
                "cause",
                "target",
                List.of("measure"),
                "quality",
                "owner",
                CREATED,
                due,
                false,
                null,
                Set.of(TicketId.of("T-1")),
                List.of(),
                List.of()));
    try {
      plans.requestDelay(
          p.id(), p.version(), "d1", due.plus(Duration.ofDays(10)), "supplier late", "owner");
      return true;
    } catch (PlanRuleException e) {
      assertThat(e.getMessage()).contains("working day");
      return false;
    }
  }
}
