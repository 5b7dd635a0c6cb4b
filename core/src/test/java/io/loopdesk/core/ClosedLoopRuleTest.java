package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.ClosedLoopViolationException;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closed-loop rule is a property of the lifecycle: closing statuses need a confirming callback
 * that no later work voided, whatever the statuses and actions are called.
 */
class ClosedLoopRuleTest {
  private static final TicketStatus DONE = TicketStatus.of("DONE");
  private static final TicketStatus QA_REVIEW = TicketStatus.of("QA_REVIEW");
  private static final TicketStatus DUPLICATE = TicketStatus.of("DUPLICATE");
  private static final TicketAction REWORK = TicketAction.of("REWORK");
  private static final TicketAction FINISH = TicketAction.of("FINISH");
  private static final TicketAction SEND_TO_QA = TicketAction.of("SEND_TO_QA");
  private static final TicketAction MERGE = TicketAction.of("MERGE");

  private static ServiceDesk desk(Lifecycle lifecycle) {
    return ServiceDesks.builder()
        .clock(ManualClock.at(Instant.parse("2026-09-01T00:00:00Z")))
        .lifecycle(lifecycle)
        .build();
  }

  private static Ticket confirmed(ServiceDesk desk) {
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    return desk.recordCallback(
        t.id(), t.version(), CallbackResult.reached(true, 5, "fine"), Fixtures.AGENT);
  }

  @Test
  void aWorkActionLeadingIntoClosedIsRejectedWhenTheLifecycleIsBuilt() {
    assertThatThrownBy(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.CALLBACK, TicketAction.REOPEN, TicketStatus.CLOSED)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("REOPEN")
        .hasMessageContaining("work");
  }

  @Test
  void aCustomStatusThatEndsTicketsMustBeDeclaredClosingOrAnAuditedExit() {
    assertThatThrownBy(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.RESOLVED, TicketAction.CLOSE, DONE)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DONE");
  }

