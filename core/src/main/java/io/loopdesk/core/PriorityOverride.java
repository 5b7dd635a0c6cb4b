package io.loopdesk.core;

import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.util.Optional;

/**
 * A rule that raises a ticket's priority by one level above what the matrix gives, with a reason.
 * Must be pure and thread-safe.
 */
@FunctionalInterface
public interface PriorityOverride {
  /**
   * Decides whether to raise the priority.
   *
   * @param ticket the ticket being classified
   * @param classification its classification
   * @param priorComplaints the customer's other complaints in the look-back window
   * @return the reason to raise by one level, or empty to leave the priority as it is
   */
  Optional<String> raiseBecause(Ticket ticket, Classification classification, int priorComplaints);

  /** Raises VIP customers' tickets by one level. */
  static PriorityOverride vipCustomer() {
    return (ticket, classification, prior) ->
        ticket.customer().tier() == CustomerTier.VIP
            ? Optional.of("VIP customer")
            : Optional.empty();
  }

  /**
   * Raises a complaint by one level when the customer already complained at least {@code
   * minimumPriorComplaints} times in the look-back window.
   *
   * @param minimumPriorComplaints at least 1
   * @return the override
   */
  static PriorityOverride repeatedComplaint(int minimumPriorComplaints) {
    if (minimumPriorComplaints < 1) {
      throw new ValidationException(
          "minimumPriorComplaints", minimumPriorComplaints, "must be at least 1");
    }
    return (ticket, classification, prior) ->
        classification.category().equals(Category.COMPLAINT) && prior >= minimumPriorComplaints
            ? Optional.of("repeated complaint (" + prior + " earlier in the look-back window)")
            : Optional.empty();
  }

  /** Raises a reopened ticket by one level: the customer is waiting for the second time. */
  static PriorityOverride reopened() {
    return (ticket, classification, prior) ->
        ticket.reopenCount() > 0
            ? Optional.of(
                "reopened "
                    + ticket.reopenCount()
                    + " time(s) after an unsatisfied callback or reopen")
            : Optional.empty();
  }
}
