package io.loopdesk.sla;

import java.time.Instant;

/**
 * How an {@link SlaEvent} reached the listeners: when it was due, when it fired and on which
 * instance. A checkpoint fires late when no instance was running when it fell due (after a full
 * outage every checkpoint due meanwhile fires once on start, late, with the instant it was due).
 *
 * @param dueAt when the event was due: the threshold crossing, the breach or the met instant
 * @param firedAt when it fired: the tick's {@code now}, or the ticket event's instant for events
 *     that fired while a ticket event was applied in a single JVM
 * @param late whether it fired more than the tracker's {@code lateAfter} after it was due
 * @param instance the instance that fired it, {@code "local"} for a tracker that does not share a
 *     feed
 */
public record SlaDelivery(Instant dueAt, Instant firedAt, boolean late, String instance) {}
