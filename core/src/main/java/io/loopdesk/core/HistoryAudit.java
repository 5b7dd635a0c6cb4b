package io.loopdesk.core;

import java.util.List;

/**
 * The result of verifying every ticket of a store ({@link TicketHistoryVerifier#verifyAll()}).
 *
 * @param ticketsChecked how many tickets were verified
 * @param broken the verifications that found damage, in the store's query order
 */
public record HistoryAudit(long ticketsChecked, List<HistoryVerification> broken) {

  /** Copies the list. */
  public HistoryAudit {
    broken = List.copyOf(broken);
  }

  /** Returns true if every checked ticket's history is intact. */
  public boolean isClean() {
    return broken.isEmpty();
  }
}
