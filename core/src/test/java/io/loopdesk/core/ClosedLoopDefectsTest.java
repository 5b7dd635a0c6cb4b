package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The three ways a custom lifecycle used to step around the closed loop, as reported: each must now
 * be refused, either when the lifecycle is built or when the command runs.
 */
class ClosedLoopDefectsTest {
  private static final TicketStatus DONE = TicketStatus.of("DONE");
  private static final TicketAction REWORK = TicketAction.of("REWORK");
  private static final TicketAction FINISH = TicketAction.of("FINISH");

  /** Builds the desk, or returns null when the lifecycle itself is refused (also a pass). */
  private static ServiceDesk deskOrNull(Supplier<Lifecycle> lifecycle) {
    try {
      return ServiceDesks.builder()
          .clock(ManualClock.at(Instant.parse("2026-09-01T00:00:00Z")))
          .lifecycle(lifecycle.get())
          .build();
    } catch (LoopdeskException refused) {
      return null;
    }
  }

  private static Ticket confirmed(ServiceDesk desk) {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    return desk.recordCallback(
        t.id(), t.version(), CallbackResult.reached(true, 5, "fine"), Fixtures.AGENT);
  }

  private static Ticket attempt(Supplier<Ticket> command, Ticket before) {
    try {
      return command.get();
    } catch (LoopdeskException refused) {
      return before;
    }
  }

  @Test
  void reopenRoutedIntoClosedDoesNotCloseOnTheCallbackItVoids() {
    ServiceDesk desk =
        deskOrNull(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.CALLBACK, TicketAction.REOPEN, TicketStatus.CLOSED)
                    .build());
    if (desk == null) {
      return;
    }
    Ticket t = confirmed(desk);
    Ticket after =
        attempt(
            () -> desk.reopen(t.id(), t.version(), "problem is back", Fixtures.CUSTOMER_SELF), t);
    assertThat(after.status()).isNotEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void closeIntoACustomStatusNeedsACallback() {
    ServiceDesk desk =
        deskOrNull(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.RESOLVED, TicketAction.CLOSE, DONE)
                    .build());
    if (desk == null) {
      return;
    }
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    Ticket after = attempt(() -> desk.close(t.id(), t.version(), Fixtures.LEAD), t);
    assertThat(after.status()).isNotEqualTo(DONE);
  }

  @Test
  void reworkAfterTheCallbackNeedsANewCallbackBeforeClosing() {
    ServiceDesk desk =
        deskOrNull(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.CALLBACK, REWORK, TicketStatus.IN_PROGRESS)
                    .transition(TicketStatus.IN_PROGRESS, FINISH, TicketStatus.CLOSED)
                    .build());
    if (desk == null) {
      return;
    }
    Ticket c = confirmed(desk);
    Ticket t = desk.perform(c.id(), c.version(), REWORK, "customer called again", Fixtures.AGENT);
    Ticket after = attempt(() -> desk.perform(t.id(), t.version(), FINISH, "", Fixtures.LEAD), t);
    assertThat(after.status()).isNotEqualTo(TicketStatus.CLOSED);
  }
}
