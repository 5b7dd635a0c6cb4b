package io.loopdesk.core;

import static io.loopdesk.api.TicketAction.ASSIGN;
import static io.loopdesk.api.TicketAction.CLASSIFY;
import static io.loopdesk.api.TicketAction.CLOSE;
import static io.loopdesk.api.TicketAction.RECORD_CALLBACK;
import static io.loopdesk.api.TicketAction.REOPEN;
import static io.loopdesk.api.TicketAction.RESOLVE;
import static io.loopdesk.api.TicketAction.RESUME;
import static io.loopdesk.api.TicketAction.START;
import static io.loopdesk.api.TicketAction.WAIT_ON_CUSTOMER;
import static io.loopdesk.api.TicketAction.WAIT_ON_THIRD_PARTY;
import static io.loopdesk.api.TicketStatus.ASSIGNED;
import static io.loopdesk.api.TicketStatus.CALLBACK;
import static io.loopdesk.api.TicketStatus.CLASSIFIED;
import static io.loopdesk.api.TicketStatus.CLOSED;
import static io.loopdesk.api.TicketStatus.IN_PROGRESS;
import static io.loopdesk.api.TicketStatus.RECEIVED;
import static io.loopdesk.api.TicketStatus.RESOLVED;
import static io.loopdesk.api.TicketStatus.UNREACHABLE;
import static io.loopdesk.api.TicketStatus.WAITING_ON_CUSTOMER;
import static io.loopdesk.api.TicketStatus.WAITING_ON_THIRD_PARTY;

