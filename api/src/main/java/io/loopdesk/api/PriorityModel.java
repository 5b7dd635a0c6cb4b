package io.loopdesk.api;

import java.time.Duration;

/**
 * Derives a ticket's priority, with reasons, from its classification and context. Implementations
 * must be pure (same input, same decision) and thread-safe.
 */
@FunctionalInterface
public interface PriorityModel {
  /**
   * Assesses the priority.
   *
   * @param ticket the ticket being classified (its customer, channel and reopen count are context)
   * @param classification the category and factors
   * @param priorComplaints how many other complaint tickets the same customer opened in the model's
   *     look-back window
   * @return the decision with every reason that contributed
   */
  PriorityDecision assess(Ticket ticket, Classification classification, int priorComplaints);

  /**
   * Returns how far back the desk counts the customer's earlier complaints for {@link #assess}.
   *
   * @return the look-back window, 30 days unless overridden
   */
  default Duration complaintLookBack() {
    return Duration.ofDays(30);
  }
}
