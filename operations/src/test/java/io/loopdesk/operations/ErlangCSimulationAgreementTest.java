package io.loopdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Erlang C against a discrete-event simulation of the M/M/c queue it models ({@link
 * MmcQueueSimulation}), the mean of 6 independent replications of 1,000,000 measured calls per
 * case, fixed seeds. Tolerances: 0.01 absolute on the probability of waiting, the service level and
 * the occupancy; 5 % relative (or 0.5 s) on the average speed of answer and the mean wait of those
 * who wait. The measured differences are printed and recorded in BENCHMARKS.md.
 */
class ErlangCSimulationAgreementTest {
  static final long CALLS = 1_000_000;
  static final int REPLICATIONS = 6;

  record Case(
      String name,
      double arrivals,
      Duration interval,
      Duration aht,
      int agents,
      Duration answerWithin) {}

  static final Case[] CASES = {
    new Case(
        "helper 100/30min AHT 180s, 14 agents",
        100,
        Duration.ofMinutes(30),
        Duration.ofSeconds(180),
        14,
        Duration.ofSeconds(20)),
    new Case(
        "helper 100/30min AHT 180s, 12 agents",
        100,
        Duration.ofMinutes(30),
        Duration.ofSeconds(180),
        12,
        Duration.ofSeconds(20)),
    new Case(
        "textbook 1/min AHT 3min, 5 agents",
        1,
        Duration.ofMinutes(1),
        Duration.ofMinutes(3),
        5,
        Duration.ofSeconds(15)),
    new Case(
        "tutorial 360/30min AHT 4min, 55 agents",
        360,
        Duration.ofMinutes(30),
        Duration.ofMinutes(4),
        55,
        Duration.ofSeconds(15)),
    new Case(
        "large 1500/30min AHT 4min, 210 agents",
        1500,
        Duration.ofMinutes(30),
        Duration.ofMinutes(4),
        210,
        Duration.ofSeconds(15)),
  };

  @Test
  void formulasAgreeWithTheSimulatedQueue() {
    long seed = 20261128;
    for (Case c : CASES) {
      ErlangC model = ErlangC.of(c.arrivals(), c.interval(), c.aht());
      QueueFigures f = model.figures(c.agents(), c.answerWithin());
      MmcQueueSimulation.Measured m =
          MmcQueueSimulation.replicate(
              model.arrivalsPerSecond(),
              model.handleSeconds(),
              c.agents(),
              c.answerWithin().toSeconds(),
              CALLS,
              REPLICATIONS,
              seed);
      seed += REPLICATIONS;
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-40s A=%.1f n=%d | P(wait) %.4f vs %.4f | SL %.4f vs %.4f | ASA %.2f vs %.2f s | wait|queued %.1f vs %.1f s | occ %.4f vs %.4f",
              c.name(),
              f.erlangs(),
              c.agents(),
              f.probabilityOfWaiting(),
              m.waitedShare(),
              f.serviceLevel(),
              m.serviceLevel(),
              f.averageSpeedOfAnswerSeconds(),
              m.averageWaitSeconds(),
              f.expectedWaitWhenQueuedSeconds(),
              m.averageWaitOfWaitingSeconds(),
              f.occupancy(),
              m.occupancy()));
      assertThat(m.waitedShare())
          .as(c.name() + " P(wait)")
          .isCloseTo(f.probabilityOfWaiting(), within(0.01));
      assertThat(m.serviceLevel())
          .as(c.name() + " service level")
          .isCloseTo(f.serviceLevel(), within(0.01));
      assertThat(m.occupancy()).as(c.name() + " occupancy").isCloseTo(f.occupancy(), within(0.01));
      assertThat(m.averageWaitSeconds())
          .as(c.name() + " ASA")
          .isCloseTo(
              f.averageSpeedOfAnswerSeconds(),
              within(Math.max(0.5, 0.05 * f.averageSpeedOfAnswerSeconds())));
      assertThat(m.averageWaitOfWaitingSeconds())
          .as(c.name() + " wait of queued")
          .isCloseTo(
              f.expectedWaitWhenQueuedSeconds(),
              within(Math.max(0.5, 0.05 * f.expectedWaitWhenQueuedSeconds())));
    }
  }

  /**
   * The required agents really meet the target in the simulation, and one agent fewer really misses
   * it.
   */
  @Test
  void requiredAgentsMeetTheHandbookTargetInSimulationAndOneFewerDoesNot() {
    ErlangC model = ErlangC.of(150, Duration.ofMinutes(30), Duration.ofSeconds(240));
    int n = model.requiredAgents(ServiceTarget.HANDBOOK);
    double met =
        MmcQueueSimulation.replicate(
                model.arrivalsPerSecond(), model.handleSeconds(), n, 15, CALLS, 3, 7)
            .serviceLevel();
    double missed =
        MmcQueueSimulation.replicate(
                model.arrivalsPerSecond(), model.handleSeconds(), n - 1, 15, CALLS, 3, 17)
            .serviceLevel();
    System.out.println(
        String.format(
            Locale.ROOT,
            "150 calls/30 min, AHT 240 s: %d agents for 85%% in 15 s; simulated %.4f with %d, %.4f with %d",
            n,
            met,
            n,
            missed,
            n - 1));
    assertThat(met).isGreaterThanOrEqualTo(0.85 - 0.005);
    assertThat(missed).isLessThan(0.85);
  }
}
