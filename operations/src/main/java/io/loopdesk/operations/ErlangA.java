package io.loopdesk.operations;

import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.Locale;

/**
 * The Erlang A (M/M/n+M) model of one interval: like {@link ErlangC}, but callers hang up when
 * their patience, exponential with mean {@code averagePatience}, runs out before an agent answers.
 * Unlike Erlang C it stays meaningful when the agents cannot keep up: the queue is held in check by
 * those who abandon. Immutable and thread-safe.
 *
 * <p>The stationary distribution of the birth-death chain is computed in log space (the part with
 * free agents through the Erlang B recursion, the queue part term by term until it is negligible),
 * so hundreds of agents and heavy overload are fine. The waiting time of a caller who finds {@code
 * k} callers ahead is a chain of exponential stages (the queue ahead shrinks by service and by
 * their abandonment while the caller's own patience runs); its distribution is computed by
 * uniformisation.
 *
 * <p>Definitions: the service level is the share of <em>all</em> arrivals answered within the
 * answer time (callers who abandon count against it); the average speed of answer is over answered
 * calls; the average wait is over all arrivals, answered or not.
 */
public final class ErlangA {
  private static final int MAX_QUEUE_STATES = 2_000_000;
  private static final int MAX_UNIFORMISATION_STEPS = 200_000;

  private final double lambda;
  private final double mu;
  private final double theta;

  private ErlangA(double lambda, double mu, double theta) {
    this.lambda = lambda;
    this.mu = mu;
    this.theta = theta;
  }

  /**
   * Returns the model for a number of arrivals in an interval.
   *
   * @param arrivals expected arrivals in the interval, finite and at least 0
   * @param interval the interval's length, positive
   * @param averageHandleTime the mean handling time, positive
   * @param averagePatience the mean time a caller waits before hanging up, positive
   * @return the model
   * @throws ValidationException naming the field if a value is out of range
   */
  public static ErlangA of(
      double arrivals, Duration interval, Duration averageHandleTime, Duration averagePatience) {
    ErlangC c = ErlangC.of(arrivals, interval, averageHandleTime);
    double patience = ErlangC.positiveSeconds("averagePatience", averagePatience);
    return new ErlangA(c.arrivalsPerSecond(), 1 / c.handleSeconds(), 1 / patience);
  }

  /** Returns the offered load in Erlangs. */
  public double erlangs() {
    return lambda / mu;
  }

