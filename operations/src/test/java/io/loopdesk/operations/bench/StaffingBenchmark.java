package io.loopdesk.operations.bench;

import io.loopdesk.operations.ErlangA;
import io.loopdesk.operations.ErlangC;
import io.loopdesk.operations.ServiceTarget;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Staffing one week of 30-minute intervals (336) of a large desk: up to 1,500 calls per interval at
 * 4 minutes (200 Erlangs at the peak), for 85 % within 15 s. Baseline: one Erlang B recursion per
 * interval at the peak's agent count, the least any Erlang computation must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class StaffingBenchmark {
  private static final Duration HALF_HOUR = Duration.ofMinutes(30);
  private static final Duration AHT = Duration.ofMinutes(4);
  private static final double[] WEEK = new double[336];

  static {
    for (int i = 0; i < WEEK.length; i++) {
      int slot = i % 48;
      double shape = slot >= 16 && slot < 44 ? (slot >= 20 && slot < 34 ? 1.0 : 0.6) : 0.03;
      WEEK[i] = 1500 * shape * (i / 48 >= 5 ? 0.6 : 1.0);
    }
  }

  /** Baseline: Erlang B at 215 agents for each interval's load. */
  @Benchmark
  public double baselineErlangBPerInterval() {
    double sum = 0;
    for (double calls : WEEK) {
      sum += ErlangC.erlangB(215, calls * 240 / 1800);
    }
    return sum;
  }

  /** Required agents with Erlang C for every interval of the week. */
  @Benchmark
  public int erlangCWeek() {
    int sum = 0;
    for (double calls : WEEK) {
      sum += ErlangC.of(calls, HALF_HOUR, AHT).requiredAgents(ServiceTarget.HANDBOOK);
    }
    return sum;
  }

  /** Required agents with Erlang A (patience 2 minutes) for every interval of the week. */
  @Benchmark
  public int erlangAWeek() {
    int sum = 0;
    for (double calls : WEEK) {
      sum +=
          ErlangA.of(calls, HALF_HOUR, AHT, Duration.ofMinutes(2))
              .requiredAgents(ServiceTarget.HANDBOOK);
    }
    return sum;
  }
}
