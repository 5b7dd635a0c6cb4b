package io.loopdesk.dashboard.internal;

import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.TicketSla;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One ticket's events as the feed delivered them, with its latest slicing values. Guarded by the
 * {@link EventCache}'s lock; {@link #toString()} names no personal data.
 */
public final class TicketTrail {
  private final TicketId id;
  private final Instant createdAt;
  private final String channel;
  private final Customer customer;
  private final List<TicketEvent> events = new ArrayList<>();
  private String agent;
  private String department;
  private String category;
  private String priority;
  private TicketStatus status;
  private long version;
  private TicketSla sla;
  private long slaVersion = -1;
  private Instant slaAt;

  TicketTrail(TicketEvent opening, TicketChange.Opened opened) {
    this.id = opening.ticketId();
    this.createdAt = opening.at();
    this.channel = opened.channel().name();
    this.customer = opened.customer();
    apply(opening);
  }

  void apply(TicketEvent e) {
    events.add(e);
    version = e.version();
    status = e.to();
    TicketChange change = e.change();
    if (change instanceof TicketChange.Classified c) {
      category = c.category().name();
      priority = c.priority().priority().name();
    } else if (change instanceof TicketChange.PriorityChanged p) {
      priority = p.priority().priority().name();
    } else if (change instanceof TicketChange.Assigned a) {
      agent = a.assignee();
      department = a.department();
    }
  }

  /** Returns the ticket's id. */
  public TicketId id() {
    return id;
  }

  /** Returns when it was opened. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns its channel's name. */
  public String channel() {
    return channel;
  }

  /** Returns its customer as opened (may hold personal data: mask before showing). */
  public Customer customer() {
    return customer;
  }

  /** Returns its events in version order. */
  public List<TicketEvent> events() {
    return events;
  }

  /** Returns its latest assignee, or null. */
  public String agent() {
    return agent;
  }

  /** Returns its latest department, or null. */
  public String department() {
    return department;
  }

  /** Returns its latest category name, or null. */
  public String category() {
    return category;
  }

  /** Returns its latest priority name, or null. */
  public String priority() {
    return priority;
  }

  /** Returns its status after the latest event. */
  public TicketStatus status() {
    return status;
  }

  /** Returns the version of its latest event. */
  public long version() {
    return version;
  }

  /** Returns whether it is closed. */
  public boolean closed() {
    return TicketStatus.CLOSED.equals(status);
  }

  /** Returns its SLA clocks as last read, or null. */
  public TicketSla sla() {
    return sla;
  }

  /**
   * Returns whether its SLA clocks must be read again: never read, changed since, or open and read
   * before {@code staleBefore}.
   *
   * @param staleBefore clocks of open tickets read before this are stale
   * @return true if stale
   */
  public boolean slaStale(Instant staleBefore) {
    return slaVersion != version || (!closed() && slaAt.isBefore(staleBefore));
  }

  /**
   * Stores the SLA clocks read at an instant.
   *
   * @param value the clocks, or null when the ticket is not tracked
   * @param at when they were read
   * @param atVersion the ticket version they were read for
   */
  public void sla(TicketSla value, Instant at, long atVersion) {
    sla = value;
    slaVersion = atVersion;
    slaAt = at;
  }

  @Override
  public String toString() {
    return "TicketTrail[" + id + " v" + version + " " + status + "]";
  }
}