import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket state machine: which action leads from which status to which status, plus guards.
 * Immutable and thread-safe. Start from {@link #standard()} and extend it with {@link
 * #toBuilder()}: add statuses and custom actions, remove standard steps, add guards.
 *
 * <p>Every lifecycle obeys the {@link ClosedLoopRule}: its closing statuses ({@link
 * TicketStatus#CLOSED} and those declared with {@link Builder#closing}) are terminal and entered
 * only after a confirming callback that no later work voided; a status a ticket cannot leave must
 * be closing or a declared audited exit; {@link Builder#build()} rejects any lifecycle that could
 * end a ticket otherwise. {@link TicketAction#RECORD_CALLBACK}, whose target depends on the
 * callback result, keeps its standard sources' semantics.
 */
public final class Lifecycle {
  private static final Lifecycle STANDARD = standardBuilder().build();

  private final Map<TicketStatus, Map<TicketAction, TicketStatus>> transitions;
  private final List<NamedGuard> guards;
  private final Set<TicketStatus> closing;
  private final Set<TicketStatus> auditedExits;
  private final Set<TicketStatus> afterCallback;

  private Lifecycle(Builder builder) {
    Map<TicketStatus, Map<TicketAction, TicketStatus>> copy = new LinkedHashMap<>();
    builder.transitions.forEach((from, byAction) -> copy.put(from, Map.copyOf(byAction)));
    this.transitions = Map.copyOf(copy);
    this.guards = List.copyOf(builder.guards);
    this.closing = Set.copyOf(builder.closing);
    this.auditedExits = Set.copyOf(builder.auditedExits);
    this.afterCallback = Set.copyOf(builder.afterCallback);
  }

  /**
   * Returns the standard lifecycle: received -> classified -> assigned -> in progress -> (waiting
   * on customer / third party) -> resolved -> callback -> closed; an unsatisfied callback or a
   * customer's reopen goes back to received for re-classification. Escalation, de-escalation,
   * deadline changes and communications (agent replies, customer replies, internal notes) keep the
   * status and are allowed in every status but closed; re-prioritising also, except in received,
   * where the ticket awaits classification.
   */
  public static Lifecycle standard() {
    return STANDARD;
  }

  private static Builder standardBuilder() {
    Builder b =
        new Builder(
            new LinkedHashMap<>(),
            new ArrayList<>(),
            Set.of(CLOSED),
            Set.of(UNREACHABLE),
            Set.of(CALLBACK));
    for (TicketStatus s :
        List.of(
            RECEIVED,
            CLASSIFIED,
            ASSIGNED,
            IN_PROGRESS,
            WAITING_ON_CUSTOMER,
            WAITING_ON_THIRD_PARTY,
            RESOLVED,
            CALLBACK,
            UNREACHABLE)) {
      b.transition(s, TicketAction.ESCALATE, s)
          .transition(s, TicketAction.DEESCALATE, s)
          .transition(s, TicketAction.CHANGE_DEADLINE, s)
          .transition(s, TicketAction.REPLY_TO_CUSTOMER, s)
          .transition(s, TicketAction.RECORD_CUSTOMER_REPLY, s)
          .transition(s, TicketAction.ADD_INTERNAL_NOTE, s);
      if (!s.equals(RECEIVED)) {
        b.transition(s, TicketAction.REPRIORITISE, s);
      }
    }
    return b.transition(RECEIVED, CLASSIFY, CLASSIFIED)
        .transition(CLASSIFIED, CLASSIFY, CLASSIFIED)
        .transition(CLASSIFIED, ASSIGN, ASSIGNED)
        .transition(ASSIGNED, ASSIGN, ASSIGNED)
        .transition(ASSIGNED, START, IN_PROGRESS)
        .transition(IN_PROGRESS, ASSIGN, ASSIGNED)
        .transition(IN_PROGRESS, WAIT_ON_CUSTOMER, WAITING_ON_CUSTOMER)
        .transition(IN_PROGRESS, WAIT_ON_THIRD_PARTY, WAITING_ON_THIRD_PARTY)
        .transition(IN_PROGRESS, RESOLVE, RESOLVED)
        .transition(WAITING_ON_CUSTOMER, RESUME, IN_PROGRESS)
        .transition(WAITING_ON_CUSTOMER, ASSIGN, ASSIGNED)
        .transition(WAITING_ON_THIRD_PARTY, RESUME, IN_PROGRESS)
        .transition(WAITING_ON_THIRD_PARTY, ASSIGN, ASSIGNED)
        .transition(RESOLVED, RECORD_CALLBACK, CALLBACK)
        .transition(RESOLVED, REOPEN, RECEIVED)
        .transition(CALLBACK, RECORD_CALLBACK, CALLBACK)
        .transition(CALLBACK, CLOSE, CLOSED)
        .transition(CALLBACK, REOPEN, RECEIVED)
        .transition(UNREACHABLE, RECORD_CALLBACK, CALLBACK)
        .transition(UNREACHABLE, REOPEN, RECEIVED);
  }

  /** Returns a builder holding this lifecycle's transitions and guards. */
  public Builder toBuilder() {
    Map<TicketStatus, Map<TicketAction, TicketStatus>> copy = new LinkedHashMap<>();
    transitions.forEach((from, byAction) -> copy.put(from, new LinkedHashMap<>(byAction)));
    return new Builder(copy, new ArrayList<>(guards), closing, auditedExits, afterCallback);
  }

  /**
   * Returns every status that appears in a transition, as source or target, and every declared one.
   */
  public Set<TicketStatus> statuses() {
    Set<TicketStatus> all = new LinkedHashSet<>(transitions.keySet());
    transitions.values().forEach(byAction -> all.addAll(byAction.values()));
    all.addAll(closing);
    all.addAll(auditedExits);
    all.addAll(afterCallback);
    return Set.copyOf(all);
  }

  /** Returns the terminal statuses that close the loop: {@code CLOSED} and any declared ones. */
  public Set<TicketStatus> closingStatuses() {
    return closing;
  }

  /**
   * Returns the statuses that may end or park a ticket without a callback, such as {@code
   * UNREACHABLE}.
   */
  public Set<TicketStatus> auditedExits() {
    return auditedExits;
  }

  /**
   * Returns the statuses between a confirming callback and closing: {@code CALLBACK} and declared
   * ones.
   */
  public Set<TicketStatus> afterCallbackStatuses() {
    return afterCallback;
  }

  /**
   * Returns whether a status closes the loop.
   *
   * @param status the status
   * @return true for {@code CLOSED} and declared closing statuses
   */
  public boolean isClosing(TicketStatus status) {
    return closing.contains(status);
  }

  /**
   * Returns the status an action leads to from a status.
   *
   * @param from the current status
   * @param action the action
   * @return the target status, or empty if the action is not allowed from {@code from}
   */
  public Optional<TicketStatus> target(TicketStatus from, TicketAction action) {
    return Optional.ofNullable(transitions.getOrDefault(from, Map.of()).get(action));
  }

  /**
   * Returns the actions allowed from a status.
   *
   * @param from the status
   * @return the allowed actions, empty for terminal or unknown statuses
   */
  public Set<TicketAction> allowedActions(TicketStatus from) {
    return transitions.getOrDefault(from, Map.of()).keySet();
  }

  /** Returns the guards, in the order they are checked. */
  public List<NamedGuard> guards() {
    return guards;
  }

  /**
   * A guard with the name that rejections report.
   *
   * @param name the guard's name
   * @param guard the rule
   */
  public record NamedGuard(String name, TransitionGuard guard) {}

  /** Builds a {@link Lifecycle}; not thread-safe. */
  public static final class Builder {
    private final Map<TicketStatus, Map<TicketAction, TicketStatus>> transitions;
    private final List<NamedGuard> guards;
    private final Set<TicketStatus> closing;
    private final Set<TicketStatus> auditedExits;
    private final Set<TicketStatus> afterCallback;

    private Builder(
        Map<TicketStatus, Map<TicketAction, TicketStatus>> transitions,
        List<NamedGuard> guards,
        Set<TicketStatus> closing,
        Set<TicketStatus> auditedExits,
        Set<TicketStatus> afterCallback) {
      this.transitions = transitions;
      this.guards = guards;
      this.closing = new LinkedHashSet<>(closing);
      this.auditedExits = new LinkedHashSet<>(auditedExits);
      this.afterCallback = new LinkedHashSet<>(afterCallback);
    }

    /**
     * Declares a terminal status that closes the loop like {@code CLOSED}: entered only after a
     * confirming callback, never left, recorded as a {@code Closed} change.
     *
     * @param status the status
     * @return this builder
     */
    public Builder closing(TicketStatus status) {
      closing.add(require("closing", status));
      return this;
    }

    /**
     * Declares a status that may end or park a ticket without a callback, like {@code UNREACHABLE}
     * (for example a duplicate merged into another ticket). Every entry is an audited event.
     *
     * @param status the status
     * @return this builder
     */
    public Builder auditedExit(TicketStatus status) {
      auditedExits.add(require("auditedExit", status));
      return this;
    }

    /**
     * Declares a custom status between a confirming callback and closing, such as a QA review:
     * moves into it keep the confirmation. Standard working statuses cannot be declared so.
     *
     * @param status the status
     * @return this builder
     */
    public Builder afterCallback(TicketStatus status) {
      afterCallback.add(require("afterCallback", status));
      return this;
    }

    /**
     * Adds or replaces a transition.
     *
     * @param from the source status
     * @param action the action
     * @param to the target status
     * @return this builder
     * @throws ValidationException if it leaves {@code CLOSED}, gives {@code OPEN} a source, or
     *     redirects {@code RECORD_CALLBACK}, whose target depends on the callback result
     */
    public Builder transition(TicketStatus from, TicketAction action, TicketStatus to) {
      require("from", from);
      require("action", action);
      require("to", to);
      if (from.equals(CLOSED)) {
        throw new ValidationException(
            "from", from, "CLOSED is terminal; no transition may leave it");
      }
      if (action.equals(TicketAction.OPEN)) {
        throw new ValidationException(
            "action", action, "OPEN creates tickets and has no source status");
      }
      if (action.equals(RECORD_CALLBACK) && !to.equals(CALLBACK)) {
        throw new ValidationException(
            "to",
            to,
            "RECORD_CALLBACK must lead to CALLBACK; reopen and unreachable follow the closed-loop policy");
      }
      transitions.computeIfAbsent(from, k -> new LinkedHashMap<>()).put(action, to);
      return this;
    }

    /**
     * Removes a transition, e.g. to forbid reassigning a ticket in progress.
     *
     * @param from the source status
     * @param action the action
     * @return this builder
     */
    public Builder removeTransition(TicketStatus from, TicketAction action) {
      Map<TicketAction, TicketStatus> byAction = transitions.get(require("from", from));
      if (byAction != null) {
        byAction.remove(require("action", action));
      }
      return this;
    }

    /**
     * Adds a guard, checked after the built-in rules and before the command is applied.
     *
     * @param name the name reported when the guard rejects a command
     * @param guard the guard
     * @return this builder
     */
    public Builder guard(String name, TransitionGuard guard) {
      if (name == null || name.isBlank()) {
        throw new ValidationException("guard.name", name, "must not be blank");
      }
      guards.add(new NamedGuard(name, require("guard", guard)));
      return this;
    }

    /**
     * Returns the immutable lifecycle.
     *
     * @throws ValidationException if it breaks the {@link ClosedLoopRule}
     */
    public Lifecycle build() {
      Lifecycle lifecycle = new Lifecycle(this);
      ClosedLoopRule.checkLifecycle(lifecycle);
      return lifecycle;
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      return value;
    }
  }
}
