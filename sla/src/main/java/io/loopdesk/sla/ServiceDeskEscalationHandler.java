package io.loopdesk.sla;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.VersionConflictException;
import java.util.function.Consumer;

/**
 * Carries out escalation actions on a {@link ServiceDesk} as {@link Actor#SYSTEM}, so that each one
 * appears in the ticket's own event history:
 *
 * <ul>
 *   <li>{@code NOTIFY_TEAM_LEAD}: escalates the ticket to level 1 owned by the configured team lead
 *       (if it is not already at level 1 or above), then passes the action to the host's notifier;
 *   <li>{@code REASSIGN_TO_SUPERVISOR}: escalates to level 2 owned by the supervisor (if below) and
 *       assigns the ticket to the supervisor, when the lifecycle allows an assignment in the
 *       ticket's status;
 *   <li>{@code RAISE_PRIORITY}: re-prioritises the ticket one level up ({@code Priority.raised()});
 *       the desk asks its deadline policy (the tracker's) for the new deadline and the tracker
 *       recomputes its targets.
 * </ul>
 *
 * Concurrent changes are retried on a version conflict. Thread-safe if the notifier is.
 *
 * <p>This is Loopdesk's one SLA escalation handler. Who owns each level comes from its {@link
 * EscalationLadder}: by default one team lead and one supervisor for every ticket (a desk without
 * the routing module); the routing module's {@code io.loopdesk.routing.Escalations#slaHandler()}
 * builds this same handler with a ladder that escalates along the ticket's department chain and
 * records the trigger with each step ({@link Builder#ladder(EscalationLadder)}). With a ladder of
 * its own, the handler still reassigns to the configured supervisor, if any, and passes {@code
 * NOTIFY_TEAM_LEAD} actions to the notifier.
 *
 * <p>Out-of-hours paging is decided before the handler is called: the tracker holds actions whose
 * recipient's calendar is closed when the escalation policy says so ({@link RecipientHours}).
 */
public final class ServiceDeskEscalationHandler implements EscalationHandler {

  private static final int ATTEMPTS = 3;

  private final ServiceDesk desk;
  private final String teamLead;
  private final Assignment supervisor;
  private final Consumer<EscalationAction> notifier;
  private final EscalationLadder ladder;

  private ServiceDeskEscalationHandler(Builder builder) {
    this.ladder = builder.ladder != null ? builder.ladder : this::fixedLadder;
    this.desk = builder.desk;
    this.teamLead = builder.teamLead;
    this.supervisor = builder.supervisor;
    this.notifier = builder.notifier;
  }

  /** A builder for a handler acting on {@code desk}. */
  public static Builder builder(ServiceDesk desk) {
    return new Builder(desk);
  }

  /**
   * Carries out one action.
   *
   * @throws IllegalStateException when the ticket's status does not allow a reassignment or the
   *     handler lacks the supervisor it needs (the tracker audits the failure)
   */
  @Override
  public void execute(EscalationAction action) {
    String reason = "SLA: " + describe(action.cause());
    switch (action.kind()) {
      case NOTIFY_TEAM_LEAD -> {
        ladder.escalateAtLeast(action.ticketId(), 1, action, reason);
        notifier.accept(action);
      }
      case REASSIGN_TO_SUPERVISOR -> {
        ladder.escalateAtLeast(action.ticketId(), 2, action, reason);
        if (supervisor != null) {
          reassign(action);
        }
      }
      case RAISE_PRIORITY -> raisePriority(action, reason);
    }
  }

  /**
   * The default ladder: level 1 owned by the team lead (nothing without one), level 2 by the
   * supervisor.
   *
   * @throws IllegalStateException when level 2 is asked for and no supervisor is configured
   */
  private void fixedLadder(
      io.loopdesk.api.TicketId ticketId, int level, EscalationAction action, String reason) {
    if (level >= 2 && supervisor == null) {
      throw new IllegalStateException("no supervisor configured for " + action.kind());
    }
    String owner = level >= 2 ? supervisor.assignee() : teamLead;
    if (owner != null) {
      escalateTo(action, level, owner, reason);
    }
  }

