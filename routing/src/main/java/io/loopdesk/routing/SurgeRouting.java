package io.loopdesk.routing;

import java.util.List;

/**
 * What the {@link SurgeRouter} did with one ticket.
 *
 * @param result the routing result to record (its decision names the overflow target and says why
 *     when the ticket overflowed)
 * @param state the surge state the ticket was routed under
 * @param disposition what happened to the ticket
 * @param selfService self-service article references for a deferred ticket, best first; empty
 *     otherwise
 */
public record SurgeRouting(
    RoutingResult result, SurgeState state, Disposition disposition, List<String> selfService) {
  /** Copies the list. */
  public SurgeRouting {
    selfService = List.copyOf(selfService);
  }

  /** What happened to a ticket. */
  public enum Disposition {
    /** Routed as usual (in normal state, or a core ticket whose own queue had a free agent). */
    ROUTED,
    /** A core ticket during surge, assigned in a standby or partner pool. */
    OVERFLOWED,
    /**
     * A non-core ticket during surge: left unassigned, self-service suggested; route it again
     * later.
     */
    DEFERRED,
    /** No agent was free anywhere it may go, or no rule routed it; route it again later. */
    UNASSIGNED
  }

  /** Returns true if an agent was chosen. */
  public boolean assigned() {
    return result.agent().isPresent();
  }
}
