package io.loopdesk.operations;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of the M/M/c queue Erlang C describes: Poisson arrivals, exponential
 * handling times, {@code c} agents, one first-come-first-served queue, nobody abandons. With FCFS a
 * caller's wait is the time until the earliest agent becomes free, so the agents' next free
 * instants in a min-heap are the whole state. Test support only.
 */
final class MmcQueueSimulation {
  /** What a run with abandonment measured; shares are of all measured callers. */
  record MeasuredWithAbandonment(
      long calls,
      double waitedShare,
      double abandonedShare,
      double answeredInTimeShare,
      double averageSpeedOfAnswerSeconds,
      double averageWaitSeconds) {}

  /**
   * Runs the M/M/n+M queue: like {@link #run}, and each caller hangs up after an exponential
   * patience. With FCFS a caller's offered wait is still the time until the earliest agent is free
   * for them; a caller whose patience is shorter leaves without taking an agent, so the earlier
   * callers alone decide every later caller's offered wait.
   *
   * @param arrivalsPerSecond the arrival rate
   * @param handleSeconds the mean handling time
   * @param patienceSeconds the mean patience
   * @param agents the agents
   * @param answerWithinSeconds the service-level threshold
   * @param calls calls to measure after {@code calls / 10} warm-up calls
   * @param seed the random seed
   * @return the measured figures
   */
  static MeasuredWithAbandonment runWithAbandonment(
      double arrivalsPerSecond,
      double handleSeconds,
      double patienceSeconds,
      int agents,
      double answerWithinSeconds,
      long calls,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PriorityQueue<Double> freeAt = new PriorityQueue<>();
    for (int i = 0; i < agents; i++) {
      freeAt.add(0.0);
    }
    long warmUp = calls / 10;
    double now = 0;
    long waited = 0;
    long abandoned = 0;
    long inTime = 0;
    double answeredWait = 0;
    double allWait = 0;
    for (long i = 0; i < warmUp + calls; i++) {
      now += -Math.log(1 - random.nextDouble()) / arrivalsPerSecond;
      double patience = -Math.log(1 - random.nextDouble()) * patienceSeconds;
      double handle = -Math.log(1 - random.nextDouble()) * handleSeconds;
      double offered = Math.max(0, freeAt.peek() - now);
      boolean answers = offered <= patience;
      if (answers) {
        freeAt.add(Math.max(now, freeAt.poll()) + handle);
      }
      if (i >= warmUp) {
        if (offered > 0) {
          waited++;
        }
        if (answers) {
          answeredWait += offered;
          allWait += offered;
          if (offered <= answerWithinSeconds) {
            inTime++;
          }
        } else {
          abandoned++;
          allWait += patience;
        }
      }
    }
    long answered = calls - abandoned;
    return new MeasuredWithAbandonment(
        calls,
        (double) waited / calls,
        (double) abandoned / calls,
        (double) inTime / calls,
        answered == 0 ? 0 : answeredWait / answered,
        allWait / calls);
  }

  /** What a run measured. */
  record Measured(
      long calls,
      double waitedShare,
      double serviceLevel,
      double averageWaitSeconds,
      double averageWaitOfWaitingSeconds,
      double occupancy) {}

  private MmcQueueSimulation() {}

  /**
   * Runs independent replications and averages their figures: near full load, waits are strongly
   * correlated from one call to the next, so independent runs estimate the mean far better than one
   * long run.
   *
   * @param arrivalsPerSecond the arrival rate
   * @param handleSeconds the mean handling time
   * @param agents the agents
   * @param answerWithinSeconds the service-level threshold
   * @param calls calls per replication
   * @param replications the number of replications
   * @param seed the seed of the first replication; the others use the following seeds
   * @return the averaged figures
   */
  static Measured replicate(
      double arrivalsPerSecond,
      double handleSeconds,
      int agents,
      double answerWithinSeconds,
      long calls,
      int replications,
      long seed) {
    double[] sums = new double[5];
    for (int r = 0; r < replications; r++) {
      Measured m =
          run(arrivalsPerSecond, handleSeconds, agents, answerWithinSeconds, calls, seed + r);
      sums[0] += m.waitedShare();
      sums[1] += m.serviceLevel();
      sums[2] += m.averageWaitSeconds();
      sums[3] += m.averageWaitOfWaitingSeconds();
      sums[4] += m.occupancy();
    }
    return new Measured(
        calls * replications,
        sums[0] / replications,
        sums[1] / replications,
        sums[2] / replications,
        sums[3] / replications,
        sums[4] / replications);
  }

  /**
   * Runs the queue.
   *
   * @param arrivalsPerSecond the arrival rate
   * @param handleSeconds the mean handling time
   * @param agents the agents
   * @param answerWithinSeconds the service-level threshold
   * @param calls calls to measure, after {@code calls / 10} warm-up calls
   * @param seed the random seed
   * @return the measured figures
   */
  static Measured run(
      double arrivalsPerSecond,
      double handleSeconds,
      int agents,
      double answerWithinSeconds,
      long calls,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PriorityQueue<Double> freeAt = new PriorityQueue<>();
    for (int i = 0; i < agents; i++) {
      freeAt.add(0.0);
    }
    long warmUp = calls / 10;
    double now = 0;
    long waited = 0;
    long inTime = 0;
    double waitSum = 0;
    double busy = 0;
    double measuredFrom = 0;
    for (long i = 0; i < warmUp + calls; i++) {
      now += -Math.log(1 - random.nextDouble()) / arrivalsPerSecond;
      if (i == warmUp) {
        measuredFrom = now;
      }
      double free = freeAt.poll();
      double start = Math.max(now, free);
      double handle = -Math.log(1 - random.nextDouble()) * handleSeconds;
      freeAt.add(start + handle);
      if (i >= warmUp) {
        double wait = start - now;
        waitSum += wait;
        if (wait > 0) {
          waited++;
        }
        if (wait <= answerWithinSeconds) {
          inTime++;
        }
        busy += handle;
      }
    }
    double span = now - measuredFrom;
    return new Measured(
        calls,
        (double) waited / calls,
        (double) inTime / calls,
        waitSum / calls,
        waited == 0 ? 0 : waitSum / waited,
        busy / (span * agents));
  }
}
