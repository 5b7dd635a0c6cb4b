package io.loopdesk.sla;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.VersionConflictException;

import java.util.function.Consumer;

/**
 * Carries out escalation actions on a {@link ServiceDesk} as {@link Actor#SYSTEM}, so that they appear in
 * the ticket's own event history: {@code REASSIGN_TO_SUPERVISOR} assigns the ticket to the configured
 * supervisor (when the lifecycle allows an assignment in the ticket's status);
 * {@code NOTIFY_TEAM_LEAD} is passed to the host's notifier; {@code RAISE_PRIORITY} is passed to the host's
 * priority raiser, because priorities are derived by the desk's priority model and the ticket API has no
 * direct priority override. Thread-safe if the notifier and raiser are.
 */
public final class ServiceDeskEscalationHandler implements EscalationHandler {

    private final ServiceDesk desk;
    private final Assignment supervisor;
    private final Consumer<EscalationAction> notifier;
    private final Consumer<EscalationAction> priorityRaiser;

    private ServiceDeskEscalationHandler(Builder builder) {
        this.desk = builder.desk;
        this.supervisor = builder.supervisor;
        this.notifier = builder.notifier;
        this.priorityRaiser = builder.priorityRaiser;
    }

    /** A builder for a handler acting on {@code desk}. */
    public static Builder builder(ServiceDesk desk) {
        return new Builder(desk);
    }

    /**
     * Carries out one action.
     *
     * @throws IllegalStateException when the ticket's status does not allow a reassignment, or no handler is
     *                               configured for the action's kind (the tracker audits the failure)
     */
    @Override
    public void execute(EscalationAction action) {
        switch (action.kind()) {
            case NOTIFY_TEAM_LEAD -> notifier.accept(action);
            case RAISE_PRIORITY -> priorityRaiser.accept(action);
            case REASSIGN_TO_SUPERVISOR -> reassign(action);
        }
    }

    private void reassign(EscalationAction action) {
        if (supervisor == null) {
            throw new IllegalStateException("no supervisor configured for " + action.kind());
        }
        for (int attempt = 0; ; attempt++) {
            Ticket ticket = desk.get(action.ticketId());
            if (ticket.assignee().filter(supervisor.assignee()::equals).isPresent()) {
                return;
            }
            if (!desk.allowedActions(ticket).contains(TicketAction.ASSIGN)) {
                throw new IllegalStateException("status " + ticket.status() + " of ticket " + ticket.id()
                        + " does not allow a reassignment");
            }
            try {
                desk.assign(ticket.id(), ticket.version(), supervisor, Actor.SYSTEM);
                return;
            } catch (VersionConflictException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /** Builds a {@link ServiceDeskEscalationHandler}. Not thread-safe. */
    public static final class Builder {
        private final ServiceDesk desk;
        private Assignment supervisor;
        private Consumer<EscalationAction> notifier = action -> {
            throw new IllegalStateException("no notifier configured for " + action.kind());
        };
        private Consumer<EscalationAction> priorityRaiser = action -> {
            throw new IllegalStateException("no priority raiser configured for " + action.kind());
        };

        private Builder(ServiceDesk desk) {
            if (desk == null) {
                throw new SlaPolicyException("desk", null, "a service desk is required");
            }
            this.desk = desk;
        }

        /** The supervisor (agent id and department) that {@code REASSIGN_TO_SUPERVISOR} assigns tickets to. */
        public Builder supervisor(String assigneeId, String department) {
            this.supervisor = Assignment.of(assigneeId, department);
            return this;
        }

        /** Receives {@code NOTIFY_TEAM_LEAD} actions. */
        public Builder notifier(Consumer<EscalationAction> value) {
            if (value == null) {
                throw new SlaPolicyException("notifier", null, "notifier is null");
            }
            this.notifier = value;
            return this;
        }

        /** Receives {@code RAISE_PRIORITY} actions, e.g. to re-classify with higher urgency. */
        public Builder priorityRaiser(Consumer<EscalationAction> value) {
            if (value == null) {
                throw new SlaPolicyException("priorityRaiser", null, "priority raiser is null");
            }
            this.priorityRaiser = value;
            return this;
        }

        /** Builds the handler. */
        public ServiceDeskEscalationHandler build() {
            return new ServiceDeskEscalationHandler(this);
        }
    }
}
