package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The closed loop holds for lifecycles built at random through the public builder: random custom
 * statuses and actions, random transitions between any statuses, random declarations of closing,
 * after-callback and audited-exit statuses, random removals. Either the builder rejects the
 * lifecycle, or no ticket driven through it by random commands ever reaches a closing status
 * without a satisfactory confirming callback after its last work.
 *
 * <p>The oracle is written from the rule's words, not from the implementation: after the last
 * confirming callback, every event must be administrative (escalation, priority, deadline, close)
 * or a custom move that stays within after-callback and closing statuses.
 */
class RandomLifecycleProperties {
  private static final List<TicketStatus> CUSTOM_STATUSES =
      List.of(
          TicketStatus.of("DONE"),
          TicketStatus.of("QA_REVIEW"),
          TicketStatus.of("FIELD_VISIT"),
          TicketStatus.of("PARKED"));
  private static final List<TicketAction> CUSTOM_ACTIONS =
      List.of(
          TicketAction.of("FINISH"),
          TicketAction.of("REWORK"),
          TicketAction.of("SEND_TO_QA"),
          TicketAction.of("PARK"));
  private static final List<TicketStatus> ALL_STATUSES =
      List.of(
          TicketStatus.RECEIVED,
          TicketStatus.CLASSIFIED,
          TicketStatus.ASSIGNED,
          TicketStatus.IN_PROGRESS,
          TicketStatus.WAITING_ON_CUSTOMER,
          TicketStatus.RESOLVED,
          TicketStatus.CALLBACK,
          TicketStatus.UNREACHABLE,
          TicketStatus.CLOSED,
          CUSTOM_STATUSES.get(0),
          CUSTOM_STATUSES.get(1),
          CUSTOM_STATUSES.get(2),
          CUSTOM_STATUSES.get(3));
  private static final List<TicketAction> ALL_ACTIONS =
      List.of(
          TicketAction.CLASSIFY,
          TicketAction.ASSIGN,
          TicketAction.START,
          TicketAction.RESOLVE,
          TicketAction.RECORD_CALLBACK,
          TicketAction.CLOSE,
          TicketAction.REOPEN,
          TicketAction.ESCALATE,
          TicketAction.CHANGE_DEADLINE,
          CUSTOM_ACTIONS.get(0),
          CUSTOM_ACTIONS.get(1),
          CUSTOM_ACTIONS.get(2),
          CUSTOM_ACTIONS.get(3));

  /** Actions that move a ticket towards an end, preferred two times in three. */
  private static final List<TicketAction> FORWARD =
      List.of(
          TicketAction.CLOSE,
          CUSTOM_ACTIONS.get(0),
          TicketAction.of("TO_DONE"),
          TicketAction.of("TO_QA_REVIEW"),
          TicketAction.RECORD_CALLBACK,
          TicketAction.RESOLVE,
          TicketAction.START,
          TicketAction.ASSIGN,
          TicketAction.CLASSIFY);

  /** The same, trying the custom ways into a status first. */
  private static final List<TicketAction> FORWARD_CUSTOM_FIRST =
      List.of(
          TicketAction.of("TO_DONE"),
          TicketAction.of("TO_PARKED"),
          TicketAction.of("TO_QA_REVIEW"),
          TicketAction.of("TO_FIELD_VISIT"),
          CUSTOM_ACTIONS.get(0),
          TicketAction.CLOSE,
          TicketAction.RECORD_CALLBACK,
          TicketAction.RESOLVE,
          TicketAction.START,
          TicketAction.ASSIGN,
          TicketAction.CLASSIFY);

  record Transition(TicketStatus from, TicketAction action, TicketStatus to) {}

  enum Declaration {
    NONE,
    CLOSING,
    AFTER_CALLBACK,
    AUDITED_EXIT
  }

  record Design(List<Transition> added, List<Transition> removed, List<Declaration> declarations) {}

