package io.loopdesk.insights.internal;

import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.insights.Dimension;
import java.time.Duration;
import java.time.Instant;

/** What the KPIs need to know about one ticket, folded from its events in version order. */
public final class TicketFacts {
  static final String UNASSIGNED = "UNASSIGNED";
  static final String UNCLASSIFIED = "UNCLASSIFIED";

  Instant createdAt;
  String channel;
  String product;
  String category = UNCLASSIFIED;
  String priority = UNCLASSIFIED;
  String department = UNASSIGNED;
  String agent = UNASSIGNED;
  TicketStatus status;
  Instant dueAt;

  /** Opening to the first start of work; {@code null} until work starts. */
  Duration firstResponse;

  /** Time in progress, every period; the open one is added by {@link #endAt}. */
  Duration handling = Duration.ZERO;

  Instant inProgressSince;
  boolean resolvedOnce;
  boolean firstResolutionHadDeadline;
  boolean firstResolutionOnTime;
  int reopens;
  int assignments;
  boolean reachedCallback;
  int ratingSum;
  int ratings;
  int satisfiedRatings;
  int agentReplies;
  int customerReplies;
  int internalNotes;

  /** Folds one event of this ticket. */
  public void apply(TicketEvent e) {
    Instant at = e.at();
    TicketChange change = e.change();
    boolean wasInProgress = TicketStatus.IN_PROGRESS.equals(e.from());
    boolean isInProgress = TicketStatus.IN_PROGRESS.equals(e.to());
    if (wasInProgress && !isInProgress && inProgressSince != null) {
      handling = handling.plus(Duration.between(inProgressSince, at));
      inProgressSince = null;
    }
    if (isInProgress && !wasInProgress) {
      inProgressSince = at;
      if (firstResponse == null && createdAt != null) {
        firstResponse = Duration.between(createdAt, at);
      }
    }
    status = e.to();
    if (change instanceof TicketChange.Opened o) {
      createdAt = at;
      channel = o.channel().name();
      product = o.product();
    } else if (change instanceof TicketChange.Classified c) {
      category = c.category().name();
      priority = c.priority().priority().name();
      dueAt = c.dueAt();
    } else if (change instanceof TicketChange.PriorityChanged p) {
      priority = p.priority().priority().name();
      dueAt = p.dueAt();
    } else if (change instanceof TicketChange.DeadlineChanged d) {
      dueAt = d.dueAt();
    } else if (change instanceof TicketChange.Assigned a) {
      department = a.department();
      agent = a.assignee();
      assignments++;
    } else if (change instanceof TicketChange.Resolved) {
      if (!resolvedOnce && dueAt != null) {
        firstResolutionHadDeadline = true;
        firstResolutionOnTime = !at.isAfter(dueAt);
      }
      resolvedOnce = true;
    } else if (change instanceof TicketChange.Reopened) {
      reopens++;
    } else if (change instanceof TicketChange.AgentReplied) {
      agentReplies++;
    } else if (change instanceof TicketChange.CustomerReplied) {
      customerReplies++;
    } else if (change instanceof TicketChange.InternalNoteAdded) {
      internalNotes++;
    } else if (change instanceof TicketChange.CallbackRecorded c) {
      CallbackResult r = c.callback().result();
      if (r.outcome().reached()) {
        reachedCallback = true;
        ratingSum += r.rating();
        ratings++;
        if (r.rating() >= 4) {
          satisfiedRatings++;
        }
      }
      if (c.effect() == TicketChange.CallbackEffect.REOPENED) {
        reopens++;
      }
    }
  }

  /**
   * Ends the fold at the report instant: a period in progress still open then counts up to it.
   *
   * @param asOf the report instant, not before any folded event
   */
  public void endAt(Instant asOf) {
    if (inProgressSince != null) {
      handling = handling.plus(Duration.between(inProgressSince, asOf));
      inProgressSince = null;
    }
  }

  String key(Dimension d) {
    return switch (d) {
      case DEPARTMENT -> department;
      case AGENT -> agent;
      case CHANNEL -> channel;
      case CATEGORY -> category;
      case PRIORITY -> priority;
    };
  }
}
