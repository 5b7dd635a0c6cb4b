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
    boolean paused;
    final Map<SlaMetric, MetricClock> clocks = new EnumMap<>(SlaMetric.class);
    final List<SlaAuditEntry> audit = new ArrayList<>(0);

    TicketClocks(TicketId id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }
}