  /**
   * Returns every figure of the model for a number of agents.
   *
   * @param agents the agents, 1 to {@link ErlangC#MAX_AGENTS}
   * @param answerWithin the answer time of the service level, at least 0
   * @return the figures
   * @throws ValidationException if the load is so extreme that the queue would need more than two
   *     million states
   */
  public AbandonmentFigures figures(int agents, Duration answerWithin) {
    if (agents < 1 || agents > ErlangC.MAX_AGENTS) {
      throw new ValidationException(
          "agents", agents, "must be between 1 and " + ErlangC.MAX_AGENTS);
    }
    double t = ErlangC.nonNegativeSeconds("answerWithin", answerWithin);
    if (lambda == 0) {
      return new AbandonmentFigures(agents, 0, 0, 0, 1, 0, 0, 0);
    }
    double a = lambda / mu;
    double serving = agents * mu;
    // log of sum_{j<=n} p_j / p_n, i.e. -log B(n, A), by the Erlang B recursion in log space
    double logLow = 0;
    for (int j = 1; j <= agents; j++) {
      double x = Math.log(j / a) + logLow;
      logLow = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
    // log q_k = log p_{n+k} / p_n, k >= 1, until negligible past the peak
    double[] logQ = new double[1024];
    int k = 0;
    double logTerm = 0;
    double maxLog = Math.max(logLow, 0);
    while (true) {
      double next = logTerm + Math.log(lambda / (serving + (k + 1) * theta));
      boolean pastPeak = serving + (k + 1) * theta > lambda;
      if (pastPeak && next < maxLog - 50) {
        break;
      }
      k++;
      if (k >= MAX_QUEUE_STATES) {
        throw new ValidationException(
            "averagePatience",
            null,
            "makes the queue longer than " + MAX_QUEUE_STATES + " callers");
      }
      if (k >= logQ.length) {
        logQ = java.util.Arrays.copyOf(logQ, logQ.length * 2);
      }
      logQ[k] = next;
      logTerm = next;
      maxLog = Math.max(maxLog, next);
    }
    int top = k;
    double low = Math.exp(logLow - maxLog);
    double[] q = new double[top + 1];
    q[0] = Math.exp(-maxLog);
    double z = low;
    double queued = 0;
    for (int i = 1; i <= top; i++) {
      q[i] = Math.exp(logQ[i] - maxLog);
      z += q[i];
      queued += i * q[i];
    }
    double busyAll = (z - low + q[0]) / z;
    double meanQueue = queued / z;
    double abandon = theta * meanQueue / lambda;
    // a caller finding k ahead: stages i = k..0 with exit rate b_i = n mu + (i + 1) theta, forward
    // with a_i / b_i
    double[] reach = new double[top + 1];
    double[] meanWait = new double[top + 1];
    double g = 1;
    double w = 0;
    for (int i = 0; i <= top; i++) {
      double ai = serving + i * theta;
      double bi = ai + theta;
      g *= ai / bi;
      w += 1 / bi;
      reach[i] = g;
      meanWait[i] = w;
    }
    double[] withinT = absorbedWithin(t, top, serving);
    double answeredInTime = (low - q[0]) / z;
    double answeredWaitSum = 0;
    for (int i = 0; i <= top; i++) {
      double p = q[i] / z;
      answeredInTime += p * reach[i] * withinT[i];
      answeredWaitSum += p * reach[i] * meanWait[i];
    }
    double answered = 1 - abandon;
    double asa = answered <= 0 ? Double.POSITIVE_INFINITY : answeredWaitSum / answered;
    double occupancy = Math.min(1, a * answered / agents);
    return new AbandonmentFigures(
        agents, a, busyAll, abandon, answeredInTime, asa, meanQueue / lambda, occupancy);
  }

  /**
   * Returns the fewest agents whose service level (share of all arrivals answered within the
   * target's answer time) and occupancy meet the target.
   *
   * @param target the target; a maximum average speed of answer applies to answered calls
   * @return the agents, 0 when nothing arrives
   */
  public int requiredAgents(ServiceTarget target) {
    if (target == null) {
      throw new ValidationException("target", null, "must not be null");
    }
    if (lambda == 0) {
      return 0;
    }
    // answered callers keep at most n agents busy, so the service level is at most n / A
    int first = Math.max(1, (int) Math.floor(target.share() * lambda / mu));
    for (int n = first; n <= ErlangC.MAX_AGENTS; n++) {
      AbandonmentFigures f = figures(n, target.answerWithin());
      if (f.serviceLevel() >= target.share() - 1e-12
          && f.occupancy() <= target.maxOccupancy() + 1e-12
          && target
              .maxAverageSpeedOfAnswer()
              .map(m -> f.averageSpeedOfAnswerSeconds() <= m.toNanos() / 1e9)
              .orElse(true)) {
        return n;
      }
    }
    throw new ValidationException(
        "target", target.toString(), "cannot be met by " + ErlangC.MAX_AGENTS + " agents");
  }

  /**
   * P(sum of the stage times from stage i down to 0 is at most t), for every i, by uniformisation.
   */
  private double[] absorbedWithin(double t, int top, double serving) {
    double[] result = new double[top + 1];
    if (t == 0) {
      return result;
    }
    double rate = serving + (top + 1) * theta;
    double x = rate * t;
    int steps = (int) Math.ceil(x + 12 * Math.sqrt(x) + 30);
    if (steps > MAX_UNIFORMISATION_STEPS) {
      throw new ValidationException(
          "answerWithin", Duration.ofNanos((long) (t * 1e9)), "is too long for this load");
    }
    double[] f = new double[top + 1];
    double[] next = new double[top + 1];
    double logWeight = -x;
    for (int m = 1; m <= steps; m++) {
      for (int i = 0; i <= top; i++) {
        double forward = (serving + (i + 1) * theta) / rate;
        double ahead = i == 0 ? 1 : f[i - 1];
        next[i] = forward * ahead + (1 - forward) * f[i];
      }
      double[] swap = f;
      f = next;
      next = swap;
      logWeight += Math.log(x / m);
      if (logWeight > -745) {
        double weight = Math.exp(logWeight);
        for (int i = 0; i <= top; i++) {
          result[i] += weight * f[i];
        }
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ErlangA[%.4f Erlangs, AHT %.1f s, patience %.1f s]",
        lambda / mu,
        1 / mu,
        1 / theta);
  }
}
