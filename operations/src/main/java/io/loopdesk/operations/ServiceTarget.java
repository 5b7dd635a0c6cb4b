package io.loopdesk.operations;

import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.Optional;

/**
 * A service-level target: a share of calls answered within a time, optionally with a maximum
 * average speed of answer and a maximum occupancy. Immutable.
 *
 * @param share the share to answer in time, in (0, 1), e.g. 0.85
 * @param answerWithin the answer time, at least 0, e.g. 15 seconds
 * @param maxAverageSpeedOfAnswer the largest acceptable average speed of answer, if any
 * @param maxOccupancy the largest acceptable occupancy in (0, 1]; 1 for no limit
 */
public record ServiceTarget(
    double share,
    Duration answerWithin,
    Optional<Duration> maxAverageSpeedOfAnswer,
    double maxOccupancy) {
  /** The handbook's standard: 85 % of calls answered within 15 seconds. */
  public static final ServiceTarget HANDBOOK = of(0.85, Duration.ofSeconds(15));

  /** Validates the target. */
  public ServiceTarget {
    if (!(share > 0 && share < 1)) {
      throw new ValidationException("share", share, "must lie strictly between 0 and 1");
    }
    ErlangC.nonNegativeSeconds("answerWithin", answerWithin);
    if (maxAverageSpeedOfAnswer == null) {
      throw new ValidationException(
          "maxAverageSpeedOfAnswer", null, "must not be null; use Optional.empty()");
    }
    maxAverageSpeedOfAnswer.ifPresent(d -> ErlangC.positiveSeconds("maxAverageSpeedOfAnswer", d));
    if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
      throw new ValidationException("maxOccupancy", maxOccupancy, "must lie in (0, 1]");
    }
  }

  /**
   * Returns a target of a share answered within a time, without other limits.
   *
   * @param share the share, e.g. 0.8
   * @param answerWithin the answer time, e.g. 20 seconds
   * @return the target
   */
  public static ServiceTarget of(double share, Duration answerWithin) {
    return new ServiceTarget(share, answerWithin, Optional.empty(), 1.0);
  }

  /**
   * Returns this target with a maximum occupancy.
   *
   * @param value the largest acceptable occupancy in (0, 1]
   * @return the target
   */
  public ServiceTarget withMaxOccupancy(double value) {
    return new ServiceTarget(share, answerWithin, maxAverageSpeedOfAnswer, value);
  }

  /**
   * Returns this target with a maximum average speed of answer.
   *
   * @param value the largest acceptable average speed of answer
   * @return the target
   */
  public ServiceTarget withMaxAverageSpeedOfAnswer(Duration value) {
    return new ServiceTarget(share, answerWithin, Optional.ofNullable(value), maxOccupancy);
  }

  @Override
  public String toString() {
    return Math.round(share * 1000) / 10.0
        + "% within "
        + answerWithin.toSeconds()
        + " s"
        + maxAverageSpeedOfAnswer.map(d -> ", ASA <= " + d.toSeconds() + " s").orElse("")
        + (maxOccupancy < 1
            ? ", occupancy <= " + Math.round(maxOccupancy * 1000) / 10.0 + "%"
            : "");
  }
}
