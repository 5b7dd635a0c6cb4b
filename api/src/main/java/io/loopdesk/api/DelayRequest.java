package io.loopdesk.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A request to move a deadline later, and its decision: a ticket's resolution deadline (routing's
 * escalations) or an improvement plan's planned end. Immutable; a decision makes a new instance.
 * Filing in time is checked by the SLA module's {@code DelayRequestNoticeRule}, the same for both.
 *
 * @param id the request id, e.g. {@code DR-1}
 * @param subjectId what is delayed: the ticket id or the plan id
 * @param requesterId who asked
 * @param filedAt when it was filed
 * @param currentDue the deadline when filed
 * @param requestedDue the deadline asked for
 * @param reason why, free text (never logged, not in {@link #toString()})
 * @param approverId who must decide, or empty when any other person of the next level may
 * @param status pending, approved or rejected
 * @param decidedBy who decided, {@code null} while pending
 * @param decidedAt when it was decided, {@code null} while pending
 * @param decisionNote the decider's note, empty while pending or when none was given
 */
public record DelayRequest(
    String id,
    String subjectId,
    String requesterId,
    Instant filedAt,
    Instant currentDue,
    Instant requestedDue,
    String reason,
    String approverId,
    Status status,
    String decidedBy,
    Instant decidedAt,
    String decisionNote) {

  /** Where a request stands. */
  public enum Status {
    /** Waiting for the approver. */
    PENDING,
    /** Approved; the deadline was moved. */
    APPROVED,
    /** Rejected; the deadline stands. */
    REJECTED
  }

  /** Validates the request. */
  public DelayRequest {
    Checks.text("delay.id", id, Checks.MAX_ID_LENGTH);
    Checks.notBlank("delay.subjectId", subjectId);
    Checks.text("delay.requesterId", requesterId, Checks.MAX_ID_LENGTH);
    Checks.notNull("delay.filedAt", filedAt);
    Checks.notNull("delay.currentDue", currentDue);
    Checks.notNull("delay.requestedDue", requestedDue);
    Checks.text("delay.reason", reason, Checks.MAX_REASON_LENGTH);
    approverId = Checks.optionalText("delay.approverId", approverId, Checks.MAX_ID_LENGTH);
    Checks.notNull("delay.status", status);
    decisionNote = Checks.optionalText("delay.decisionNote", decisionNote, Checks.MAX_NOTE_LENGTH);
    if ((status == Status.PENDING) != (decidedAt == null)
        || (decidedAt == null) != (decidedBy == null)) {
      throw new ValidationException(
          "delay.decidedAt",
          decidedAt,
          "must be set, with decidedBy, exactly when the request is decided");
    }
  }

  /**
   * Creates a pending request.
   *
   * @param id the request id
   * @param subjectId the ticket or plan id
   * @param requesterId who asks
   * @param filedAt when
   * @param currentDue the deadline now
   * @param requestedDue the deadline asked for
   * @param reason why
   * @param approverId who must decide, or empty when any other person of the next level may
   * @return the pending request
   */
  public static DelayRequest pending(
      String id,
      String subjectId,
      String requesterId,
      Instant filedAt,
      Instant currentDue,
      Instant requestedDue,
      String reason,
      String approverId) {
    return new DelayRequest(
        id,
        subjectId,
        requesterId,
        filedAt,
        currentDue,
        requestedDue,
        reason,
        approverId,
        Status.PENDING,
        null,
        null,
        "");
  }

  /**
   * Returns this request decided.
   *
   * @param decision {@link Status#APPROVED} or {@link Status#REJECTED}
   * @param by who decided
   * @param at when
   * @param note the decider's note, may be empty
   * @return the decided request
   */
  public DelayRequest decide(Status decision, String by, Instant at, String note) {
    if (Checks.notNull("decision", decision) == Status.PENDING) {
      throw new ValidationException("decision", decision, "must be APPROVED or REJECTED");
    }
    if (status != Status.PENDING) {
      throw new ValidationException("delay.status", status, "must be PENDING to be decided");
    }
    Checks.text("decidedBy", by, Checks.MAX_ID_LENGTH);
    return new DelayRequest(
        id,
        subjectId,
        requesterId,
        filedAt,
        currentDue,
        requestedDue,
        reason,
        approverId,
        decision,
        by,
        Checks.notNull("decidedAt", at),
        note);
  }

  /** Returns whether it waits for a decision. */
  public boolean isPending() {
    return status == Status.PENDING;
  }

  /** Returns when it was decided, if it was. */
  public Optional<Instant> decided() {
    return Optional.ofNullable(decidedAt);
  }

  /** Returns a summary without the free-text reason and note. */
  @Override
  public String toString() {
    return "DelayRequest["
        + id
        + ", subject="
        + subjectId
        + ", by="
        + requesterId
        + ", "
        + currentDue
        + " -> "
        + requestedDue
        + (approverId.isEmpty() ? "" : ", approver=" + approverId)
        + ", "
        + status
        + "]";
  }
}
