package io.loopdesk.access;

/** Which tickets a granted {@link Permission} covers, from narrowest to widest. */
public enum Scope {
  /** No ticket. */
  NONE,
  /**
   * Tickets assigned to the user, or unassigned ones they opened; for a customer, the customer's
   * own tickets.
   */
  OWN,
  /** {@link #OWN} plus tickets whose department is one of the user's queues. */
  QUEUE,
  /**
   * Tickets assigned to the user or a member of the team they lead, or in any of the team's queues.
   */
  TEAM,
  /** Every ticket. */
  ALL;

  /** Returns true if this scope is at least as wide as {@code other}. */
  public boolean covers(Scope other) {
    return compareTo(other) >= 0;
  }
}
