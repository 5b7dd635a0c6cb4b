package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.ClosedLoopViolationException;
import io.loopdesk.api.GuardRejectedException;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hosts extend the lifecycle without forking it, and cannot switch off the closed loop. */
class LifecycleCustomizationTest {
  private static final TicketStatus QA_REVIEW = TicketStatus.of("QA_REVIEW");
  private static final TicketAction SUBMIT_QA = TicketAction.of("SUBMIT_QA");
  private static final TicketAction APPROVE_QA = TicketAction.of("APPROVE_QA");
  private static final TicketAction ARCHIVE = TicketAction.of("ARCHIVE");

  private final List<TicketEvent> seen = new CopyOnWriteArrayList<>();
  private final ServiceDesk desk =
      ServiceDesks.builder()
          .clock(ManualClock.at(Instant.parse("2026-09-01T00:00:00Z")))
          .lifecycle(
              Lifecycle.standard().toBuilder()
                  .transition(TicketStatus.RESOLVED, SUBMIT_QA, QA_REVIEW)
                  .transition(QA_REVIEW, APPROVE_QA, TicketStatus.RESOLVED)
                  .transition(TicketStatus.RESOLVED, ARCHIVE, TicketStatus.CLOSED)
                  .transition(TicketStatus.CALLBACK, ARCHIVE, TicketStatus.CLOSED)
                  .removeTransition(TicketStatus.IN_PROGRESS, TicketAction.ASSIGN)
                  .guard(
                      "qa-by-specialist",
                      (t, action, target, actor) ->
                          action.equals(APPROVE_QA) && actor.role() != Role.QA_SPECIALIST
                              ? Optional.of("only QA specialists approve")
                              : Optional.empty())
                  .build())
          .listener((event, ticket) -> seen.add(event))
          .build();

  @Test
  void extraStateGuardAndListenerWork() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    assertThat(desk.allowedActions(t)).contains(SUBMIT_QA, ARCHIVE, TicketAction.RECORD_CALLBACK);
    t = desk.perform(t.id(), t.version(), SUBMIT_QA, "sampled for QA", Fixtures.AGENT);
    assertThat(t.status()).isEqualTo(QA_REVIEW);

    Ticket inReview = t;
    assertThatThrownBy(
            () -> desk.perform(inReview.id(), inReview.version(), APPROVE_QA, "", Fixtures.LEAD))
        .isInstanceOfSatisfying(
            GuardRejectedException.class, e -> assertThat(e.guard()).isEqualTo("qa-by-specialist"))
        .hasMessageContaining("only QA specialists approve");
    assertThat(desk.get(t.id())).isEqualTo(inReview);

    t =
        desk.perform(
            t.id(),
            t.version(),
            APPROVE_QA,
            "ok",
            io.loopdesk.api.Actor.of("qa-2", Role.QA_SPECIALIST));
    assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(seen).extracting(TicketEvent::to).endsWith(QA_REVIEW, TicketStatus.RESOLVED);
    assertThat(seen).hasSize((int) t.version());
  }

  @Test
  void customPathIntoClosedStillNeedsAConfirmingCallback() {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    Ticket resolved = t;
    assertThatThrownBy(
            () ->
                desk.perform(
                    resolved.id(), resolved.version(), ARCHIVE, "skip the callback", Fixtures.LEAD))
        .isInstanceOf(ClosedLoopViolationException.class)
        .hasMessageContaining("no callback");
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 4, ""), Fixtures.AGENT);
    t = desk.perform(t.id(), t.version(), ARCHIVE, "archived after callback", Fixtures.LEAD);
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    Ticket closed = t;
    assertThatThrownBy(
            () -> desk.reopen(closed.id(), closed.version(), "again", Fixtures.CUSTOMER_SELF))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void removedStandardStepIsRejectedWithTheAllowedActions() {
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t = desk.classify(t.id(), t.version(), Fixtures.classifications().sample(), Fixtures.AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("a-1", "support"), Fixtures.LEAD);
    t = desk.start(t.id(), t.version(), Fixtures.AGENT);
    Ticket inProgress = t;
    assertThatThrownBy(
            () ->
                desk.assign(
                    inProgress.id(),
                    inProgress.version(),
                    Assignment.of("a-2", "support"),
                    Fixtures.LEAD))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(TicketStatus.IN_PROGRESS);
              assertThat(e.action()).isEqualTo(TicketAction.ASSIGN);
              assertThat(e.allowedActions())
                  .contains(TicketAction.RESOLVE)
                  .doesNotContain(TicketAction.ASSIGN);
            });
  }
}
