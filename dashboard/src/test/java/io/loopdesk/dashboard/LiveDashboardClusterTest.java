package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.access.PersonalDataView;
import io.loopdesk.access.Scope;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.dashboard.app.TicketFixtures;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two desks on one store, as two instances on one database: each instance's dashboard reads the
 * store's global event feed, so both show the same figures whichever instance saved the events, and
 * the figures are those insights computes from the stored events.
 */
class LiveDashboardClusterTest {
  /** An administrator who sees every figure, personal data masked; shared with other tests. */
  static final Viewer ADMIN =
      new Viewer(
          Actor.of("admin-1", Role.ADMINISTRATOR),
          Scope.ALL,
          Set.of(),
          Set.of(),
          PersonalDataView.MASKED,
          false);

  private static Loopdesk instance(TicketStore store, Clock clock, String name) {
    return Loopdesk.builder().store(store).clock(clock).withoutMonitor().cluster(name).build();
  }

  @Test
  void everyInstanceShowsTheSameFiguresAsInsightsComputes() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);
    InMemoryTicketStore store = new InMemoryTicketStore();
    try (Loopdesk a = instance(store, clock, "a");
        Loopdesk b = instance(store, clock, "b")) {
      DashboardProperties settings = new DashboardProperties();
      LiveDashboard onA = new LiveDashboard(store, a.sla(), clock, ZoneOffset.UTC, settings);
      LiveDashboard onB = new LiveDashboard(store, b.sla(), clock, ZoneOffset.UTC, settings);
      TicketFixtures viaA = new TicketFixtures(a.desk());
      TicketFixtures viaB = new TicketFixtures(b.desk());
      List<Ticket> tickets = new ArrayList<>();
      for (int n = 1; n <= 40; n++) {
        tickets.add((n % 2 == 0 ? viaA : viaB).openAndStep(n, n % 7));
      }
      assertThat(onA.refresh()).isPositive();
      assertThat(onB.refresh()).isEqualTo(onA.eventsApplied());

      DashboardSnapshot seenOnA = onA.snapshot(ADMIN, DashboardFilter.all());
      DashboardSnapshot seenOnB = onB.snapshot(ADMIN, DashboardFilter.all());
      assertThat(seenOnB.tiles()).isEqualTo(seenOnA.tiles());
      assertThat(seenOnB.agents()).isEqualTo(seenOnA.agents());
      assertThat(seenOnB.slaTargets()).isEqualTo(seenOnA.slaTargets());
      assertThat(seenOnB.atRisk()).isEqualTo(seenOnA.atRisk());

      List<io.loopdesk.api.event.TicketEvent> events = new ArrayList<>();
      tickets.forEach(t -> events.addAll(store.events(t.id())));
      KpiReport insights = KpiCalculator.of(ZoneOffset.UTC, 10).compute(events, clock.instant());
      assertThat(seenOnA.tile("tickets").value()).isEqualTo(40.0);
      assertThat(seenOnA.tile("open").value()).isEqualTo((double) insights.overall().open());
      assertThat(seenOnA.tile("fcr").value())
          .isEqualTo(insights.overall().firstContactResolutionRate().getAsDouble());
      assertThat(seenOnA.tile("csat").value())
          .isEqualTo(insights.overall().csatAverage().getAsDouble());
      assertThat(seenOnA.ageing())
          .containsExactly(
              insights.backlog().underOneDay(),
              insights.backlog().oneToThreeDays(),
              insights.backlog().threeToSevenDays(),
              insights.backlog().overSevenDays());
      assertThat(seenOnA.slaTargets()).isNotEmpty();

      long before = onB.eventsApplied();
      viaA.openAndStep(41, 6);
      assertThat(onB.refresh()).as("B reads what A saved").isEqualTo(7);
      assertThat(onB.eventsApplied()).isEqualTo(before + 7);
      assertThat(onB.snapshot(ADMIN, DashboardFilter.all()).tile("tickets").value())
          .isEqualTo(41.0);
    }
  }

  @Test
  void ticketsOpenedBeforeTheWindowAreDroppedAndPeriodsNarrow() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    InMemoryTicketStore store = new InMemoryTicketStore();
    try (Loopdesk desk = Loopdesk.builder().store(store).clock(clock).withoutMonitor().build()) {
      DashboardProperties settings = new DashboardProperties();
      settings.setWindow(Duration.ofDays(10));
      LiveDashboard dashboard =
          new LiveDashboard(store, desk.sla(), clock, ZoneOffset.UTC, settings);
      TicketFixtures fixtures = new TicketFixtures(desk.desk());
      fixtures.openAndStep(1, 2);
      clock.advance(Duration.ofDays(8));
      fixtures.openAndStep(2, 2);
      clock.advance(Duration.ofHours(20));
      fixtures.openAndStep(3, 2);
      dashboard.refresh();
      assertThat(dashboard.tickets()).isEqualTo(3);
      assertThat(dashboard.snapshot(ADMIN, DashboardFilter.all()).tile("tickets").value())
          .isEqualTo(2.0);
      DashboardFilter month =
          new DashboardFilter(null, null, null, null, null, Period.LAST_30_DAYS);
      assertThat(dashboard.snapshot(ADMIN, month).tile("tickets").value()).isEqualTo(3.0);
      DashboardFilter today = new DashboardFilter(null, null, null, null, null, Period.TODAY);
      DashboardSnapshot todays = dashboard.snapshot(ADMIN, today);
      assertThat(todays.tile("tickets").value()).isEqualTo(1.0);
      assertThat(todays.timeline())
          .hasSize(5)
          .allSatisfy(p -> assertThat(p.bucket()).startsWith("2026-11-10T0"));
      clock.advance(Duration.ofDays(3));
      dashboard.refresh();
      assertThat(dashboard.tickets()).as("the first ticket left the 10-day window").isEqualTo(2);
    }
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
