package io.loopdesk.quality;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * One quality review of one ticket, scored 0..100 on each dimension of the handbook.
 *
 * @param ticketId the reviewed ticket
 * @param agentId the agent whose work was reviewed
 * @param reviewerId the QA specialist
 * @param at when the review was recorded
 * @param attitude service attitude
 * @param knowledge business knowledge
 * @param compliance process compliance
 * @param comment the reviewer's notes, may be empty
 */
public record Scorecard(
    TicketId ticketId,
    String agentId,
    String reviewerId,
    Instant at,
    int attitude,
    int knowledge,
    int compliance,
    String comment) {
  /** Validates the scorecard. */
  public Scorecard {
    if (ticketId == null || at == null) {
      throw new ValidationException(ticketId == null ? "ticketId" : "at", null, "must not be null");
    }
    if (agentId == null || agentId.isBlank() || reviewerId == null || reviewerId.isBlank()) {
      throw new ValidationException(
          agentId == null || agentId.isBlank() ? "agentId" : "reviewerId",
          null,
          "must not be blank");
    }
    score("attitude", attitude);
    score("knowledge", knowledge);
    score("compliance", compliance);
    comment = comment == null ? "" : comment;
  }

  private static void score(String field, int value) {
    if (value < 0 || value > 100) {
      throw new ValidationException(field, value, "must be between 0 and 100");
    }
  }

  /** Returns the unweighted mean of the three scores. */
  public double total() {
    return (attitude + knowledge + compliance) / 3.0;
  }
}
