package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Escalation;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The exact limits of the desk's commands: note lengths and escalation levels. */
class CommandLimitsTest {
  private static final TicketAction ARCHIVE = TicketAction.of("ARCHIVE");
  private final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(ManualClock.at(Instant.parse("2026-04-01T00:00:00Z")))
          .lifecycle(
              Lifecycle.standard().toBuilder()
                  .transition(TicketStatus.RECEIVED, ARCHIVE, TicketStatus.RECEIVED)
                  // lets an unclassified ticket be re-prioritised, to reach the desk's own check
                  .transition(
                      TicketStatus.RECEIVED, TicketAction.REPRIORITISE, TicketStatus.RECEIVED)
                  .build())
          .build();

  private Ticket open() {
    return desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
  }

  @Test
  void notesAndReasonsMayBeExactlyTheMaximumLengthButNoLonger() {
    Ticket t = open();
    String longest = "x".repeat(Ticket.MAX_NOTE_LENGTH);
    t = desk.perform(t.id(), t.version(), ARCHIVE, longest, Fixtures.LEAD);
    assertThat(t.version()).isEqualTo(2);
    Ticket current = t;
    assertThatThrownBy(
            () ->
                desk.perform(
                    current.id(), current.version(), ARCHIVE, longest + "x", Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("note"));
    t =
        desk.changeDeadline(
            t.id(), t.version(), Instant.parse("2026-04-05T00:00:00Z"), longest, Fixtures.LEAD);
    Ticket later = t;
    assertThatThrownBy(
            () ->
                desk.changeDeadline(
                    later.id(),
                    later.version(),
                    Instant.parse("2026-04-06T00:00:00Z"),
                    longest + "x",
                    Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(desk.perform(t.id(), t.version(), ARCHIVE, null, Fixtures.LEAD).version())
        .isEqualTo(t.version() + 1);
  }

  @Test
  void escalationMovesStrictlyUpAndDeescalationStrictlyDown() {
    Ticket t = open();
    Ticket atZero = t;
    assertThatThrownBy(
            () ->
                desk.deescalate(
                    atZero.id(),
                    atZero.version(),
                    Escalation.of(0, "lead-01", "already"),
                    Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("escalation.level"));
    assertThatThrownBy(
            () ->
                desk.escalate(
                    atZero.id(),
                    atZero.version(),
                    Escalation.of(0, "lead-01", "same"),
                    Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("escalation.level"));
    t = desk.escalate(t.id(), t.version(), Escalation.of(2, "lead-01", "angry"), Fixtures.LEAD);
    Ticket atTwo = t;
    assertThatThrownBy(
            () ->
                desk.deescalate(
                    atTwo.id(),
                    atTwo.version(),
                    Escalation.of(2, "lead-01", "same"),
                    Fixtures.LEAD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("below the current level 2");
    assertThatThrownBy(
            () ->
                desk.deescalate(
                    atTwo.id(), atTwo.version(), Escalation.of(3, "lead-01", "up"), Fixtures.LEAD))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                desk.escalate(
                    atTwo.id(),
                    atTwo.version(),
                    Escalation.of(1, "lead-01", "down"),
                    Fixtures.LEAD))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("above the current level 2");
    t = desk.deescalate(t.id(), t.version(), Escalation.of(1, "lead-01", "calmer"), Fixtures.LEAD);
    assertThat(t.escalationLevel()).isEqualTo(1);
    assertThat(t.status()).isEqualTo(TicketStatus.RECEIVED);
  }

  @Test
  void aStandardActionCannotBePerformedAsACustomOne() {
    Ticket t = open();
    assertThatThrownBy(
            () -> desk.perform(t.id(), t.version(), TicketAction.CLASSIFY, "", Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("action"));
  }

  @Test
  void unknownTicketsAndUnclassifiedOnesAreTypedErrors() {
    assertThatThrownBy(() -> desk.get(TicketId.of("T-none")))
        .isInstanceOf(TicketNotFoundException.class);
    Ticket t = open();
    assertThatThrownBy(
            () -> desk.reprioritise(t.id(), t.version(), Priority.P0, "press", Fixtures.LEAD))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.problem()).contains("not classified"));
  }

  @Test
  void escalationAndDeescalationAreSeparateActionsOfTheLifecycle() {
    ServiceDesk noDeescalation =
        ServiceDesks.builder()
            .clock(ManualClock.at(Instant.parse("2026-04-01T00:00:00Z")))
            .lifecycle(
                Lifecycle.standard().toBuilder()
                    .removeTransition(TicketStatus.RECEIVED, TicketAction.DEESCALATE)
                    .build())
            .build();
    Ticket t = noDeescalation.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    Ticket up =
        noDeescalation.escalate(
            t.id(), t.version(), Escalation.of(1, "lead-01", "angry"), Fixtures.LEAD);
    assertThat(up.escalationLevel()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                noDeescalation.deescalate(
                    up.id(), up.version(), Escalation.of(0, "lead-01", "calm"), Fixtures.LEAD))
        .isInstanceOf(IllegalTransitionException.class);
  }
}
