package io.loopdesk.sla;

import io.loopdesk.api.TicketId;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA clocks of one ticket, as of a given instant.
 *
 * @param ticketId the ticket
 * @param clocks the clocks that apply to it, by metric (metrics without a target are absent); the
 *     {@link SlaMetric#OLA} clock is the one of the team in {@code olaTeam}
 * @param olaTeam the team (department) the ticket is assigned to, or null when unassigned
 * @param selection which SLA policy applies and why (see {@link SlaContracts})
 */
public record TicketSla(
    TicketId ticketId,
    Map<SlaMetric, SlaStatus> clocks,
    String olaTeam,
    PolicySelection selection) {

  /** Copies the map; validates the selection. */
  public TicketSla {
    clocks = Map.copyOf(clocks);
    if (selection == null) {
      throw new SlaPolicyException("selection", null, "is required");
    }
  }

  /** The clocks of a ticket under a single policy ({@link SlaContracts#single}), with no team. */
  public TicketSla(TicketId ticketId, Map<SlaMetric, SlaStatus> clocks) {
    this(ticketId, clocks, null, PolicySelection.byDefault(SlaContracts.SINGLE_POLICY));
  }

  /** The team whose OLA clock {@link #clocks} holds, if the ticket is assigned to one. */
  public Optional<String> team() {
    return Optional.ofNullable(olaTeam);
  }

  /** The clock for {@code metric}, if the ticket has one. */
  public Optional<SlaStatus> clock(SlaMetric metric) {
    return Optional.ofNullable(clocks.get(metric));
  }

  /** True when any clock is breached. */
  public boolean anyBreached() {
    return clocks.values().stream().anyMatch(SlaStatus::breached);
  }
}
