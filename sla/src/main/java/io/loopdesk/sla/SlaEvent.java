package io.loopdesk.sla;

import io.loopdesk.api.TicketId;

import java.time.Instant;

/** Something that happened to an SLA clock. Emitted to {@link SlaListener}s and recorded in the audit trail. */
public sealed interface SlaEvent {

    /** The ticket. */
    TicketId ticketId();

    /** The clock's metric. */
    SlaMetric metric();

    /** The instant the event refers to (the exact threshold crossing for warnings and breaches). */
    Instant at();

    /**
     * A warning threshold was crossed.
     *
     * @param ticketId  the ticket
     * @param metric    the clock
     * @param threshold the crossed fraction of the target, e.g. 0.75
     * @param at        when the threshold was crossed
     * @param target    the target in force
     */
    record Warned(TicketId ticketId, SlaMetric metric, double threshold, Instant at, SlaTarget target) implements SlaEvent {
    }

    /**
     * The target was exceeded.
     *
     * @param ticketId the ticket
     * @param metric   the clock
     * @param at       the deadline that passed
     * @param target   the target in force
     */
    record Breached(TicketId ticketId, SlaMetric metric, Instant at, SlaTarget target) implements SlaEvent {
    }

    /**
     * The measured step happened.
     *
     * @param ticketId     the ticket
     * @param metric       the clock
     * @param at           when it happened
     * @param withinTarget false when the clock had been breached before
     */
    record Met(TicketId ticketId, SlaMetric metric, Instant at, boolean withinTarget) implements SlaEvent {

        /** {@link SlaResult#MET} when within the target, else {@link SlaResult#MET_LATE}. */
        public SlaResult result() {
            return withinTarget ? SlaResult.MET : SlaResult.MET_LATE;
        }
    }
}
