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

  /** The policy in force, chosen by the contracts; set when the ticket is first seen. */
  io.loopdesk.sla.SlaPolicy policy;

  /** Which rule chose {@link #policy} and why. */
  io.loopdesk.sla.PolicySelection selection;

  /**
   * What the policy was chosen for; null when the ticket was joined mid-stream without a snapshot.
   */
  io.loopdesk.sla.SlaSubject subject;

  /** The team (department) holding the ticket, null while unassigned. */
  String team;

  /** When {@link #team} got the ticket (or the last reopen). */
  Instant teamSince;

  /** OLA clocks started so far: the next OLA clock's cycle number. */
  int olaCycles;

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
