package io.loopdesk.insights;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * What an SLA module decided about one target of one ticket: met in time, met late (after it was
 * breached), or breached. How outcomes count: <a
 * href="package-summary.html#sla-attainment-by-target">KPI glossary</a>. The SLA module's "met"
 * events (with their in-time flag) and "breached" events map onto it directly; a target that is
 * breached and then met gives two outcomes, {@code BREACHED} at the deadline and {@code MET_LATE}
 * when it was met, and the latest one counts.
 *
 * @param ticketId the ticket
 * @param target the target's name, e.g. {@code FIRST_RESPONSE}, {@code RESOLUTION}, {@code
 *     CALLBACK}
 * @param result how the target ended (so far)
 * @param at when it was decided: the instant it was met, or the deadline that passed
 */
public record SlaOutcome(TicketId ticketId, String target, Result result, Instant at) {
  /** Validates the outcome. */
  public SlaOutcome {
    if (ticketId == null || at == null) {
      throw new ValidationException(ticketId == null ? "ticketId" : "at", null, "must not be null");
    }
    if (target == null || target.isBlank()) {
      throw new ValidationException("target", target, "must not be blank");
    }
    if (result == null) {
      throw new ValidationException("result", null, "must not be null");
    }
  }

  /**
   * Creates an outcome that was met in time ({@code attained}) or breached.
   *
   * @param ticketId the ticket
   * @param target the target's name
   * @param attained true if met in time, false if breached
   * @param at when it was decided
   */
  public SlaOutcome(TicketId ticketId, String target, boolean attained, Instant at) {
    this(ticketId, target, attained ? Result.MET : Result.BREACHED, at);
  }

  /** Returns whether the target was met in time. */
  public boolean attained() {
    return result == Result.MET;
  }

  /** How one target ended: Zendesk's achieved, achieved late and breached. */
  public enum Result {
    /** Met within the target. */
    MET,
    /** Met, but after the target was exceeded. */
    MET_LATE,
    /** Exceeded and not met. */
    BREACHED
  }
}
