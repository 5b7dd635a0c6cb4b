package io.loopdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loopdesk.api.ValidationException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Erlang B and C against published worked examples, tables and an exact textbook evaluation. */
class ErlangCWorkedExamplesTest {
  static final Duration HALF_HOUR = Duration.ofMinutes(30);

  /**
   * Call Centre Helper, "Erlang C Formula - Made Simple With an Easy Worked Example": 100 calls per
   * 30 minutes, AHT 180 s (A = 10 Erlangs), target 80 % answered within 20 s. The article gives a
   * probability of waiting of 68.21 % with 11 agents and needs 14 agents for the target (88.8 %
   * within 20 s, ASA about 8 s, occupancy 71.4 %).
   */
  @Test
  void callCentreHelperExample100CallsPerHalfHour180sAht80PercentIn20s() {
    ErlangC model = ErlangC.of(100, HALF_HOUR, Duration.ofSeconds(180));
    assertThat(model.erlangs()).isCloseTo(10.0, within(1e-12));
    assertThat(model.probabilityOfWaiting(11)).isCloseTo(0.6821, within(0.00005));
    assertThat(model.serviceLevel(11, Duration.ofSeconds(20))).isCloseTo(0.3896, within(0.0001));
    assertThat(model.serviceLevel(13, Duration.ofSeconds(20))).isCloseTo(0.7956, within(0.0001));
    ServiceTarget target = ServiceTarget.of(0.80, Duration.ofSeconds(20));
    assertThat(model.requiredAgents(target)).isEqualTo(14);
    assertThat(model.serviceLevel(14, Duration.ofSeconds(20))).isCloseTo(0.888, within(0.0005));
    assertThat(model.averageSpeedOfAnswerSeconds(14)).isCloseTo(7.84, within(0.01));
    assertThat(model.occupancy(14)).isCloseTo(0.714, within(0.0005));
    assertThat(model.requiredAgents(target.withMaxOccupancy(0.70)))
        .as("occupancy cap")
        .isEqualTo(15);
  }

  /**
   * The textbook M/M/5 exercise (e.g. tutorsglobe "minimum number of agents" problem): one call a
   * minute, 3 minutes per call, 5 agents. By hand: sum_{k<5} 3^k/k! = 131/8 and 3^5/5! * 5/(5-3) =
   * 81/16, so C = (81/16) / (131/8 + 81/16) = 81/343; 1 - C of the customers do not wait.
   */
  @Test
  void textbookFiveAgentsThreeErlangsWaitProbabilityIs81Over343() {
    ErlangC model = ErlangC.of(1, Duration.ofMinutes(1), Duration.ofMinutes(3));
    assertThat(model.probabilityOfWaiting(5)).isCloseTo(81.0 / 343, within(1e-12));
    assertThat(model.averageSpeedOfAnswerSeconds(5)).isCloseTo(81.0 / 343 * 180 / 2, within(1e-9));
    assertThat(model.expectedWaitWhenQueuedSeconds(5)).isCloseTo(90.0, within(1e-9));
    assertThat(model.requiredAgents(ServiceTarget.of(0.45, Duration.ZERO)))
        .as("C(4) = 0.509, so 4 agents let 49 % through at once")
        .isEqualTo(4);
  }

  /**
   * Published Erlang B tables: 1 % blocking is reached at 4.46 Erlangs on 10 lines and 84.06
   * Erlangs on 100 lines.
   */
  @Test
  void erlangBMatchesTheOnePercentColumnOfPublishedTables() {
    assertThat(ErlangC.erlangB(10, 4.46)).isCloseTo(0.01, within(0.0002));
    assertThat(ErlangC.erlangB(100, 84.06)).isCloseTo(0.01, within(0.0002));
    assertThat(ErlangC.erlangB(0, 3.0)).isEqualTo(1.0);
    assertThat(ErlangC.erlangB(5, 0.0)).isEqualTo(0.0);
  }

