package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Escalation, re-prioritisation and deadline changes: audited, status-preserving, checked. */
class AdministrativeCommandsTest {
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-06-01T00:00:00Z"));
  private final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(clock)
          .deadlinePolicy(
              (t, at) ->
                  Optional.of(
                      at.plus(
                          Duration.ofHours(
                              24L * (t.priority().orElseThrow().priority().ordinal() + 1)))))
          .build();

  @Test
  void escalationGoesUpAndDownExplicitlyWithoutChangingStatus() {
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t =
        desk.escalate(
            t.id(),
            t.version(),
            Escalation.of(1, "lead-01", "complaint about attitude"),
            Actor.SYSTEM);
    assertThat(t.status()).isEqualTo(TicketStatus.RECEIVED);
    assertThat(t.escalationLevel()).isEqualTo(1);
    Ticket level1 = t;
    assertThatThrownBy(
            () ->
                desk.escalate(
                    level1.id(),
                    level1.version(),
                    Escalation.of(1, "lead-01", "again"),
                    Actor.SYSTEM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("escalation.level"));
    t =
        desk.escalate(
            t.id(),
            t.version(),
            Escalation.of(3, "ops-manager", "serious complaint"),
            Actor.SYSTEM);
    t =
        desk.deescalate(
            t.id(),
            t.version(),
            Escalation.of(0, "agent-007", "customer accepted apology"),
            Fixtures.LEAD);
    assertThat(t.escalationLevel()).isZero();
    List<TicketEvent> trail = desk.history(t.id());
    assertThat(trail)
        .extracting(e -> e.change().getClass().getSimpleName())
        .containsExactly("Opened", "Escalated", "Escalated", "Deescalated");
    assertThat(((TicketChange.Escalated) trail.get(2).change()).escalation().reason())
        .isEqualTo("serious complaint");
  }

  @Test
  void reprioritiseKeepsFactorsAppendsReasonAndRecomputesTheDeadline() {
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            io.loopdesk.api.Classification.of(
                io.loopdesk.api.Category.SUGGESTION,
                io.loopdesk.api.Level.LOW,
                io.loopdesk.api.Level.LOW,
                io.loopdesk.api.Level.LOW),
            Fixtures.AGENT);
    Priority before = t.priority().orElseThrow().priority();
    clock.advance(Duration.ofHours(2));
    Priority raised = before == Priority.P0 ? Priority.P1 : before.raised();
    t =
        desk.reprioritise(
            t.id(), t.version(), raised, "press enquiry", Actor.of("sup-1", Role.SUPERVISOR));
    assertThat(t.priority().orElseThrow().priority()).isEqualTo(raised);
    assertThat(t.priority().orElseThrow().reasons())
        .last()
        .asString()
        .isEqualTo("sup-1: press enquiry, changed " + before + " -> " + raised);
    assertThat(t.dueAt())
        .contains(clock.instant().plus(Duration.ofHours(24L * (raised.ordinal() + 1))));
    Ticket same = t;
    assertThatThrownBy(
            () -> desk.reprioritise(same.id(), same.version(), raised, "no-op", Fixtures.LEAD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("already");
  }

  @Test
  void administrativeChangesDoNotInvalidateAConfirmingCallbackButWorkDoes() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 5, ""), Fixtures.AGENT);
    t =
        desk.changeDeadline(
            t.id(),
            t.version(),
            clock.instant().plus(Duration.ofDays(2)),
            "delay approved by lead",
            Fixtures.LEAD);
    t =
        desk.escalate(
            t.id(), t.version(), Escalation.of(1, "lead-01", "audit sample"), Fixtures.LEAD);
    assertThat(t.isCallbackConfirmed()).isTrue();
    assertThat(t.dueAt()).contains(clock.instant().plus(Duration.ofDays(2)));
    assertThat(desk.close(t.id(), t.version(), Fixtures.AGENT).status())
        .isEqualTo(TicketStatus.CLOSED);

    Ticket other = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    other =
        desk.recordCallback(
            other.id(), other.version(), CallbackResult.reached(true, 5, ""), Fixtures.AGENT);
    other =
        desk.reopen(other.id(), other.version(), "customer called again", Fixtures.CUSTOMER_SELF);
    assertThat(other.isCallbackConfirmed()).isFalse();
    assertThat(Assignment.of("a", "b").reason()).isEmpty();
  }
}
