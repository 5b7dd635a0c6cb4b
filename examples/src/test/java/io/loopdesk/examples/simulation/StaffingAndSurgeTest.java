package io.loopdesk.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.insights.SlaResultCounts;
import io.loopdesk.routing.SurgeState;
import io.loopdesk.routing.SurgeSwitch;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run, staffed with Erlang C, meets the handbook's standards on most days and agrees
 * with Erlang C's predicted service level; the surge day puts the surge plan and the public-opinion
 * fast lane to work.
 */
class StaffingAndSurgeTest {
  @TempDir Path dir;

  @Test
  void theDefaultRunMeetsTheHandbooksStandardsOnMostDays() {
    SimulationResult r =
        new ServiceSimulation(SimulationOptions.parse("--out", dir.toString(), "--no-progress"))
            .run(null);
    for (Standards d : r.daily()) {
      System.out.println(
          String.format(
              Locale.ROOT,
              "%s tickets %d answered in 15 s %.3f (%d/%d/%d) satisfied %.3f resolution %.3f QA %.1f %s",
              d.period(),
              d.tickets(),
              d.firstResponseAttainment().orElse(Double.NaN),
              d.firstResponse().met(),
              d.firstResponse().metLate(),
              d.firstResponse().breached(),
              d.satisfiedRate().orElse(Double.NaN),
              d.firstContactResolution().orElse(Double.NaN),
              d.qaScore().orElse(Double.NaN),
              d.meetsAll() ? "all met" : "NOT all met"));
    }
    assertThat(r.daily()).hasSize(14);
    assertThat(r.daily().stream().filter(Standards::meetsAll).count())
        .as("days meeting every standard")
        .isGreaterThanOrEqualTo(10);
    assertThat(r.daily())
        .allSatisfy(
            d ->
                assertThat(d.firstResponseAttainment().orElseThrow()).isGreaterThanOrEqualTo(0.85));
    assertThat((long) r.escalations())
        .as("escalations are the exception")
        .isLessThan(r.kpis().overall().tickets() / 10);
    assertThat(r.surge()).isNull();
    assertThat(r.weekly()).as("two weeks from Monday 28 September").hasSize(2);
    assertThat(r.improvementPlans()).hasSize(3);
  }

  @Test
  void erlangCPredictsTheMeasuredServiceLevel() {
    SimulationResult r =
        new ServiceSimulation(new SimulationOptions(28, 500, 60, 42, dir, false)).run(null);
    List<IntervalPoint> staffed =
        r.intervals().stream()
            .filter(i -> i.answered() > 0 && i.start().toLocalTime().isAfter(LocalTime.of(8, 30)))
            .toList();
    long answered = staffed.stream().mapToLong(IntervalPoint::answered).sum();
    long inTime = staffed.stream().mapToLong(IntervalPoint::answeredInTime).sum();
    double predicted =
        staffed.stream().mapToDouble(i -> i.predictedServiceLevel() * i.answered()).sum()
            / answered;
    double measured = (double) inTime / answered;
    System.out.println(
        String.format(
            Locale.ROOT,
            "all %d half hours from 08:30: predicted %.4f measured %.4f over %d contacts",
            staffed.size(),
            predicted,
            measured,
            answered));
    for (int agents = 1; agents <= 12; agents++) {
      int a = agents;
      List<IntervalPoint> group = staffed.stream().filter(i -> i.agentsOnDuty() == a).toList();
      long n = group.stream().mapToLong(IntervalPoint::answered).sum();
      if (n >= 200) {
        System.out.println(
            String.format(
                Locale.ROOT,
                "%2d agents: %4d half hours, %6d contacts, predicted %.4f measured %.4f",
                a,
                group.size(),
                n,
                group.stream().mapToDouble(i -> i.predictedServiceLevel() * i.answered()).sum() / n,
                (double) group.stream().mapToLong(IntervalPoint::answeredInTime).sum() / n));
      }
    }
    assertThat(answered).isGreaterThan(10_000);
    assertThat(Math.abs(measured - predicted)).as("measured against Erlang C").isLessThan(0.03);
  }

  @Test
  void theSurgeDayEntersAndLeavesSurgeOverflowsCoreTicketsAndDefersTheRest() {
    SimulationResult r =
        new ServiceSimulation(new SimulationOptions(3, 120, 16, 42, dir, false, true)).run(null);
    SurgeDay s = r.surge();
    assertThat(s).isNotNull();
    List<SurgeSwitch> switches = s.switches();
    assertThat(switches)
        .extracting(SurgeSwitch::to)
        .containsExactly(SurgeState.SURGE, SurgeState.NORMAL);
    SurgeSwitch entered = switches.get(0);
    assertThat(entered.at().atZone(ServiceSimulation.ZONE).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 9, 29));
    assertThat(entered.at().atZone(ServiceSimulation.ZONE).toLocalTime())
        .isBetween(LocalTime.of(10, 0), LocalTime.of(14, 0));
    assertThat(entered.load().share()).isGreaterThan(1.2);
    assertThat(entered.reason()).contains("above 120%");
    assertThat(switches.get(1).load().share()).isLessThan(1.0);
    assertThat(s.overflowed().values().stream().mapToInt(Integer::intValue).sum())
        .as("core tickets overflowed")
        .isPositive();
    assertThat(s.overflowed()).containsKeys("customer-service", "partner-callcenter");
    assertThat(s.deferred()).as("non-core tickets deferred").isPositive();
    assertThat(s.suggestions()).isNotEmpty();
    assertThat(s.waitMessages())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).contains("expected wait about"));
    assertThat(s.incident())
        .anySatisfy(m -> assertThat(m).contains("P0").contains("public-relations"))
        .anySatisfy(m -> assertThat(m).contains("first response MET"));
    SlaResultCounts firstResponse = r.kpis().slaResultsByTarget().get("FIRST_RESPONSE");
    assertThat(firstResponse.metLate()).as("met late counts apart from breached").isPositive();
    Standards surgeDay = r.daily().get(1);
    assertThat(surgeDay.firstResponse().metLate()).isPositive();
    assertThat(
            r.slaByTargetAndPriority().get("FIRST_RESPONSE").values().stream()
                .mapToLong(SlaResultCounts::metLate)
                .sum())
        .isEqualTo(firstResponse.metLate());
  }
}