  private void escalateTo(EscalationAction action, int level, String owner, String reason) {
    update(
        action,
        ticket -> {
          if (ticket.escalationLevel() >= level) {
            return;
          }
          desk.escalate(
              ticket.id(), ticket.version(), Escalation.of(level, owner, reason), Actor.SYSTEM);
        });
  }

  private void reassign(EscalationAction action) {
    update(
        action,
        ticket -> {
          if (ticket.assignee().filter(supervisor.assignee()::equals).isPresent()) {
            return;
          }
          if (!desk.allowedActions(ticket).contains(TicketAction.ASSIGN)) {
            throw new IllegalStateException(
                "status "
                    + ticket.status()
                    + " of ticket "
                    + ticket.id()
                    + " does not allow a reassignment");
          }
          desk.assign(ticket.id(), ticket.version(), supervisor, Actor.SYSTEM);
        });
  }

  private void raisePriority(EscalationAction action, String reason) {
    update(
        action,
        ticket -> {
          if (ticket.priority().isEmpty() || ticket.priority().get().priority() == Priority.P0) {
            return;
          }
          Priority raised = ticket.priority().get().priority().raised();
          desk.reprioritise(ticket.id(), ticket.version(), raised, reason, Actor.SYSTEM);
        });
  }

  private void update(EscalationAction action, Consumer<Ticket> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        change.accept(desk.get(action.ticketId()));
        return;
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static String describe(SlaEvent event) {
    if (event instanceof SlaEvent.Warned warned) {
      return warned.targetName()
          + " "
          + Math.round(warned.threshold() * 100)
          + "% of "
          + warned.target().duration()
          + " elapsed";
    }
    if (event instanceof SlaEvent.Breached breached) {
      return breached.targetName() + " target " + breached.target().duration() + " exceeded";
    }
    return event.targetName() + " met";
  }

  /** Builds a {@link ServiceDeskEscalationHandler}. Not thread-safe. */
  public static final class Builder {
    private final ServiceDesk desk;
    private String teamLead;
    private Assignment supervisor;
    private Consumer<EscalationAction> notifier = action -> {};
    private EscalationLadder ladder;

    private Builder(ServiceDesk desk) {
      if (desk == null) {
        throw new SlaPolicyException("desk", null, "a service desk is required");
      }
      this.desk = desk;
    }

    /**
     * The team lead who owns escalation level 1 ({@code NOTIFY_TEAM_LEAD}); without one, only the
     * notifier runs.
     */
    public Builder teamLead(String userId) {
      if (userId == null || userId.isBlank()) {
        throw new SlaPolicyException("teamLead", userId, "a team lead's user id is required");
      }
      this.teamLead = userId;
      return this;
    }

    /**
     * The supervisor (agent id and department) that {@code REASSIGN_TO_SUPERVISOR} assigns tickets
     * to.
     */
    public Builder supervisor(String assigneeId, String department) {
      this.supervisor = Assignment.of(assigneeId, department);
      return this;
    }

    /** Receives {@code NOTIFY_TEAM_LEAD} actions, e.g. to send a message (default: nothing). */
    public Builder notifier(Consumer<EscalationAction> value) {
      if (value == null) {
        throw new SlaPolicyException("notifier", null, "notifier is null");
      }
      this.notifier = value;
      return this;
    }

    /**
     * Moves tickets up their levels with {@code value} instead of the fixed team lead and
     * supervisor (e.g. the routing module's department chains).
     */
    public Builder ladder(EscalationLadder value) {
      if (value == null) {
        throw new SlaPolicyException("ladder", null, "ladder is null");
      }
      this.ladder = value;
      return this;
    }

    /** Builds the handler. */
    public ServiceDeskEscalationHandler build() {
      return new ServiceDeskEscalationHandler(this);
    }
  }
}
