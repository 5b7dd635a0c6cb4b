package io.loopdesk.quality;

import io.loopdesk.api.TicketId;

/**
 * A ticket chosen for quality review.
 *
 * @param ticketId the ticket
 * @param agentId the agent whose work is reviewed
 * @param stratum the stratum it was drawn from
 */
public record SampledTicket(TicketId ticketId, String agentId, Stratum stratum) {}
