package io.loopdesk.improvement;

import java.time.Instant;

/**
 * A request to move a plan's planned end, and its decision.
 *
 * @param id the request id, unique within the plan
 * @param requestedBy who asked
 * @param filedAt when it was filed
 * @param newEnd the requested planned end
 * @param reason why
 * @param decision pending, approved or rejected
 * @param decidedBy who decided, {@code null} while pending
 * @param decidedAt when, {@code null} while pending
 */
public record DelayRequest(
    String id, String requestedBy, Instant filedAt, Instant newEnd, String reason, Decision decision, String decidedBy,
    Instant decidedAt) {
  /** Validates the request. */
  public DelayRequest {
    PlanChecks.text("delay.id", id, 64);
    PlanChecks.text("delay.requestedBy", requestedBy, 64);
    PlanChecks.notNull("delay.filedAt", filedAt);
    PlanChecks.notNull("delay.newEnd", newEnd);
    PlanChecks.text("delay.reason", reason, 1000);
    PlanChecks.notNull("delay.decision", decision);
  }

  /** The state of a delay request. */
  public enum Decision {
    /** Waiting for the next level of the chain. */
    PENDING,
    /** Approved: the plan's end moved. */
    APPROVED,
    /** Rejected: the plan's end stays. */
    REJECTED
  }
}
