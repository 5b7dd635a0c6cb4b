package io.loopdesk.sla;

import io.loopdesk.api.TicketId;
import java.time.Instant;

/**
 * One line of a ticket's SLA audit trail: an SLA event or an escalation action and its outcome.
 *
 * @param at when it happened (the event's instant; the tick instant for escalation actions)
 * @param ticketId the ticket
 * @param kind {@code WARNED}, {@code BREACHED}, {@code MET}, {@code ESCALATED} or {@code
 *     ESCALATION_FAILED}
 * @param detail human-readable detail, e.g. {@code RESOLUTION 75% of PT48H on 24x7}
 */
public record SlaAuditEntry(Instant at, TicketId ticketId, String kind, String detail) {}
