package io.loopdesk.sla.internal;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketId;
import io.loopdesk.sla.SlaAuditEntry;
import io.loopdesk.sla.SlaMetric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The SLA state of one ticket. Mutable; guarded by the tracker's lock. */
final class TicketClocks {

    final TicketId id;
    final Instant createdAt;
    Priority priority;
    Category category;
    boolean responded;
    /** The ticket's status after the last applied event, null before the first. */
    io.loopdesk.api.TicketStatus status;
    /** Resolved and not reopened since: no periodic update is owed. */
    boolean resolved;
    /** The last agent reply, from which a periodic-update cycle created at classification starts. */
    Instant lastAgentReply;
    /** The oldest customer reply not answered by an agent reply yet. */
    Instant unansweredSince;
    final Map<SlaMetric, MetricClock> clocks = new EnumMap<>(SlaMetric.class);
    final List<SlaAuditEntry> audit = new ArrayList<>(0);

    TicketClocks(TicketId id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }
}
