package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Priority;
import io.loopdesk.api.Ticket;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.dashboard.DashboardSnapshot.RiskRow;
import io.loopdesk.dashboard.app.TicketFixtures;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Nearly breaching" is measured in the SLA's business time, like the target it is a share of: a
 * ticket with an hour and a half of an eight-hour target left on Friday afternoon is at risk, even
 * though its deadline is Monday morning, sixty hours of wall-clock time away.
 */
class NearlyBreachingTest {

  /** Monday to Friday, 09:00-18:00 UTC: nine business hours a day, closed at weekends. */
  private static BusinessCalendar office() {
    BusinessCalendar.Builder office = BusinessCalendar.builder("office", ZoneOffset.UTC);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
        office.weekly(day);
      } else {
        office.weekly(day, WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)));
      }
    }
    return office.build();
  }

  /** Resolution within eight business hours, whatever the priority. */
  private static SlaPolicy eightBusinessHours() {
    SlaPolicy.Builder policy = SlaPolicy.builder();
    for (Priority p : Priority.values()) {
      policy.target(SlaMetric.RESOLUTION, p, SlaTarget.onDefaultCalendar(Duration.ofHours(8)));
    }
    return policy.build();
  }

  @Test
  void aClockWithLittleBusinessTimeLeftIsNearlyBreachingAcrossTheWeekend() {
    // Friday 27 November 2026, 11:00 UTC: seven business hours left today, one on Monday
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-27T11:00:00Z"));
    InMemoryTicketStore store = new InMemoryTicketStore();
    try (Loopdesk desk =
        Loopdesk.builder()
            .store(store)
            .clock(clock)
            .calendar(office())
            .slaPolicy(eightBusinessHours())
            .withoutMonitor()
            .build()) {
      LiveDashboard dashboard =
          new LiveDashboard(store, desk.sla(), clock, ZoneId.of("UTC"), new DashboardProperties());
      Ticket ticket = new TicketFixtures(desk.desk()).openAndStep(1, 1);

      clock.set(Instant.parse("2026-11-27T12:00:00Z"));
      dashboard.refresh();
      assertThat(dashboard.snapshot(LiveDashboardClusterTest.ADMIN, DashboardFilter.all()).atRisk())
          .as("seven of eight business hours left")
          .isEmpty();

      clock.set(Instant.parse("2026-11-27T17:30:00Z"));
      dashboard.refresh();
      List<RiskRow> atRisk =
          dashboard.snapshot(LiveDashboardClusterTest.ADMIN, DashboardFilter.all()).atRisk();
      assertThat(atRisk)
          .as("1.5 of 8 business hours left (under the default 25 percent), deadline Monday 10:00")
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.ticketId()).isEqualTo(ticket.id().value());
                assertThat(row.metric()).isEqualTo("RESOLUTION");
                assertThat(row.breached()).isFalse();
                assertThat(Instant.ofEpochMilli(row.deadlineMillis()))
                    .isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
              });

      clock.set(Instant.parse("2026-11-30T10:00:01Z"));
      dashboard.refresh();
      assertThat(dashboard.snapshot(LiveDashboardClusterTest.ADMIN, DashboardFilter.all()).atRisk())
          .singleElement()
          .satisfies(row -> assertThat(row.breached()).isTrue());
    }
  }
}
