package io.loopdesk.insights.internal;

import io.loopdesk.api.TicketStatus;
import io.loopdesk.insights.KpiValues;
import java.util.OptionalDouble;

/** Sums over the tickets of one slice; turned into {@link KpiValues} at the end. */
final class Accumulator {
  private long tickets;
  private long resolved;
  private long closed;
  private long open;
  private long firstResponses;
  private final DurationSum firstResponse = new DurationSum();
  private final DurationSum handling = new DurationSum();
  private long firstContactResolutions;
  private long ratingSum;
  private long ratings;
  private long satisfied;
  private long withDeadline;
  private long onTime;
  private long reopened;
  private long reachedCallbacks;
  private long agentReplies;
  private long customerReplies;
  private long internalNotes;

  void add(TicketFacts f) {
    tickets++;
    boolean isClosed = TicketStatus.CLOSED.equals(f.status);
    if (isClosed) {
      closed++;
      if (f.reopens == 0 && f.assignments == 1) {
        firstContactResolutions++;
      }
    } else {
      open++;
    }
    if (f.firstResponse != null) {
      firstResponses++;
      firstResponse.add(f.firstResponse);
    }
    if (f.resolvedOnce) {
      resolved++;
      handling.add(f.handling);
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
    agentReplies += f.agentReplies;
    customerReplies += f.customerReplies;
    internalNotes += f.internalNotes;
  }

  KpiValues values() {
    return new KpiValues(
        tickets,
        resolved,
        closed,
        open,
        firstResponse.mean(firstResponses),
        handling.mean(resolved),
        ratio(firstContactResolutions, closed),
        ratings == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ratingSum / ratings),
        ratio(satisfied, ratings),
        ratio(onTime, withDeadline),
        ratio(reopened, resolved),
        ratio(reachedCallbacks, resolved),
        agentReplies,
        customerReplies,
        internalNotes);
  }

  private static OptionalDouble ratio(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }
}
