package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.event.TicketEvent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random actors issue random commands and reads on random tickets through the secured desk.
 * Whenever access is denied, the ticket and its history are exactly as before and exactly one audit
 * entry was added; whatever an actor reads is within their scope.
 */
class DeniedActionProperties {
  static final Actor[] ACTORS = {
    Desk.A1,
    Desk.A2,
    Desk.LEAD,
    Desk.QA,
    Desk.TRAINER,
    Desk.SUP,
    Desk.ADMIN,
    Desk.CUSTOMER,
    Actor.of("a1", io.loopdesk.api.Role.SUPERVISOR)
  };
  static final String[] AGENTS = {"a1", "a2", "lead1", "a9"};

  record Call(int actor, int operation, int ticket, int target) {}

  @Provide
  Arbitrary<List<Call>> calls() {
    return Combinators.combine(
            Arbitraries.integers().between(0, ACTORS.length - 1),
            Arbitraries.integers().between(0, 18),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, AGENTS.length - 1))
        .as(Call::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  @Property(tries = 60)
  void aDeniedActionNeverChangesATicket(@ForAll("calls") List<Call> calls) {
    Desk desk = new Desk();
    List<Ticket> tickets = new ArrayList<>();
    tickets.add(desk.assigned("C-7", "a1", "repair"));
    tickets.add(desk.assigned("C-2", "a2", "billing"));
    tickets.add(desk.assigned("C-3", "a9", "repair"));
    tickets.add(desk.assigned("C-4", "lead1", "returns"));
    for (Call call : calls) {
      Actor actor = ACTORS[call.actor()];
      SecuredServiceDesk view = desk.as(actor);
      Ticket before = desk.raw.get(tickets.get(call.ticket()).id());
      List<TicketEvent> historyBefore = desk.raw.history(before.id());
      int auditBefore = desk.audit.entries().size();
      try {
        Object result = invoke(view, actor, call, before);
        if (result instanceof Ticket t) {
          assertThat(t.id()).isEqualTo(before.id());
        }
      } catch (AccessDeniedException denied) {
        assertThat(desk.raw.get(before.id())).isEqualTo(before);
        assertThat(desk.raw.history(before.id())).isEqualTo(historyBefore);
        assertThat(desk.audit.entries()).hasSize(auditBefore + 1);
        assertThat(desk.audit.entries().get(auditBefore))
            .isInstanceOf(AuditEntry.AccessDenied.class);
      } catch (LoopdeskException lifecycleRejection) {
        assertThat(desk.raw.get(before.id())).isEqualTo(before);
      }
    }
  }

  private static Object invoke(SecuredServiceDesk view, Actor actor, Call call, Ticket t) {
    long v = t.version();
    return switch (call.operation()) {
      case 0 -> view.get(t.id());
      case 1 -> view.history(t.id());
      case 2 ->
          view.classify(
              t.id(),
              v,
              Classification.of(Category.COMPLAINT, Level.LOW, Level.HIGH, Level.LOW),
              actor);
      case 3 -> view.assign(t.id(), v, Assignment.of(AGENTS[call.target()], "repair"), actor);
      case 4 -> view.start(t.id(), v, actor);
      case 5 -> view.waitOnCustomer(t.id(), v, "photo", actor);
      case 6 -> view.resume(t.id(), v, actor);
      case 7 -> view.resolve(t.id(), v, "fixed", actor);
      case 8 -> view.recordCallback(t.id(), v, CallbackResult.reached(true, 5, ""), actor);
      case 9 -> view.close(t.id(), v, actor);
      case 10 -> view.reopen(t.id(), v, "again", actor);
      case 11 -> view.perform(t.id(), v, TicketAction.of("ARCHIVE"), "", actor);
      case 12 -> view.allowedActions(t);
      case 13 -> view.export(TicketQuery.builder().build());
      case 14 ->
          view.escalate(
              t.id(),
              v,
              io.loopdesk.api.Escalation.of(t.escalationLevel() + 1, "lead1", "manual"),
              actor);
      case 15 -> view.deescalate(t.id(), v, io.loopdesk.api.Escalation.of(0, "a1", "calm"), actor);
      case 16 -> view.reprioritise(t.id(), v, io.loopdesk.api.Priority.P0, "urgent", actor);
      case 17 ->
          view.changeDeadline(
              t.id(), v, Desk.CLOCK.instant().plusSeconds(86_400), "more time", actor);
      default -> view.find(t.id());
    };
  }
}
