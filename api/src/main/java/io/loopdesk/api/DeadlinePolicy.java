package io.loopdesk.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Computes a ticket's resolution deadline when it is classified. The SLA module provides
 * calendar-aware implementations; without one, tickets have no deadline. Must be thread-safe.
 */
@FunctionalInterface
public interface DeadlinePolicy {
  /** A policy that sets no deadline. */
  DeadlinePolicy NONE = (ticket, at) -> Optional.empty();

  /**
   * Returns the resolution deadline.
   *
   * @param classified the ticket with its new category and priority
   * @param at the instant of classification
   * @return the deadline, or empty for none
   */
  Optional<Instant> resolutionDue(Ticket classified, Instant at);
}
