package io.loopdesk.operations;

import io.loopdesk.api.ValidationException;
import java.time.Duration;

/**
 * The Erlang C (M/M/c) queueing model of one interval: calls arrive at random (Poisson) at a
 * constant rate, handling times are exponential with the given mean, callers wait in one queue
 * served first come first served by {@code agents} identical agents, and nobody hangs up. Immutable
 * and thread-safe.
 *
 * <p>Every quantity is computed without factorials or powers: Erlang B by its recursion {@code B(0)
 * = 1, B(n) = A B(n-1) / (n + A B(n-1))}, then {@code C = n B / (n - A (1 - B))}, so the results
 * stay accurate for thousands of agents and hundreds of Erlangs.
 *
 * <p>With {@code agents <= A} (the offered load in Erlangs) the queue grows without bound: the
 * probability of waiting is 1, the service level 0, and waits are {@link Double#POSITIVE_INFINITY}.
 *
 * <p>Abandonment is not modelled here; with impatient customers the real service level is better
 * and the real answered volume lower than predicted. {@link ErlangA} models it.
 */
public final class ErlangC {
  /** The largest number of agents any method accepts. */
  public static final int MAX_AGENTS = 100_000;

  private final double arrivalsPerSecond;
  private final double handleSeconds;
  private final double erlangs;

  private ErlangC(double arrivalsPerSecond, double handleSeconds) {
    this.arrivalsPerSecond = arrivalsPerSecond;
    this.handleSeconds = handleSeconds;
    this.erlangs = arrivalsPerSecond * handleSeconds;
  }

  /**
   * Returns the model for a number of arrivals in an interval.
   *
   * @param arrivals expected arrivals in the interval, finite and at least 0
   * @param interval the interval's length, positive
   * @param averageHandleTime the mean handling time, positive
   * @return the model
   * @throws ValidationException naming the field if a value is out of range
   */
  public static ErlangC of(double arrivals, Duration interval, Duration averageHandleTime) {
    if (!(arrivals >= 0) || Double.isInfinite(arrivals) || arrivals > 1e9) {
      throw new ValidationException("arrivals", arrivals, "must be a finite number from 0 to 1e9");
    }
    double intervalSeconds = positiveSeconds("interval", interval);
    double handle = positiveSeconds("averageHandleTime", averageHandleTime);
    ErlangC model = new ErlangC(arrivals / intervalSeconds, handle);
    if (model.erlangs > MAX_AGENTS) {
      throw new ValidationException(
          "arrivals", arrivals, "offer more than " + MAX_AGENTS + " Erlangs of work");
    }
    return model;
  }

  /** Returns the offered load A in Erlangs: arrival rate times mean handling time. */
  public double erlangs() {
    return erlangs;
  }

  /** Returns the arrival rate per second. */
  public double arrivalsPerSecond() {
    return arrivalsPerSecond;
  }

  /** Returns the mean handling time in seconds. */
  public double handleSeconds() {
    return handleSeconds;
  }

  /**
   * Returns Erlang B, the blocking probability of {@code agents} servers without a queue under
   * {@code erlangs} of load, by the stable recursion.
   *
   * @param agents the servers, 0 to {@link #MAX_AGENTS}
   * @param erlangs the offered load, finite and at least 0
   * @return the blocking probability in [0, 1]
   */
  public static double erlangB(int agents, double erlangs) {
    checkAgents(agents, 0);
    if (!(erlangs >= 0) || Double.isInfinite(erlangs)) {
      throw new ValidationException("erlangs", erlangs, "must be a finite number of at least 0");
    }
    double b = 1.0;
    for (int n = 1; n <= agents; n++) {
      b = erlangs * b / (n + erlangs * b);
    }
    return b;
  }

  /**
   * Returns the probability that an arriving call has to wait (Erlang C).
   *
   * @param agents the agents, 1 to {@link #MAX_AGENTS}
   * @return the probability in [0, 1]; 1 if {@code agents <= A}
   */
  public double probabilityOfWaiting(int agents) {
    checkAgents(agents, 1);
    if (agents <= erlangs) {
      return 1.0;
    }
    double b = erlangB(agents, erlangs);
    return agents * b / (agents - erlangs * (1 - b));
  }

  /**
   * Returns the service level: the share of calls answered within {@code answerWithin}, {@code 1 -
   * C e^{-(n - A) t / AHT}}.
   *
   * @param agents the agents
   * @param answerWithin the answer-time target, at least 0
   * @return the share in [0, 1]; 0 if {@code agents <= A}
   */
  public double serviceLevel(int agents, Duration answerWithin) {
    double t = nonNegativeSeconds("answerWithin", answerWithin);
    if (agents <= erlangs) {
      checkAgents(agents, 1);
      return 0.0;
    }
    return 1 - probabilityOfWaiting(agents) * Math.exp(-(agents - erlangs) * t / handleSeconds);
  }

  /**
   * Returns the average speed of answer over all calls, {@code C AHT / (n - A)}, in seconds.
   *
   * @param agents the agents
   * @return the mean wait in seconds; infinite if {@code agents <= A}
   */
  public double averageSpeedOfAnswerSeconds(int agents) {
    double c = probabilityOfWaiting(agents);
    return agents <= erlangs ? Double.POSITIVE_INFINITY : c * handleSeconds / (agents - erlangs);
  }

