package io.loopdesk.routing;

import io.loopdesk.api.TicketId;
import java.time.Instant;
import java.util.Optional;

/**
 * A request by a ticket's assignee for a later resolution deadline, and its decision. Immutable;
 * a decision produces a new instance.
 *
 * @param id the request id, e.g. {@code DR-1}
 * @param ticketId the ticket
 * @param requesterId the assignee who asked
 * @param currentDue the deadline when filed
 * @param requestedDue the deadline asked for
 * @param reason why, free text (never logged)
 * @param filedAt when it was filed
 * @param approverId who must decide: the owner of the next level of the ticket's chain
 * @param status pending, approved or rejected
 * @param decidedAt when it was decided, null while pending
 * @param decisionNote the approver's note, empty while pending
 */
public record DelayRequest(
    String id,
    TicketId ticketId,
    String requesterId,
    Instant currentDue,
    Instant requestedDue,
    String reason,
    Instant filedAt,
    String approverId,
    Status status,
    Instant decidedAt,
    String decisionNote) {

  /** Where a request stands. */
  public enum Status {
    /** Waiting for the approver. */
    PENDING,
    /** Approved; the deadline was changed. */
    APPROVED,
    /** Rejected; the deadline stands. */
    REJECTED
  }

  /** Returns when it was decided, if it was. */
  public Optional<Instant> decided() {
    return Optional.ofNullable(decidedAt);
  }

  DelayRequest decide(Status newStatus, Instant at, String note) {
    return new DelayRequest(id, ticketId, requesterId, currentDue, requestedDue, reason, filedAt, approverId, newStatus, at, note);
  }

  /** Returns a summary without the free-text reason. */
  @Override
  public String toString() {
    return "DelayRequest[" + id + ", ticket=" + ticketId + ", by=" + requesterId + ", " + currentDue + " -> " + requestedDue
        + ", approver=" + approverId + ", " + status + "]";
  }
}
