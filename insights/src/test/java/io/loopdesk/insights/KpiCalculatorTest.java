package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exact KPI values for a small hand-made month of service. */
class KpiCalculatorTest {
  private final ManualClock now = ManualClock.at(Instant.parse("2026-01-10T00:00:00Z"));
  private final InMemoryTicketStore store = new InMemoryTicketStore();
  private final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(now)
          .store(store)
          .deadlinePolicy((t, at) -> Optional.of(at.plus(Duration.ofHours(24))))
          .build();
  private final Actor agent = Actor.of("a-1", Role.AGENT);
  private final List<Ticket> tickets = new ArrayList<>();

  private void after(long minutes) {
    now.advance(Duration.ofMinutes(minutes));
  }

  private Ticket handled(Channel channel, long resolveAfterMinutes, int rating) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(channel)
                .customer(Customer.of("C-1", "张三", "13800001111", null))
                .product("X9 phone")
                .problem("battery")
                .build(),
            agent);
    after(10);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
            agent);
    after(10);
    t = desk.assign(t.id(), t.version(), Assignment.of("a-1", "technical-support"), agent);
    after(10);
    t = desk.start(t.id(), t.version(), agent);
    after(60);
    t = desk.waitOnCustomer(t.id(), t.version(), "need photo", agent);
    after(60);
    t = desk.resume(t.id(), t.version(), agent);
    after(resolveAfterMinutes);
    t = desk.resolve(t.id(), t.version(), "fixed", agent);
    after(5);
    t = desk.recordCallback(t.id(), t.version(), CallbackResult.reached(true, rating, ""), agent);
    if (rating >= 3) {
      t = desk.close(t.id(), t.version(), agent);
    }
    tickets.add(t);
    return t;
  }

  private List<TicketEvent> events() {
    List<TicketEvent> all = new ArrayList<>();
    tickets.forEach(t -> all.addAll(store.events(t.id())));
    return all;
  }

  @Test
  void exactValuesForAHandMadeMonth() {
    handled(Channel.PHONE, 30, 5);
    handled(Channel.EMAIL, 24 * 60, 2);
    now.set(Instant.parse("2026-02-03T00:00:00Z"));
    handled(Channel.PHONE, 30, 4);
    handled(Channel.PHONE, 30, 4);
    handled(Channel.APP, 30, 3);

    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), now.instant());
    KpiValues all = r.overall();
    assertThat(all.tickets()).isEqualTo(5);
    assertThat(all.closed()).isEqualTo(4);
    assertThat(all.averageFirstResponse()).contains(Duration.ofMinutes(30));
    assertThat(all.averageHandling()).contains(Duration.ofMinutes((4 * 90 + (60 + 24 * 60)) / 5));
    assertThat(all.csatAverage().getAsDouble()).isCloseTo(18 / 5.0, within(1e-9));
    assertThat(all.satisfiedRate().getAsDouble()).isCloseTo(3 / 5.0, within(1e-9));
    assertThat(all.resolutionSlaAttainment().getAsDouble())
        .as("one of five resolved after 24 h")
        .isCloseTo(4 / 5.0, within(1e-9));
    assertThat(all.reopenRate().getAsDouble()).isCloseTo(1 / 5.0, within(1e-9));
    assertThat(all.firstContactResolutionRate().getAsDouble()).isEqualTo(1.0);
    assertThat(all.callbackCompletionRate().getAsDouble()).isEqualTo(1.0);
    assertThat(r.by(Dimension.CHANNEL).get("PHONE").tickets()).isEqualTo(3);
    assertThat(r.by(Dimension.DEPARTMENT).keySet()).containsExactly("technical-support");
    assertThat(r.typeDistribution()).containsEntry("PRODUCT_FAULT", 5L);
    assertThat(r.topProblems())
        .containsExactly(new RecurringProblem("X9 phone", "PRODUCT_FAULT", 5));
    assertThat(r.backlog().open()).isEqualTo(1);
    assertThat(r.backlog().overSevenDays()).as("the reopened January ticket").isEqualTo(1);

    List<MonthlyTrend> trend = r.trend(Kpi.TICKETS);
    assertThat(trend)
        .extracting(MonthlyTrend::month)
        .containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    assertThat(trend.get(1).changeFromPreviousMonth().getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(r.trend(Kpi.CSAT_AVERAGE).get(1).changeFromPreviousMonth().getAsDouble())
        .isCloseTo(11 / 3.0 / 3.5 - 1, within(1e-9));
  }

  @Test
  void eventsAfterTheReportInstantAreIgnored() {
    handled(Channel.PHONE, 30, 5);
    Instant midway = store.events(tickets.get(0).id()).get(4).at();
    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), midway);
    assertThat(r.overall().closed()).isZero();
    assertThat(r.overall().resolved()).isZero();
    assertThat(r.overall().averageFirstResponse()).contains(Duration.ofMinutes(30));
  }

  @Test
  void publishesGaugesToMicrometer() {
    handled(Channel.PHONE, 30, 5);
    KpiMeterBinder binder =
        new KpiMeterBinder(
            () -> KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), now.instant()));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    binder.bindTo(registry);
    assertThat(registry.get("loopdesk.kpi.csat.average").gauge().value()).isEqualTo(5.0);
    assertThat(
            registry
                .get("loopdesk.kpi.tickets")
                .tag("department", "technical-support")
                .gauge()
                .value())
        .isEqualTo(1.0);
    handled(Channel.PHONE, 30, 3);
    binder.update();
    assertThat(registry.get("loopdesk.kpi.csat.average").gauge().value()).isEqualTo(4.0);
  }

  @Test
  void slaAttainmentPerTargetUsesTheLatestOutcomePerTicket() {
    Ticket a = handled(Channel.PHONE, 30, 5);
    Ticket b = handled(Channel.PHONE, 30, 5);
    Instant t = now.instant();
    List<SlaOutcome> outcomes =
        List.of(
            new SlaOutcome(a.id(), "FIRST_RESPONSE", true, t.minusSeconds(60)),
            new SlaOutcome(b.id(), "FIRST_RESPONSE", false, t.minusSeconds(50)),
            new SlaOutcome(a.id(), "CALLBACK", false, t.minusSeconds(40)),
            new SlaOutcome(a.id(), "CALLBACK", true, t.minusSeconds(30)),
            new SlaOutcome(b.id(), "CALLBACK", true, t.plusSeconds(30)));
    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), outcomes, t);
    assertThat(r.slaAttainmentByTarget())
        .containsExactly(
            java.util.Map.entry("CALLBACK", 1.0), java.util.Map.entry("FIRST_RESPONSE", 0.5));
    assertThat(KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), t).slaAttainmentByTarget())
        .isEmpty();
  }

  @Test
  void slaResultsSplitTheLatestOutcomesIntoMetMetLateAndBreached() {
    Ticket a = handled(Channel.PHONE, 30, 5);
    Ticket b = handled(Channel.PHONE, 30, 5);
    Ticket c = handled(Channel.PHONE, 30, 5);
    Instant t = now.instant();
    List<SlaOutcome> outcomes =
        List.of(
            new SlaOutcome(a.id(), "RESOLUTION", SlaOutcome.Result.MET, t.minusSeconds(60)),
            new SlaOutcome(b.id(), "RESOLUTION", SlaOutcome.Result.BREACHED, t.minusSeconds(50)),
            new SlaOutcome(b.id(), "RESOLUTION", SlaOutcome.Result.MET_LATE, t.minusSeconds(40)),
            new SlaOutcome(c.id(), "RESOLUTION", SlaOutcome.Result.BREACHED, t.minusSeconds(30)),
            new SlaOutcome(c.id(), "RESOLUTION", SlaOutcome.Result.MET_LATE, t.plusSeconds(30)));
    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), outcomes, t);
    assertThat(r.slaResultsByTarget())
        .containsExactly(java.util.Map.entry("RESOLUTION", new SlaResultCounts(1, 1, 1)));
    assertThat(r.slaResultsByTarget().get("RESOLUTION").breachedRate().getAsDouble())
        .isEqualTo(1 / 3.0);
    assertThat(r.slaAttainmentByTarget())
        .as("met late is not attained")
        .containsExactly(java.util.Map.entry("RESOLUTION", 1 / 3.0));
    assertThat(new SlaOutcome(a.id(), "X", false, t).result())
        .isEqualTo(SlaOutcome.Result.BREACHED);
    assertThat(new SlaOutcome(a.id(), "X", SlaOutcome.Result.MET_LATE, t).attained()).isFalse();
  }

  @Test
  void olaResultsAreReportedPerTeamNextToTheCustomerFacingTargets() {
    Ticket a = handled(Channel.PHONE, 30, 5);
    Ticket b = handled(Channel.PHONE, 30, 5);
    Ticket c = handled(Channel.PHONE, 30, 5);
    Instant t = now.instant();
    List<SlaOutcome> outcomes =
        List.of(
            new SlaOutcome(a.id(), "RESOLUTION", SlaOutcome.Result.MET, t.minusSeconds(90)),
            new SlaOutcome(a.id(), "OLA:first-line", SlaOutcome.Result.MET, t.minusSeconds(80)),
            new SlaOutcome(
                b.id(), "OLA:first-line", SlaOutcome.Result.BREACHED, t.minusSeconds(70)),
            new SlaOutcome(
                b.id(), "OLA:first-line", SlaOutcome.Result.MET_LATE, t.minusSeconds(60)),
            new SlaOutcome(
                c.id(), "OLA:first-line", SlaOutcome.Result.BREACHED, t.minusSeconds(50)),
            new SlaOutcome(b.id(), "OLA:second-line", SlaOutcome.Result.MET, t.minusSeconds(40)),
            new SlaOutcome(c.id(), "OLA:", SlaOutcome.Result.MET, t.minusSeconds(40)));
    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), outcomes, t);
    assertThat(r.olaResultsByTeam())
        .containsExactly(
            java.util.Map.entry("first-line", new SlaResultCounts(1, 1, 1)),
            java.util.Map.entry("second-line", new SlaResultCounts(1, 0, 0)));
    assertThat(r.olaAttainmentByTeam())
        .containsExactly(
            java.util.Map.entry("first-line", 1 / 3.0), java.util.Map.entry("second-line", 1.0));
    assertThat(r.slaResultsByTarget())
        .as("next to the customer-facing targets")
        .containsKeys("RESOLUTION", "OLA:first-line", "OLA:second-line");
    assertThat(KpiCalculator.of(ZoneOffset.UTC, 3).compute(events(), t).olaResultsByTeam())
        .isEmpty();
  }

  @Test
  void slaAttainmentCountsOnlyTheTicketsTheReportCounts() {
    Ticket counted = handled(Channel.PHONE, 30, 5);
    Ticket withoutOpening = handled(Channel.PHONE, 30, 5);
    Instant t = now.instant();
    List<TicketEvent> events = new ArrayList<>(store.events(counted.id()));
    events.addAll(
        store.events(withoutOpening.id()).subList(1, store.events(withoutOpening.id()).size()));
    List<SlaOutcome> outcomes =
        List.of(
            new SlaOutcome(counted.id(), "RESOLUTION", true, t.minusSeconds(60)),
            new SlaOutcome(withoutOpening.id(), "RESOLUTION", false, t.minusSeconds(60)),
            new SlaOutcome(
                io.loopdesk.api.TicketId.of("T-unknown"), "RESOLUTION", false, t.minusSeconds(60)),
            new SlaOutcome(
                io.loopdesk.api.TicketId.of("T-unknown"), "CALLBACK", false, t.minusSeconds(60)));
    KpiReport r = KpiCalculator.of(ZoneOffset.UTC, 3).compute(events, outcomes, t);
    assertThat(r.overall().tickets()).isEqualTo(1);
    assertThat(r.slaAttainmentByTarget())
        .as("only the counted ticket's outcome; no target of unknown tickets")
        .containsExactly(java.util.Map.entry("RESOLUTION", 1.0));
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> KpiCalculator.of(null, 3))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
    assertThatThrownBy(() -> KpiCalculator.of(ZoneOffset.UTC, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("topProblems"));
    assertThatThrownBy(() -> KpiCalculator.of(ZoneOffset.UTC, 3).compute(null, Instant.EPOCH))
        .isInstanceOf(ValidationException.class);
  }
}