  record Step(int pick, CallbackResult callback, int minute) {}

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void noTicketEverClosesWithoutAConfirmedCallbackAfterItsLastWork(
      @ForAll("designs") Design design, @ForAll("walks") List<Step> walk) {
    Lifecycle lifecycle;
    try {
      lifecycle = build(design);
    } catch (LoopdeskException rejected) {
      Statistics.label("lifecycle").collect("rejected by the builder");
      return;
    }
    Statistics.label("lifecycle").collect("accepted");
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T01:00:00Z"));
    ServiceDesk desk = ServiceDesks.builder().clock(clock).lifecycle(lifecycle).build();
    Ticket ticket = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    boolean closedViaCustomAction = false;
    for (Step step : walk) {
      clock.advance(java.time.Duration.ofMinutes(step.minute()));
      List<TicketAction> allowed =
          desk.allowedActions(ticket).stream()
              .sorted(Comparator.comparing(TicketAction::name))
              .toList();
      if (allowed.isEmpty()) {
        break;
      }
      TicketAction action =
          step.pick() % 3 == 0
              ? allowed.get(step.pick() % allowed.size())
              : (step.pick() % 3 == 1 ? FORWARD_CUSTOM_FIRST : FORWARD)
                  .stream()
                      .filter(allowed::contains)
                      .findFirst()
                      .orElse(allowed.get(step.pick() % allowed.size()));
      try {
        ticket = command(desk, ticket, action, step);
      } catch (LoopdeskException rejected) {
        continue;
      }
      if (lifecycle.isClosing(ticket.status())) {
        List<TicketEvent> history = desk.history(ticket.id());
        assertConfirmedAfterLastWork(
            history, lifecycle, ClosedLoopPolicy.standard().minimumRating());
        closedViaCustomAction |= !action.equals(TicketAction.CLOSE);
        Statistics.label("closing status reached").collect(ticket.status().name());
      }
      assertThat(TicketEvent.replay(desk.history(ticket.id()))).isEqualTo(ticket);
    }
    Statistics.label("closed by a custom action").collect(closedViaCustomAction);
    Statistics.label("closed by a custom action")
        .coverage(c -> c.check(true).percentage(p -> p >= 5));
    Statistics.label("closed").collect(lifecycle.isClosing(ticket.status()));
    Statistics.label("closed").coverage(c -> c.check(true).percentage(p -> p >= 5));
  }

  /**
   * Builds the design on the standard lifecycle. Each custom status gets an entry from CALLBACK and
   * a way out that suits its declaration, so that most designs are well formed; the random
   * transitions on top may still break the rule, and then the builder must refuse them.
   */
  private static Lifecycle build(Design design) {
    Lifecycle.Builder builder = Lifecycle.standard().toBuilder();
    for (int i = 0; i < CUSTOM_STATUSES.size(); i++) {
      TicketStatus status = CUSTOM_STATUSES.get(i);
      builder.transition(TicketStatus.CALLBACK, TicketAction.of("TO_" + status.name()), status);
      switch (design.declarations().get(i)) {
        case CLOSING -> builder.closing(status);
        case AFTER_CALLBACK ->
            builder
                .afterCallback(status)
                .transition(status, TicketAction.CLOSE, TicketStatus.CLOSED)
                .transition(status, CUSTOM_ACTIONS.get(1), TicketStatus.IN_PROGRESS);
        case AUDITED_EXIT -> builder.auditedExit(status);
        case NONE -> builder.transition(status, CUSTOM_ACTIONS.get(1), TicketStatus.IN_PROGRESS);
      }
    }
    for (Transition t : design.removed()) {
      builder.removeTransition(t.from(), t.action());
    }
    for (Transition t : design.added()) {
      builder.transition(t.from(), t.action(), t.to());
    }
    return builder.build();
  }