  /**
   * The example of the "Erlang-C formula" tutorials (360 calls per half hour, 4 minutes per call,
   * 55 agents, 15 s target; A = 48 Erlangs), and loads of hundreds of agents, against the textbook
   * formula evaluated exactly with factorials in BigDecimal.
   */
  @Test
  void recursionAgreesWithTheFactorialFormulaEvaluatedExactlyUpToHundredsOfAgents() {
    ErlangC tutorial = ErlangC.of(360, HALF_HOUR, Duration.ofMinutes(4));
    assertThat(tutorial.erlangs()).isCloseTo(48.0, within(1e-9));
    assertThat(tutorial.probabilityOfWaiting(55)).isCloseTo(exactErlangC(55, 48), within(1e-12));
    assertThat(tutorial.probabilityOfWaiting(55)).isCloseTo(0.2387, within(0.00005));
    assertThat(tutorial.serviceLevel(55, Duration.ofSeconds(15))).isCloseTo(0.8459, within(0.0001));
    assertThat(tutorial.averageSpeedOfAnswerSeconds(55)).isCloseTo(8.18, within(0.01));
    int[][] cases = {{120, 100}, {300, 280}, {700, 650}, {1500, 1460}};
    for (int[] c : cases) {
      ErlangC big = ErlangC.of(c[1], Duration.ofHours(1), Duration.ofHours(1));
      assertThat(big.probabilityOfWaiting(c[0]))
          .as("C(%d, %d)", c[0], c[1])
          .isCloseTo(exactErlangC(c[0], c[1]), within(1e-10));
    }
  }

  @Test
  void overloadedIntervalsHaveCertainWaitsAndNoServiceLevel() {
    ErlangC model = ErlangC.of(100, HALF_HOUR, Duration.ofSeconds(180));
    assertThat(model.probabilityOfWaiting(10)).isEqualTo(1.0);
    assertThat(model.serviceLevel(9, Duration.ofSeconds(20))).isZero();
    assertThat(model.averageSpeedOfAnswerSeconds(10)).isInfinite();
    assertThat(ExpectedWait.whenQueued(model, 10).describe())
        .isEqualTo("expected wait cannot be estimated now");
    assertThat(model.occupancy(5)).isEqualTo(1.0);
  }

  @Test
  void expectedWaitIsToldInWholeMinutes() {
    ErlangC model = ErlangC.of(100, HALF_HOUR, Duration.ofSeconds(180));
    assertThat(ExpectedWait.whenQueued(model, 11).describe())
        .isEqualTo("expected wait about 3 minutes");
    assertThat(ExpectedWait.behind(model, 12, 9).describe())
        .isEqualTo("expected wait about 3 minutes");
    assertThat(ExpectedWait.behind(model, 12, 0).describe())
        .isEqualTo("expected wait under 1 minute");
    assertThat(new ExpectedWait(95).describe()).isEqualTo("expected wait about 2 minutes");
    assertThat(new ExpectedWait(60).describe()).isEqualTo("expected wait about 1 minute");
  }

  @Test
  void badInputIsRejectedNamingTheField() {
    assertThatThrownBy(() -> ErlangC.of(-1, HALF_HOUR, Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("arrivals");
    assertThatThrownBy(() -> ErlangC.of(Double.NaN, HALF_HOUR, Duration.ofSeconds(1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ErlangC.of(1, Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> ErlangC.of(1, HALF_HOUR, null))
        .hasMessageContaining("averageHandleTime");
    assertThatThrownBy(() -> ErlangC.of(1e9, Duration.ofSeconds(1), Duration.ofDays(1)))
        .hasMessageContaining("Erlangs");
    ErlangC model = ErlangC.of(1, HALF_HOUR, Duration.ofSeconds(60));
    assertThatThrownBy(() -> model.probabilityOfWaiting(0)).hasMessageContaining("agents");
    assertThatThrownBy(() -> model.serviceLevel(3, Duration.ofSeconds(-1)))
        .hasMessageContaining("answerWithin");
    assertThatThrownBy(() -> model.expectedWaitBehindSeconds(3, -1)).hasMessageContaining("ahead");
    assertThatThrownBy(() -> ServiceTarget.of(1.0, Duration.ofSeconds(15)))
        .hasMessageContaining("share");
    assertThat(
            ErlangC.of(0, HALF_HOUR, Duration.ofSeconds(60)).requiredAgents(ServiceTarget.HANDBOOK))
        .isZero();
  }

  /** Erlang C by the factorial formula, in 60-digit decimal arithmetic. */
  static double exactErlangC(int n, int a) {
    MathContext mc = new MathContext(60);
    BigDecimal big = BigDecimal.valueOf(a);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < n; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(big, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal top = term.multiply(BigDecimal.valueOf(n), mc).divide(BigDecimal.valueOf(n - a), mc);
    return top.divide(sum.add(top, mc), mc).doubleValue();
  }
}
