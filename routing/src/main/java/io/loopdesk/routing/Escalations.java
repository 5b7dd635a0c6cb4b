package io.loopdesk.routing;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Checks;
import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Level;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.routing.EscalationException.Problem;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.EscalationHandler;
import io.loopdesk.sla.ServiceDeskEscalationHandler;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.DelayRequestNoticeRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalation chains and delay requests on top of a {@link ServiceDesk}. Every step is a desk
 * command ({@code escalate}, {@code deescalate}, {@code reprioritise}, {@code changeDeadline}) and
 * so appears in the ticket's audit trail; delay-request filings and decisions are also kept here
 * ({@link #delayRequests(TicketId)}).
 *
 * <ul>
 *   <li>Triggers: SLA warnings and breaches ({@link #slaHandler()}), a complaint's severity and
 *       repeated complaints by the same customer ({@link #onComplaint}), or by hand ({@link
 *       #escalate}).
 *   <li>A ticket never passes the top of its department's chain; de-escalation is explicit.
 *   <li>A delay request must be filed by the assignee in time by the {@link DelayRequestNoticeRule}
 *       on the ticket's calendar (the same rule as improvement plans' delay requests), and is
 *       decided by the owner of the next level of the chain.
 * </ul>
 *
 * <p>Pass a secured desk from the access module to have every step checked against the caller's
 * role as well. Thread-safe.
 */
public final class Escalations {
  private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
  private static final int RETRIES = 3;

  private final ServiceDesk desk;
  private final Map<String, EscalationChain> chains;
  private final EscalationChain defaultChain;
  private final Function<Ticket, BusinessCalendar> calendars;
  private final Clock clock;
  private final int repeatedComplaints;
  private final Duration complaintLookBack;
  private final Map<String, DelayRequest> requests = new HashMap<>();
  private long requestSequence;

  private Escalations(Builder b) {
    this.desk = b.desk;
    this.chains = Map.copyOf(b.chains);
    this.defaultChain = b.defaultChain;
    this.calendars = b.calendars;
    this.clock = b.clock;
    this.repeatedComplaints = b.repeatedComplaints;
    this.complaintLookBack = b.complaintLookBack;
  }

  /**
   * Returns a builder.
   *
   * @param desk the desk the steps are commands on
   * @param defaultChain the chain of departments without their own
   * @return the builder
   */
  public static Builder builder(ServiceDesk desk, EscalationChain defaultChain) {
    return new Builder(desk, defaultChain);
  }

  /**
   * Returns the chain of a ticket's department.
   *
   * @param ticket the ticket
   * @return its chain, or the default chain
   */
  public EscalationChain chainOf(Ticket ticket) {
    return ticket.department().map(chains::get).orElse(defaultChain);
  }

  /**
   * Escalates one level up the ticket's chain.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param trigger why
   * @param detail what happened, for the audit trail
   * @param actor who escalates
   * @return the escalated ticket
   * @throws EscalationException with {@link Problem#TOP_OF_CHAIN} at the top of the chain
   */
  public Ticket escalate(
      TicketId id, long expectedVersion, EscalationTrigger trigger, String detail, Actor actor) {
    Checks.notNull("trigger", trigger);
    Checks.text("detail", detail, Checks.MAX_NOTE_LENGTH);
    Ticket t = desk.get(Checks.notNull("id", id));
    EscalationChain chain = chainOf(t);
    if (t.escalationLevel() >= chain.top()) {
      throw new EscalationException(
          id,
          Problem.TOP_OF_CHAIN,
          "already at level "
              + t.escalationLevel()
              + " ("
              + chain.step(chain.top()).title()
              + "), the top of chain "
              + chain.department());
    }
    return escalateTo(t, expectedVersion, t.escalationLevel() + 1, chain, trigger, detail, actor);
  }

  /**
   * Escalates to at least a level (capped at the top of the chain); does nothing if the ticket is
   * already there. Used by automatic triggers, so repeated warnings do not climb the chain.
   *
   * @param id the ticket
   * @param level the lowest level wanted
   * @param trigger why
   * @param detail what happened
   * @param actor who escalates
   * @return the escalated ticket, or empty if it already was at that level or higher
   */
  public Optional<Ticket> escalateAtLeast(
      TicketId id, int level, EscalationTrigger trigger, String detail, Actor actor) {
    Checks.notNull("trigger", trigger);
    Checks.text("detail", detail, Checks.MAX_NOTE_LENGTH);
    if (level < 1) {
      throw new ValidationException("level", level, "must be at least 1");
    }
    return retrying(
        id,
        () -> {
          Ticket t = desk.get(id);
          EscalationChain chain = chainOf(t);
          int target = Math.min(level, chain.top());
          if (t.escalationLevel() >= target) {
            return Optional.empty();
          }
          return Optional.of(escalateTo(t, t.version(), target, chain, trigger, detail, actor));
        });
  }

  /**
   * Applies the complaint rules to a classified complaint: high severity goes straight to the top
   * of the chain, a customer with {@code repeatedComplaints} or more other complaints within the
   * look-back to level 2, any other complaint to level 1. Other categories are left alone.
   *
   * @param id the ticket
   * @param actor who escalates, usually {@link Actor#SYSTEM}
   * @return the escalated ticket, or empty if nothing was done
   */
  public Optional<Ticket> onComplaint(TicketId id, Actor actor) {
    Ticket t = desk.get(Checks.notNull("id", id));
    if (!t.category().map(Category.COMPLAINT::equals).orElse(false)) {
      return Optional.empty();
    }
    if (t.priority().map(p -> p.factors().severity() == Level.HIGH).orElse(false)) {
      return escalateAtLeast(
          id,
          chainOf(t).top(),
          EscalationTrigger.COMPLAINT_SEVERITY,
          "serious complaint (severity HIGH)",
          actor);
    }
    TicketQuery earlier =
        TicketQuery.builder()
            .customerId(t.customer().customerId())
            .category(Category.COMPLAINT)
            .createdFrom(clock.instant().minus(complaintLookBack))
            .limit(TicketQuery.MAX_LIMIT)
            .build();
    long others = desk.query(earlier).items().stream().filter(o -> !o.id().equals(id)).count();
    if (others >= repeatedComplaints) {
      return escalateAtLeast(
          id,
          2,
          EscalationTrigger.REPEATED_COMPLAINTS,
          others
              + " other complaints by the same customer within "
              + complaintLookBack.toDays()
              + " days",
          actor);
    }
    return escalateAtLeast(
        id, 1, EscalationTrigger.COMPLAINT_SEVERITY, "ordinary complaint", actor);
  }

  /**
   * Explicitly moves a ticket down its chain.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param toLevel the new level, below the current one (0 returns it to the assignee)
   * @param reason why
   * @param actor who de-escalates
   * @return the updated ticket
   * @throws EscalationException with {@link Problem#NOT_LOWER} if the level is not lower
   */
  public Ticket deescalate(
      TicketId id, long expectedVersion, int toLevel, String reason, Actor actor) {
    Checks.text("reason", reason, Checks.MAX_REASON_LENGTH);
    Ticket t = desk.get(Checks.notNull("id", id));
    if (toLevel < 0 || toLevel >= t.escalationLevel()) {
      throw new EscalationException(
          id,
          Problem.NOT_LOWER,
          "level " + toLevel + " is not below the current level " + t.escalationLevel());
    }
    String owner =
        toLevel == 0
            ? t.assignee().orElse(chainOf(t).department())
            : chainOf(t).step(toLevel).ownerId();
    Ticket after =
        desk.deescalate(id, expectedVersion, Escalation.of(toLevel, owner, reason), actor);
    LOG.info("ticket {} de-escalated to level {} by {}", id, toLevel, actor.id());
    return after;
  }

  /**
   * Returns the SLA module's one escalation handler ({@code ServiceDeskEscalationHandler}) with
   * this object's department chains as its ladder: a team-lead notification escalates to at least
   * level 1, a reassignment to a supervisor to at least level 2 (each step recording an {@code
   * SLA_WARNING} or {@code SLA_BREACH} trigger), a priority raise reprioritises one step. Acts as
   * {@link Actor#SYSTEM} and retries on concurrent changes. Recipient hours (holding a page until
   * the supervisor's calendar opens) are set on the tracker's {@code EscalationPolicy}.
   *
   * @return the handler, for {@code SlaTracker.builder(...).escalationHandler(...)}
   */
  public EscalationHandler slaHandler() {
    return ServiceDeskEscalationHandler.builder(desk).ladder(this::escalateForSla).build();
  }

  private void escalateForSla(TicketId id, int level, EscalationAction action, String reason) {
    SlaEvent cause = action.cause();
    EscalationTrigger trigger =
        cause instanceof SlaEvent.Breached
            ? EscalationTrigger.SLA_BREACH
            : EscalationTrigger.SLA_WARNING;
    String detail =
        cause.targetName()
            + (cause instanceof SlaEvent.Warned w
                ? " warning at " + Math.round(w.threshold() * 100) + "%"
                : " breached");
    escalateAtLeast(id, level, trigger, detail, Actor.SYSTEM);
  }

  /**
   * Files a delay request.
   *
   * @param id the ticket
   * @param requestedDue the new deadline, after the current one
   * @param reason why (kept, never logged)
   * @param requester the ticket's assignee
   * @return the pending request
   * @throws EscalationException if the requester is not the assignee, the ticket has no deadline,
   *     the request comes later than the {@link DelayRequestNoticeRule} on the ticket's calendar
   *     allows, or one is already pending
   */
  public DelayRequest requestDelay(
      TicketId id, Instant requestedDue, String reason, Actor requester) {
    Checks.notNull("requestedDue", requestedDue);
    Checks.text("reason", reason, Checks.MAX_REASON_LENGTH);
    Checks.notNull("requester", requester);
    Ticket t = desk.get(Checks.notNull("id", id));
    if (!t.assignee().map(requester.id()::equals).orElse(false)) {
      throw new EscalationException(
          id, Problem.NOT_ASSIGNEE, requester.id() + " is not the ticket's assignee");
    }
    Instant due =
        t.dueAt()
            .orElseThrow(
                () ->
                    new EscalationException(
                        id, Problem.NO_DEADLINE, "the ticket has no resolution deadline"));
    if (!requestedDue.isAfter(due)) {
      throw new EscalationException(
          id, Problem.NOT_LATER, "requested deadline " + requestedDue + " is not after " + due);
    }
    Instant now = clock.instant();
    DelayRequestNoticeRule notice = DelayRequestNoticeRule.on(calendars.apply(t));
    if (!notice.isInTime(now, due)) {
      throw new EscalationException(
          id,
          Problem.TOO_LATE,
          "filed at "
              + now
              + ", less than one working day (calendar "
              + notice.calendar().name()
              + ") before the deadline "
              + due
              + " (latest "
              + notice.latestFiling(due)
              + ")");
    }
    EscalationChain chain = chainOf(t);
    String approver = chain.step(Math.min(t.escalationLevel() + 1, chain.top())).ownerId();
    synchronized (requests) {
      for (DelayRequest r : requests.values()) {
        if (r.subjectId().equals(id.value()) && r.isPending()) {
          throw new EscalationException(
              id, Problem.ALREADY_DECIDED, "delay request " + r.id() + " is still pending");
        }
      }
      DelayRequest request =
          DelayRequest.pending(
              "DR-" + (++requestSequence),
              id.value(),
              requester.id(),
              now,
              due,
              requestedDue,
              reason,
              approver);
      requests.put(request.id(), request);
      LOG.info(
          "delay request {} filed on ticket {} by {} for {}",
          request.id(),
          id,
          requester.id(),
          approver);
      return request;
    }
  }

  /**
   * Approves a pending delay request and moves the ticket's deadline.
   *
   * @param requestId the request
   * @param note the approver's note
   * @param approver the owner of the chain's next level
   * @return the ticket with the new deadline
   */
  public Ticket approveDelay(String requestId, String note, Actor approver) {
    DelayRequest request = pending(requestId, approver);
    Ticket t = desk.get(TicketId.of(request.subjectId()));
    Ticket after =
        desk.changeDeadline(
            t.id(),
            t.version(),
            request.requestedDue(),
            "delay request " + requestId + " approved by " + approver.id() + ": " + note,
            approver);
    synchronized (requests) {
      requests.put(
          requestId,
          request.decide(DelayRequest.Status.APPROVED, approver.id(), clock.instant(), note));
    }
    LOG.info(
        "delay request {} on ticket {} approved by {}",
        requestId,
        TicketId.of(request.subjectId()),
        approver.id());
    return after;
  }

  /**
   * Rejects a pending delay request; the deadline stands.
   *
   * @param requestId the request
   * @param note why
   * @param approver the owner of the chain's next level
   * @return the decided request
   */
  public DelayRequest rejectDelay(String requestId, String note, Actor approver) {
    Checks.text("note", note, Checks.MAX_NOTE_LENGTH);
    DelayRequest request = pending(requestId, approver);
    DelayRequest decided =
        request.decide(DelayRequest.Status.REJECTED, approver.id(), clock.instant(), note);
    synchronized (requests) {
      requests.put(requestId, decided);
    }
    LOG.info(
        "delay request {} on ticket {} rejected by {}",
        requestId,
        TicketId.of(request.subjectId()),
        approver.id());
    return decided;
  }

  /**
   * Returns a ticket's delay requests, oldest first.
   *
   * @param id the ticket
   * @return the requests with their decisions
   */
  public List<DelayRequest> delayRequests(TicketId id) {
    synchronized (requests) {
      List<DelayRequest> out = new ArrayList<>();
      for (DelayRequest r : requests.values()) {
        if (r.subjectId().equals(id.value())) {
          out.add(r);
        }
      }
      out.sort(java.util.Comparator.comparingLong(r -> Long.parseLong(r.id().substring(3))));
      return out;
    }
  }

  private DelayRequest pending(String requestId, Actor approver) {
    Checks.notNull("approver", approver);
    DelayRequest request;
    synchronized (requests) {
      request = requests.get(Checks.notNull("requestId", requestId));
    }
    if (request == null) {
      throw new EscalationException(null, Problem.UNKNOWN_REQUEST, "no delay request " + requestId);
    }
    if (request.status() != DelayRequest.Status.PENDING) {
      throw new EscalationException(
          TicketId.of(request.subjectId()),
          Problem.ALREADY_DECIDED,
          requestId + " is already " + request.status());
    }
    if (!request.approverId().equals(approver.id())) {
      throw new EscalationException(
          TicketId.of(request.subjectId()),
          Problem.NOT_APPROVER,
          approver.id()
              + " may not decide "
              + requestId
              + "; the next level of the chain is "
              + request.approverId());
    }
    return request;
  }

  private Ticket escalateTo(
      Ticket t,
      long expectedVersion,
      int level,
      EscalationChain chain,
      EscalationTrigger trigger,
      String detail,
      Actor actor) {
    EscalationChain.Step step = chain.step(level);
    Escalation escalation =
        Escalation.of(level, step.ownerId(), trigger + ": " + detail + " -> " + step.title());
    Ticket after = desk.escalate(t.id(), expectedVersion, escalation, actor);
    LOG.info(
        "ticket {} escalated to level {} ({}) by {} on {}",
        t.id(),
        level,
        step.title(),
        actor.id(),
        trigger);
    return after;
  }

  private static <T> Optional<T> retrying(TicketId id, Supplier<Optional<T>> attempt) {
    for (int i = 1; ; i++) {
      try {
        return attempt.get();
      } catch (VersionConflictException e) {
        if (i == RETRIES) {
          throw e;
        }
        LOG.debug("ticket {} changed concurrently, retrying escalation ({} of {})", id, i, RETRIES);
      }
    }
  }

  /** Builds {@link Escalations}; not thread-safe. */
  public static final class Builder {
    private final ServiceDesk desk;
    private final EscalationChain defaultChain;
    private final Map<String, EscalationChain> chains = new HashMap<>();
    private Function<Ticket, BusinessCalendar> calendars = t -> BusinessCalendar.twentyFourSeven();
    private Clock clock = Clock.systemUTC();
    private int repeatedComplaints = 2;
    private Duration complaintLookBack = Duration.ofDays(30);

    private Builder(ServiceDesk desk, EscalationChain defaultChain) {
      this.desk = Checks.notNull("desk", desk);
      this.defaultChain = Checks.notNull("defaultChain", defaultChain);
    }

    /** Adds a department's own chain. */
    public Builder chain(EscalationChain chain) {
      Checks.notNull("chain", chain);
      if (chains.putIfAbsent(chain.department(), chain) != null) {
        throw new ValidationException(
            "chain", chain.department(), "department already has a chain");
      }
      return this;
    }

    /** Sets how a ticket's business calendar is found (default: 24x7 for every ticket). */
    public Builder calendars(Function<Ticket, BusinessCalendar> value) {
      calendars = Checks.notNull("calendars", value);
      return this;
    }

    /** Sets the clock (default: UTC system clock). */
    public Builder clock(Clock value) {
      clock = Checks.notNull("clock", value);
      return this;
    }

    /**
     * Sets how many other complaints within the look-back count as repeated (default 2 in 30 days).
     */
    public Builder repeatedComplaints(int count, Duration lookBack) {
      if (count < 1) {
        throw new ValidationException("repeatedComplaints", count, "must be at least 1");
      }
      if (lookBack == null || lookBack.isNegative() || lookBack.isZero()) {
        throw new ValidationException("complaintLookBack", lookBack, "must be positive");
      }
      repeatedComplaints = count;
      complaintLookBack = lookBack;
      return this;
    }

    /** Returns the thread-safe service. */
    public Escalations build() {
      return new Escalations(this);
    }
  }
}
