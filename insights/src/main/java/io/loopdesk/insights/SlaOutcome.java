package io.loopdesk.insights;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * What an SLA module decided about one target of one ticket: met in time, or not. How outcomes
 * count: <a href="package-summary.html#sla-attainment-by-target">KPI glossary</a>. The SLA module's
 * "met" events (with their in-time flag) and "breached" events map onto it directly.
 *
 * @param ticketId the ticket
 * @param target the target's name, e.g. {@code FIRST_RESPONSE}, {@code RESOLUTION}, {@code CALLBACK}
 * @param attained whether the target was met in time
 * @param at when it was decided
 */
public record SlaOutcome(TicketId ticketId, String target, boolean attained, Instant at) {
  /** Validates the outcome. */
  public SlaOutcome {
    if (ticketId == null || at == null) {
      throw new ValidationException(ticketId == null ? "ticketId" : "at", null, "must not be null");
    }
    if (target == null || target.isBlank()) {
      throw new ValidationException("target", target, "must not be blank");
    }
  }
}
