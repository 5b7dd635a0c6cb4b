package io.loopdesk.core;

import static io.loopdesk.api.TicketAction.ASSIGN;
import static io.loopdesk.api.TicketAction.CHANGE_DEADLINE;
import static io.loopdesk.api.TicketAction.CLASSIFY;
import static io.loopdesk.api.TicketAction.CLOSE;
import static io.loopdesk.api.TicketAction.DEESCALATE;
import static io.loopdesk.api.TicketAction.ESCALATE;
import static io.loopdesk.api.TicketAction.MARK_UNREACHABLE;
import static io.loopdesk.api.TicketAction.RECORD_CALLBACK;
import static io.loopdesk.api.TicketAction.REOPEN;
import static io.loopdesk.api.TicketAction.REPRIORITISE;
import static io.loopdesk.api.TicketAction.RESOLVE;
import static io.loopdesk.api.TicketAction.RESUME;
import static io.loopdesk.api.TicketAction.START;
import static io.loopdesk.api.TicketAction.WAIT_ON_CUSTOMER;
import static io.loopdesk.api.TicketAction.WAIT_ON_THIRD_PARTY;

import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.ClosedLoopViolationException;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The closed-loop rule, whole: <em>a ticket ends in a closing status only after a callback in which
 * the customer was reached, confirmed the problem resolved and gave at least the policy's minimum
 * rating, with no work on the ticket since.</em> It is a property of the lifecycle, not of status
 * or action names, and no configuration lifts it.
 *
 * <p>A {@link Lifecycle} sorts its statuses into three kinds besides ordinary working statuses:
 *
 * <ul>
 *   <li><b>Closing</b> statuses ({@link TicketStatus#CLOSED} and any declared with {@link
 *       Lifecycle.Builder#closing}): terminal, entered only with a valid confirming callback. Every
 *       entry is recorded as a {@link TicketChange.Closed} change, whichever action led there.
 *   <li><b>After-callback</b> statuses ({@link TicketStatus#CALLBACK} and custom ones declared with
 *       {@link Lifecycle.Builder#afterCallback}, such as a QA review between callback and close): a
 *       confirming callback survives moves between them. Standard working statuses cannot be
 *       declared so.
 *   <li><b>Audited exits</b> ({@link TicketStatus#UNREACHABLE} and any declared with {@link
 *       Lifecycle.Builder#auditedExit}): statuses that may end or park a ticket without a callback;
 *       every entry is an event in the audit trail.
 * </ul>
 *
 * <p>Shape, checked when a lifecycle is built ({@link #checkLifecycle}): no transition leaves a
 * closing status; {@code CLOSE} leads only into closing statuses; escalation, de-escalation,
 * re-prioritisation, deadline changes and communications keep the status; the standard work actions
 * (classify, assign, start, wait, resume, resolve, record a callback, reopen) never lead into a
 * closing status, because they void the confirmation in the same step; every status that a ticket
 * cannot leave is closing or an audited exit.
 *
 * <p>Confirmation, tracked by {@link Ticket#isCallbackConfirmed()}: a satisfactory callback sets
 * it; every work change clears it ({@link TicketChange#isWork()}), and so does every custom
 * transition into a working status ({@link #voidsCallback}). A transition into a closing status is
 * allowed only when it is set and the latest callback still satisfies the policy ({@link
 * #requireConfirmedCallback}).
 */
public final class ClosedLoopRule {
  /** Standard actions whose change is work on the ticket and clears a confirmation. */
  private static final Set<TicketAction> WORK_ACTIONS =
      Set.of(
          CLASSIFY,
          ASSIGN,
          START,
          WAIT_ON_CUSTOMER,
          WAIT_ON_THIRD_PARTY,
          RESUME,
          RESOLVE,
          RECORD_CALLBACK,
          REOPEN,
          MARK_UNREACHABLE);

  /**
   * Standard administrative and communication actions that must keep the ticket's status in the
   * lifecycle. (A customer reply may still resume a waiting ticket: the desk then applies the
   * lifecycle's {@code RESUME} transition and its guards, and the reply counts as work.)
   */
  private static final Set<TicketAction> STATUS_KEEPING_ACTIONS =
      Set.of(
          ESCALATE,
          DEESCALATE,
          REPRIORITISE,
          CHANGE_DEADLINE,
          TicketAction.REPLY_TO_CUSTOMER,
          TicketAction.RECORD_CUSTOMER_REPLY,
          TicketAction.ADD_INTERNAL_NOTE);

  /** Standard statuses in which work happens; they can never be declared after-callback. */
  private static final Set<TicketStatus> STANDARD_WORKING_STATUSES =
      Set.of(
          TicketStatus.RECEIVED,
          TicketStatus.CLASSIFIED,
          TicketStatus.ASSIGNED,
          TicketStatus.IN_PROGRESS,
          TicketStatus.WAITING_ON_CUSTOMER,
          TicketStatus.WAITING_ON_THIRD_PARTY,
          TicketStatus.RESOLVED,
          TicketStatus.UNREACHABLE);

  private ClosedLoopRule() {}

  /**
   * Checks that a lifecycle cannot end a ticket around the closed loop.
   *
   * @param lifecycle the lifecycle
   * @throws ValidationException naming the offending status or action and what to change
   */
  public static void checkLifecycle(Lifecycle lifecycle) {
    Set<TicketStatus> closing = lifecycle.closingStatuses();
    Set<TicketStatus> exits = lifecycle.auditedExits();
    Set<TicketStatus> afterCallback = lifecycle.afterCallbackStatuses();
    for (TicketStatus status : closing) {
      if (exits.contains(status) || afterCallback.contains(status)) {
        throw new ValidationException(
            "lifecycle.closing",
            status,
            "is closing and so cannot also be an audited exit or an after-callback status");
      }
    }
    for (TicketStatus status : afterCallback) {
      if (exits.contains(status) || STANDARD_WORKING_STATUSES.contains(status)) {
        throw new ValidationException(
            "lifecycle.afterCallback",
            status,
            "is a working status or an audited exit; only CALLBACK and custom review statuses keep a confirmation");
      }
    }
    Set<TicketStatus> statuses = new LinkedHashSet<>(lifecycle.statuses());
    for (TicketStatus from : statuses) {
      for (TicketAction action : lifecycle.allowedActions(from)) {
        TicketStatus to = lifecycle.target(from, action).orElseThrow();
        checkTransition(lifecycle, from, action, to);
      }
    }
    for (TicketStatus status : statuses) {
      if (!closing.contains(status) && !exits.contains(status) && !canLeave(lifecycle, status)) {
        throw new ValidationException(
            "lifecycle.status",
            status,
            "ends a ticket but is neither closing nor an audited exit; declare it with closing(...) (needs a confirming callback) or auditedExit(...)");
      }
    }
  }

  private static void checkTransition(
      Lifecycle lifecycle, TicketStatus from, TicketAction action, TicketStatus to) {
    String transition = from + " -" + action + "-> " + to + ": ";
    if (lifecycle.isClosing(from)) {
      throw new ValidationException(
          "lifecycle.transition",
          action,
          transition + "leaves the closing status " + from + ", which is terminal");
    }
    if (action.equals(CLOSE) && !lifecycle.isClosing(to)) {
      throw new ValidationException(
          "lifecycle.transition",
          action,
          transition
              + "CLOSE must lead into a closing status; declare "
              + to
              + " with closing(...)");
    }
    if (STATUS_KEEPING_ACTIONS.contains(action) && !from.equals(to)) {
      throw new ValidationException(
          "lifecycle.transition",
          action,
          transition + action + " is administrative and must keep the status");
    }
    if (WORK_ACTIONS.contains(action) && lifecycle.isClosing(to)) {
      throw new ValidationException(
          "lifecycle.transition",
          action,
          transition
              + action
              + " is work on the ticket and voids the confirming callback in the same step, so it can never close a ticket");
    }
  }

  /** A status can be left when some transition leads elsewhere; recording a callback may reopen. */
  private static boolean canLeave(Lifecycle lifecycle, TicketStatus status) {
    for (TicketAction action : lifecycle.allowedActions(status)) {
      if (action.equals(RECORD_CALLBACK)
          || !lifecycle.target(status, action).orElseThrow().equals(status)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether a custom transition into {@code target} voids a confirming callback: it does
   * unless the target is closing or after-callback.
   *
   * @param lifecycle the lifecycle
   * @param target the status the transition leads to
   * @return true if the ticket moves back into a working status (or an audited exit)
   */
  public static boolean voidsCallback(Lifecycle lifecycle, TicketStatus target) {
    return !lifecycle.isClosing(target) && !lifecycle.afterCallbackStatuses().contains(target);
  }

  /**
   * Checks that a ticket may enter a closing status now.
   *
   * @param current the ticket before the transition
   * @param policy the closed-loop policy in force
   * @throws ClosedLoopViolationException saying which part of the rule is not met
   */
  public static void requireConfirmedCallback(Ticket current, ClosedLoopPolicy policy) {
    Optional<CallbackRecord> latest = current.latestCallback();
    if (latest.isEmpty()) {
      throw new ClosedLoopViolationException(current.id(), "no callback has been recorded");
    }
    CallbackResult result = latest.get().result();
    if (!result.outcome().reached()) {
      throw new ClosedLoopViolationException(
          current.id(),
          "the latest callback did not reach the customer (" + result.outcome() + ")");
    }
    if (!result.resolved()) {
      throw new ClosedLoopViolationException(
          current.id(), "the customer did not confirm the problem is resolved");
    }
    if (result.rating() < policy.minimumRating()) {
      throw new ClosedLoopViolationException(
          current.id(),
          "the customer's rating "
              + result.rating()
              + " is below the minimum "
              + policy.minimumRating());
    }
    if (!current.isCallbackConfirmed()) {
      throw new ClosedLoopViolationException(
          current.id(),
          "the ticket changed after the confirming callback; a new callback is needed");
    }
  }
}
