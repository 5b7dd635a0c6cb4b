package io.loopdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the Erlang C and Erlang A models over a wide range of loads. */
class ErlangCProperties {

  @Property(tries = 300)
  void moreAgentsNeverWaitMoreNorServeWorse(
      @ForAll @DoubleRange(min = 0.01, max = 2000) double calls,
      @ForAll @IntRange(min = 10, max = 900) int handleSeconds,
      @ForAll @IntRange(min = 1, max = 600) int agents,
      @ForAll @IntRange(min = 0, max = 120) int answerWithin) {
    ErlangC model = ErlangC.of(calls, Duration.ofMinutes(30), Duration.ofSeconds(handleSeconds));
    Duration t = Duration.ofSeconds(answerWithin);
    double pw = model.probabilityOfWaiting(agents);
    assertThat(pw).isBetween(0.0, 1.0);
    assertThat(model.probabilityOfWaiting(agents + 1)).isLessThanOrEqualTo(pw + 1e-12);
    assertThat(model.serviceLevel(agents + 1, t))
        .isGreaterThanOrEqualTo(model.serviceLevel(agents, t) - 1e-12);
    assertThat(model.serviceLevel(agents, t.plusSeconds(5)))
        .isGreaterThanOrEqualTo(model.serviceLevel(agents, t) - 1e-12);
    assertThat(model.serviceLevel(agents, t)).isBetween(0.0, 1.0);
    assertThat(ErlangC.erlangB(agents, model.erlangs())).isBetween(0.0, pw + 1e-12);
  }

  @Property(tries = 200)
  void requiredAgentsAreTheFewestThatMeetTheTarget(
      @ForAll @DoubleRange(min = 0.5, max = 3000) double calls,
      @ForAll @IntRange(min = 10, max = 900) int handleSeconds,
      @ForAll @DoubleRange(min = 0.5, max = 0.99) double share,
      @ForAll @IntRange(min = 0, max = 60) int answerWithin) {
    ErlangC model = ErlangC.of(calls, Duration.ofMinutes(30), Duration.ofSeconds(handleSeconds));
    ServiceTarget target = ServiceTarget.of(share, Duration.ofSeconds(answerWithin));
    int n = model.requiredAgents(target);
    assertThat(n).isGreaterThan((int) Math.floor(model.erlangs()) - 0);
    assertThat(model.meets(n, target)).isTrue();
    if (n > 1) {
      assertThat(model.meets(n - 1, target)).isFalse();
    }
  }

  @Property(tries = 150)
  void erlangAMoreAgentsAbandonLessAndServeBetterAndSharesAddUp(
      @ForAll @DoubleRange(min = 0.5, max = 800) double calls,
      @ForAll @IntRange(min = 30, max = 600) int handleSeconds,
      @ForAll @IntRange(min = 10, max = 1800) int patienceSeconds,
      @ForAll @IntRange(min = 1, max = 150) int agents) {
    ErlangA model =
        ErlangA.of(
            calls,
            Duration.ofMinutes(30),
            Duration.ofSeconds(handleSeconds),
            Duration.ofSeconds(patienceSeconds));
    Duration t = Duration.ofSeconds(20);
    AbandonmentFigures f = model.figures(agents, t);
    AbandonmentFigures more = model.figures(agents + 1, t);
    assertThat(f.probabilityOfAbandoning()).isBetween(0.0, f.probabilityOfWaiting() + 1e-9);
    assertThat(f.serviceLevel()).isBetween(0.0, 1 - f.probabilityOfAbandoning() + 1e-9);
    assertThat(more.probabilityOfAbandoning())
        .isLessThanOrEqualTo(f.probabilityOfAbandoning() + 1e-9);
    assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(f.serviceLevel() - 1e-9);
    assertThat(f.occupancy()).isBetween(0.0, 1.0);
  }
}
