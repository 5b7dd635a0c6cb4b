package io.loopdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Erlang A against a discrete-event simulation of the M/M/n+M queue with exponential patience
 * ({@link MmcQueueSimulation#runWithAbandonment}), 4 replications of 500,000 calls per case; and
 * its limit without abandonment against Erlang C. Tolerances: 0.01 absolute on the shares, 5 % (at
 * least 0.5 s) on the waits.
 */
class ErlangAAgreementTest {
  record Case(
      String name,
      double arrivals,
      Duration aht,
      Duration patience,
      int agents,
      Duration answerWithin) {}

  static final Case[] CASES = {
    new Case(
        "100/30min AHT 180s patience 120s, 11 agents",
        100,
        Duration.ofSeconds(180),
        Duration.ofSeconds(120),
        11,
        Duration.ofSeconds(20)),
    new Case(
        "100/30min AHT 180s patience 60s, 9 agents (overloaded)",
        100,
        Duration.ofSeconds(180),
        Duration.ofSeconds(60),
        9,
        Duration.ofSeconds(20)),
    new Case(
        "360/30min AHT 4min patience 3min, 52 agents",
        360,
        Duration.ofMinutes(4),
        Duration.ofMinutes(3),
        52,
        Duration.ofSeconds(15)),
    new Case(
        "1500/30min AHT 4min patience 2min, 190 agents (overloaded)",
        1500,
        Duration.ofMinutes(4),
        Duration.ofMinutes(2),
        190,
        Duration.ofSeconds(15)),
    new Case(
        "20/30min AHT 5min patience 10min, 4 agents",
        20,
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        4,
        Duration.ofSeconds(30)),
  };

  @Test
  void formulasAgreeWithTheSimulatedQueueWithAbandonment() {
    long seed = 99;
    for (Case c : CASES) {
      ErlangA model = ErlangA.of(c.arrivals(), Duration.ofMinutes(30), c.aht(), c.patience());
      AbandonmentFigures f = model.figures(c.agents(), c.answerWithin());
      double[] sums = new double[5];
      int replications = 4;
      for (int r = 0; r < replications; r++) {
        MmcQueueSimulation.MeasuredWithAbandonment m =
            MmcQueueSimulation.runWithAbandonment(
                c.arrivals() / 1800.0,
                c.aht().toSeconds(),
                c.patience().toSeconds(),
                c.agents(),
                c.answerWithin().toSeconds(),
                500_000,
                seed++);
        sums[0] += m.waitedShare() / replications;
        sums[1] += m.abandonedShare() / replications;
        sums[2] += m.answeredInTimeShare() / replications;
        sums[3] += m.averageSpeedOfAnswerSeconds() / replications;
        sums[4] += m.averageWaitSeconds() / replications;
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-58s A=%.1f n=%d | P(wait) %.4f vs %.4f | P(abandon) %.4f vs %.4f | SL %.4f vs %.4f | ASA %.2f vs %.2f s | wait %.2f vs %.2f s",
              c.name(),
              f.erlangs(),
              c.agents(),
              f.probabilityOfWaiting(),
              sums[0],
              f.probabilityOfAbandoning(),
              sums[1],
              f.serviceLevel(),
              sums[2],
              f.averageSpeedOfAnswerSeconds(),
              sums[3],
              f.averageWaitSeconds(),
              sums[4]));
      assertThat(sums[0])
          .as(c.name() + " P(wait)")
          .isCloseTo(f.probabilityOfWaiting(), within(0.01));
      assertThat(sums[1])
          .as(c.name() + " P(abandon)")
          .isCloseTo(f.probabilityOfAbandoning(), within(0.01));
      assertThat(sums[2]).as(c.name() + " service level").isCloseTo(f.serviceLevel(), within(0.01));
      assertThat(sums[3])
          .as(c.name() + " ASA")
          .isCloseTo(
              f.averageSpeedOfAnswerSeconds(),
              within(Math.max(0.5, 0.05 * f.averageSpeedOfAnswerSeconds())));
      assertThat(sums[4])
          .as(c.name() + " wait")
          .isCloseTo(f.averageWaitSeconds(), within(Math.max(0.5, 0.05 * f.averageWaitSeconds())));
    }
  }

  @Test
  void withEndlessPatienceItBecomesErlangC() {
    Duration year = Duration.ofDays(365);
    for (int[] c : new int[][] {{100, 180, 14}, {100, 180, 12}, {360, 240, 55}, {1500, 240, 215}}) {
      ErlangC erlangC = ErlangC.of(c[0], Duration.ofMinutes(30), Duration.ofSeconds(c[1]));
      AbandonmentFigures a =
          ErlangA.of(c[0], Duration.ofMinutes(30), Duration.ofSeconds(c[1]), year)
              .figures(c[2], Duration.ofSeconds(15));
      assertThat(a.probabilityOfWaiting())
          .isCloseTo(erlangC.probabilityOfWaiting(c[2]), within(1e-4));
      assertThat(a.serviceLevel())
          .isCloseTo(erlangC.serviceLevel(c[2], Duration.ofSeconds(15)), within(1e-4));
      assertThat(a.averageSpeedOfAnswerSeconds())
          .isCloseTo(erlangC.averageSpeedOfAnswerSeconds(c[2]), within(0.01));
      assertThat(a.probabilityOfAbandoning()).isLessThan(1e-4);
    }
  }

  @Test
  void abandonmentMakesFewerAgentsMeetTheTargetThanErlangCSays() {
    ServiceTarget target = ServiceTarget.of(0.80, Duration.ofSeconds(20));
    int c = ErlangC.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180)).requiredAgents(target);
    ErlangA model =
        ErlangA.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180), Duration.ofSeconds(60));
    int a = model.requiredAgents(target);
    assertThat(a).isLessThanOrEqualTo(c);
    assertThat(model.figures(a, Duration.ofSeconds(20)).serviceLevel())
        .isGreaterThanOrEqualTo(0.80);
    assertThat(model.figures(a - 1, Duration.ofSeconds(20)).serviceLevel()).isLessThan(0.80);
    assertThat(
            ErlangA.of(0, Duration.ofMinutes(30), Duration.ofSeconds(180), Duration.ofSeconds(60))
                .requiredAgents(target))
        .isZero();
  }

  @Test
  void badInputIsRejectedNamingTheField() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ErlangA.of(10, Duration.ofMinutes(30), Duration.ofSeconds(180), Duration.ZERO))
        .hasMessageContaining("averagePatience");
    ErlangA model =
        ErlangA.of(10, Duration.ofMinutes(30), Duration.ofSeconds(180), Duration.ofSeconds(60));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> model.figures(0, Duration.ofSeconds(15)))
        .hasMessageContaining("agents");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> model.figures(2, Duration.ofSeconds(-1)))
        .hasMessageContaining("answerWithin");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.requiredAgents(null))
        .hasMessageContaining("target");
  }
}
