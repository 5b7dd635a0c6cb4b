package io.loopdesk.sla;

import io.loopdesk.api.TicketId;

import java.util.Map;
import java.util.Optional;

/**
 * The SLA clocks of one ticket, as of a given instant.
 *
 * @param ticketId the ticket
 * @param clocks   the clocks that apply to it, by metric (metrics without a target are absent)
 */
public record TicketSla(TicketId ticketId, Map<SlaMetric, SlaStatus> clocks) {

    /** Copies the map. */
    public TicketSla {
        clocks = Map.copyOf(clocks);
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
