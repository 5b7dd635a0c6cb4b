package io.loopdesk.insights.internal;

import io.loopdesk.api.TicketStatus;
import io.loopdesk.insights.KpiValues;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** Sums over the tickets of one slice; turned into {@link KpiValues} at the end. */
final class Accumulator {
  private long tickets;
  private long resolved;
  private long closed;
  private long open;
  private long firstResponses;
  private long firstResponseNanos;
  private long handlingNanos;
  private long firstContactResolutions;
  private long ratingSum;
  private long ratings;
  private long satisfied;
  private long withDeadline;
  private long onTime;
  private long reopened;
  private long reachedCallbacks;

  void add(TicketFacts f) {
    tickets++;
    boolean isClosed = TicketStatus.CLOSED.equals(f.status);
    if (isClosed) {
      closed++;
      if (f.reopens == 0 && f.assignments <= 1) {
        firstContactResolutions++;
      }
    } else {
      open++;
    }
    if (f.firstResponseNanos >= 0) {
      firstResponses++;
      firstResponseNanos += f.firstResponseNanos;
    }
    if (f.resolvedOnce) {
      resolved++;
      handlingNanos += f.handlingNanos;
      if (f.reopens > 0) {
        reopened++;
      }
      if (f.reachedCallback) {
        reachedCallbacks++;
      }
    }
    if (f.firstResolutionHadDeadline) {
      withDeadline++;
      if (f.firstResolutionOnTime) {
        onTime++;
      }
    }
    ratingSum += f.ratingSum;
    ratings += f.ratings;
    satisfied += f.satisfiedRatings;
  }

  KpiValues values() {
    return new KpiValues(
        tickets,
        resolved,
        closed,
        open,
        mean(firstResponseNanos, firstResponses),
        mean(handlingNanos, resolved),
        ratio(firstContactResolutions, closed),
        ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingSum / ratings),
        ratio(satisfied, ratings),
        ratio(onTime, withDeadline),
        ratio(reopened, resolved),
        ratio(reachedCallbacks, resolved));
  }

  private static Optional<Duration> mean(long totalNanos, long count) {
    return count == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(totalNanos / count));
  }

  private static OptionalDouble ratio(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }
}