  /**
   * Returns the mean wait of a call that has to wait, {@code AHT / (n - A)}, in seconds: the
   * expected wait to tell a customer who has just been queued when nothing else is known.
   *
   * @param agents the agents
   * @return the mean conditional wait in seconds; infinite if {@code agents <= A}
   */
  public double expectedWaitWhenQueuedSeconds(int agents) {
    checkAgents(agents, 1);
    return agents <= erlangs ? Double.POSITIVE_INFINITY : handleSeconds / (agents - erlangs);
  }

  /**
   * Returns the expected wait of a newly queued customer who sees {@code ahead} customers waiting
   * before them while all agents are busy: {@code (ahead + 1) AHT / n}, the mean time for {@code
   * ahead + 1} agents to become free when each of the {@code n} busy agents finishes at rate {@code
   * 1 / AHT}. Unlike {@link #expectedWaitWhenQueuedSeconds(int)} it uses the queue the customer
   * actually sees, and it holds whatever the load.
   *
   * @param agents the agents, all busy
   * @param ahead customers waiting before this one, at least 0
   * @return the expected wait in seconds
   */
  public double expectedWaitBehindSeconds(int agents, int ahead) {
    checkAgents(agents, 1);
    if (ahead < 0) {
      throw new ValidationException("ahead", ahead, "must be at least 0");
    }
    return (ahead + 1.0) * handleSeconds / agents;
  }

  /**
   * Returns the agents' occupancy, the share of their time spent handling calls: {@code A / n},
   * capped at 1.
   *
   * @param agents the agents
   * @return the occupancy in [0, 1]
   */
  public double occupancy(int agents) {
    checkAgents(agents, 1);
    return Math.min(1.0, erlangs / agents);
  }

  /**
   * Returns the fewest agents that meet a target: the service level and, if the target sets them,
   * the average speed of answer and the maximum occupancy.
   *
   * @param target the target
   * @return the agents, at least 1 (0 only when nothing arrives)
   * @throws ValidationException if no number up to {@link #MAX_AGENTS} meets the target
   */
  public int requiredAgents(ServiceTarget target) {
    if (target == null) {
      throw new ValidationException("target", null, "must not be null");
    }
    if (arrivalsPerSecond == 0) {
      return 0;
    }
    int n = Math.max(1, (int) Math.floor(erlangs) + 1);
    if (target.maxOccupancy() < 1) {
      n = Math.max(n, (int) Math.ceil(erlangs / target.maxOccupancy() - 1e-9));
    }
    for (; n <= MAX_AGENTS; n++) {
      if (meets(n, target)) {
        return n;
      }
    }
    throw new ValidationException(
        "target", target.toString(), "cannot be met by " + MAX_AGENTS + " agents");
  }

  /**
   * Returns whether {@code agents} meet the target.
   *
   * @param agents the agents
   * @param target the target
   * @return true if service level, average speed of answer and occupancy are all within it
   */
  public boolean meets(int agents, ServiceTarget target) {
    if (target == null) {
      throw new ValidationException("target", null, "must not be null");
    }
    return serviceLevel(agents, target.answerWithin()) >= target.share() - 1e-12
        && occupancy(agents) <= target.maxOccupancy() + 1e-12
        && target
            .maxAverageSpeedOfAnswer()
            .map(max -> averageSpeedOfAnswerSeconds(agents) <= max.toNanos() / 1e9)
            .orElse(true);
  }

  /**
   * Returns every figure of the model for a number of agents.
   *
   * @param agents the agents
   * @param answerWithin the answer time the service level is measured against
   * @return the figures
   */
  public QueueFigures figures(int agents, Duration answerWithin) {
    return new QueueFigures(
        agents,
        erlangs,
        probabilityOfWaiting(agents),
        serviceLevel(agents, answerWithin),
        averageSpeedOfAnswerSeconds(agents),
        expectedWaitWhenQueuedSeconds(agents),
        occupancy(agents));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "ErlangC[%.4f Erlangs, AHT %.1f s]", erlangs, handleSeconds);
  }

  private static void checkAgents(int agents, int min) {
    if (agents < min || agents > MAX_AGENTS) {
      throw new ValidationException(
          "agents", agents, "must be between " + min + " and " + MAX_AGENTS);
    }
  }

  static double positiveSeconds(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ValidationException(field, d, "must be a positive duration");
    }
    if (d.compareTo(Duration.ofDays(366)) > 0) {
      throw new ValidationException(field, d, "must be at most 366 days");
    }
    return d.toNanos() / 1e9;
  }

  static double nonNegativeSeconds(String field, Duration d) {
    if (d == null || d.isNegative()) {
      throw new ValidationException(field, d, "must be a duration of at least 0");
    }
    if (d.compareTo(Duration.ofDays(366)) > 0) {
      throw new ValidationException(field, d, "must be at most 366 days");
    }
    return d.toNanos() / 1e9;
  }
}