  private static Ticket command(ServiceDesk desk, Ticket t, TicketAction action, Step step) {
    long v = t.version();
    Actor actor = Fixtures.LEAD;
    return switch (action.name()) {
      case "CLASSIFY" -> desk.classify(t.id(), v, Fixtures.classifications().sample(), actor);
      case "ASSIGN" -> desk.assign(t.id(), v, Assignment.of("agent-1", "support"), actor);
      case "START" -> desk.start(t.id(), v, actor);
      case "WAIT_ON_CUSTOMER" -> desk.waitOnCustomer(t.id(), v, "photo", actor);
      case "WAIT_ON_THIRD_PARTY" -> desk.waitOnThirdParty(t.id(), v, "supplier", actor);
      case "RESUME" -> desk.resume(t.id(), v, actor);
      case "RESOLVE" -> desk.resolve(t.id(), v, "fixed", actor);
      case "RECORD_CALLBACK" -> desk.recordCallback(t.id(), v, step.callback(), actor);
      case "CLOSE" -> desk.close(t.id(), v, actor);
      case "REOPEN" -> desk.reopen(t.id(), v, "back again", actor);
      case "ESCALATE" ->
          desk.escalate(
              t.id(), v, Escalation.of(t.escalationLevel() + 1, "lead-01", "late"), actor);
      case "DEESCALATE" ->
          desk.deescalate(
              t.id(),
              v,
              Escalation.of(Math.max(0, t.escalationLevel() - 1), "lead-01", "ok"),
              actor);
      case "REPRIORITISE" ->
          desk.reprioritise(t.id(), v, Priority.values()[step.pick() % 4], "supervisor", actor);
      case "CHANGE_DEADLINE" ->
          desk.changeDeadline(t.id(), v, t.createdAt().plusSeconds(86_400), "delay", actor);
      default -> desk.perform(t.id(), v, action, "custom step", actor);
    };
  }

  /** The rule in its own words, checked on the recorded history. */
  private static void assertConfirmedAfterLastWork(
      List<TicketEvent> history, Lifecycle lifecycle, int minimumRating) {
    int confirming = -1;
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).change() instanceof TicketChange.CallbackRecorded recorded
          && recorded.effect() == TicketChange.CallbackEffect.CONFIRMED) {
        confirming = i;
        break;
      }
    }
    assertThat(confirming).as("a confirming callback exists").isNotNegative();
    CallbackResult result =
        ((TicketChange.CallbackRecorded) history.get(confirming).change()).callback().result();
    assertThat(result.outcome().reached()).isTrue();
    assertThat(result.resolved()).isTrue();
    assertThat(result.rating()).isGreaterThanOrEqualTo(minimumRating);
    Set<TicketStatus> keeping = lifecycle.afterCallbackStatuses();
    for (TicketEvent later : history.subList(confirming + 1, history.size())) {
      TicketChange change = later.change();
      boolean administrative =
          change instanceof TicketChange.Escalated
              || change instanceof TicketChange.Deescalated
              || change instanceof TicketChange.PriorityChanged
              || change instanceof TicketChange.DeadlineChanged
              || change instanceof TicketChange.Closed
              || change instanceof TicketChange.CustomTransition;
      assertThat(administrative).as("no work after the confirming callback: %s", change).isTrue();
      assertThat(keeping.contains(later.to()) || lifecycle.isClosing(later.to()))
          .as("never back in a working status after the callback: %s", later.to())
          .isTrue();
    }
  }

  @Provide
  Arbitrary<Design> designs() {
    Arbitrary<TicketAction> actions =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.of(ALL_ACTIONS)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(CUSTOM_ACTIONS)));
    Arbitrary<TicketStatus> targets =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.of(ALL_STATUSES)),
            net.jqwik.api.Tuple.of(2, Arbitraries.of(TicketStatus.CLOSED, CUSTOM_STATUSES.get(0))));
    Arbitrary<Transition> transitions =
        Combinators.combine(Arbitraries.of(ALL_STATUSES), actions, targets).as(Transition::new);
    Arbitrary<Transition> removals =
        Combinators.combine(
                Arbitraries.of(ALL_STATUSES),
                Arbitraries.of(ALL_ACTIONS),
                Arbitraries.just(TicketStatus.RECEIVED))
            .as(Transition::new);
    Arbitrary<Declaration> declaration =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Declaration.NONE)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Declaration.CLOSING)),
            net.jqwik.api.Tuple.of(3, Arbitraries.just(Declaration.AFTER_CALLBACK)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Declaration.AUDITED_EXIT)));
    return Combinators.combine(
            transitions.list().ofMinSize(0).ofMaxSize(4),
            removals.list().ofMaxSize(2),
            declaration.list().ofSize(CUSTOM_STATUSES.size()))
        .as(Design::new);
  }

  @Provide
  Arbitrary<List<Step>> walks() {
    Arbitrary<CallbackResult> callbacks =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(CallbackResult.reached(true, 5, "great"))),
            net.jqwik.api.Tuple.of(1, Fixtures.callbackResults()));
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000),
            callbacks,
            Arbitraries.integers().between(0, 90))
        .as(Step::new)
        .list()
        .ofMinSize(10)
        .ofMaxSize(60);
  }
}