  @Test
  void closeMayLeadOnlyIntoAClosingStatus() {
    assertThatThrownBy(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(TicketStatus.RESOLVED, TicketAction.CLOSE, TicketStatus.IN_PROGRESS)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("CLOSE");
  }

  @Test
  void aDeclaredClosingStatusNeedsTheCallbackToo() {
    ServiceDesk desk =
        desk(
            Lifecycle.standard().toBuilder()
                .closing(DONE)
                .transition(TicketStatus.RESOLVED, TicketAction.CLOSE, DONE)
                .build());
    Ticket resolved = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    assertThatThrownBy(() -> desk.close(resolved.id(), resolved.version(), Fixtures.LEAD))
        .isInstanceOf(ClosedLoopViolationException.class);
    assertThat(desk.get(resolved.id())).isEqualTo(resolved);
    assertThat(desk.history(resolved.id()))
        .noneMatch(e -> e.change() instanceof TicketChange.Closed);
  }

  @Test
  void noTransitionLeavesADeclaredClosingStatus() {
    assertThatThrownBy(
            () ->
                Lifecycle.standard().toBuilder()
                    .closing(DONE)
                    .transition(TicketStatus.CALLBACK, TicketAction.CLOSE, DONE)
                    .transition(DONE, TicketAction.REOPEN, TicketStatus.RECEIVED)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DONE");
  }

  @Test
  void reworkIntoAWorkingStatusVoidsTheConfirmation() {
    ServiceDesk desk =
        desk(
            Lifecycle.standard().toBuilder()
                .transition(TicketStatus.CALLBACK, REWORK, TicketStatus.IN_PROGRESS)
                .transition(TicketStatus.IN_PROGRESS, FINISH, TicketStatus.CLOSED)
                .build());
    Ticket t = confirmed(desk);
    assertThat(t.isCallbackConfirmed()).isTrue();
    t = desk.perform(t.id(), t.version(), REWORK, "customer called again", Fixtures.AGENT);
    assertThat(t.isCallbackConfirmed()).isFalse();
    Ticket reworked = t;
    assertThatThrownBy(
            () -> desk.perform(reworked.id(), reworked.version(), FINISH, "", Fixtures.LEAD))
        .isInstanceOf(ClosedLoopViolationException.class);
    assertThat(TicketEvent.replay(desk.history(t.id()))).isEqualTo(desk.get(t.id()));
  }

  @Test
  void aCustomActionIntoClosedAfterAConfirmedCallbackClosesWithAClosedEvent() {
    ServiceDesk desk =
        desk(
            Lifecycle.standard().toBuilder()
                .transition(TicketStatus.CALLBACK, FINISH, TicketStatus.CLOSED)
                .build());
    Ticket t = confirmed(desk);
    t = desk.perform(t.id(), t.version(), FINISH, "archived", Fixtures.LEAD);
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
    List<TicketEvent> history = desk.history(t.id());
    TicketChange last = history.get(history.size() - 1).change();
    assertThat(last).isEqualTo(new TicketChange.Closed(FINISH, "archived"));
  }

  @Test
  void aDeclaredAfterCallbackStatusKeepsTheConfirmation() {
    ServiceDesk desk =
        desk(
            Lifecycle.standard().toBuilder()
                .afterCallback(QA_REVIEW)
                .transition(TicketStatus.CALLBACK, SEND_TO_QA, QA_REVIEW)
                .transition(QA_REVIEW, TicketAction.ESCALATE, QA_REVIEW)
                .transition(QA_REVIEW, TicketAction.CLOSE, TicketStatus.CLOSED)
                .transition(QA_REVIEW, REWORK, TicketStatus.IN_PROGRESS)
                .build());
    Ticket t = confirmed(desk);
    t = desk.perform(t.id(), t.version(), SEND_TO_QA, "sampled", Fixtures.AGENT);
    assertThat(t.isCallbackConfirmed()).isTrue();
    t =
        desk.escalate(
            t.id(), t.version(), Escalation.of(1, "lead-01", "QA found a gap"), Fixtures.LEAD);
    t = desk.close(t.id(), t.version(), Fixtures.LEAD);
    assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
  }

  @Test
  void anAuditedExitEndsATicketWithoutACallbackAndIsRecorded() {
    ServiceDesk desk =
        desk(
            Lifecycle.standard().toBuilder()
                .auditedExit(DUPLICATE)
                .transition(TicketStatus.RECEIVED, MERGE, DUPLICATE)
                .build());
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t = desk.perform(t.id(), t.version(), MERGE, "duplicate of T-1", Fixtures.LEAD);
    assertThat(t.status()).isEqualTo(DUPLICATE);
    assertThat(desk.history(t.id()).get(1).change())
        .isEqualTo(new TicketChange.CustomTransition(MERGE, "duplicate of T-1", true));
  }

  @Test
  void aStatusCannotBeClosingAndAnAuditedExitAtOnce() {
    assertThatThrownBy(
            () -> Lifecycle.standard().toBuilder().closing(DONE).auditedExit(DONE).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("DONE");
  }

  @Test
  void administrativeActionsKeepTheStatus() {
    assertThatThrownBy(
            () ->
                Lifecycle.standard().toBuilder()
                    .transition(
                        TicketStatus.CALLBACK, TicketAction.ESCALATE, TicketStatus.IN_PROGRESS)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ESCALATE");
  }

  @Test
  void theStandardLifecycleDeclaresItsClosingStatusesAndExits() {
    Lifecycle standard = Lifecycle.standard();
    assertThat(standard.closingStatuses()).containsExactly(TicketStatus.CLOSED);
    assertThat(standard.auditedExits()).containsExactly(TicketStatus.UNREACHABLE);
    assertThat(standard.afterCallbackStatuses()).containsExactly(TicketStatus.CALLBACK);
  }
}
