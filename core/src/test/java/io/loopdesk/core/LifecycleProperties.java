package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ClosedLoopPolicy.UnreachablePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Drives desks with arbitrary command sequences on arbitrary tickets and checks the lifecycle
 * invariants after every command: (a) nothing reaches CLOSED without a satisfactory recorded
 * callback, (b) rejected commands change nothing, (c) replaying the events rebuilds the stored
 * ticket, (d) each accepted command raises the version by exactly one.
 */
class LifecycleProperties {
  static final TicketStatus QA_REVIEW = TicketStatus.of("QA_REVIEW");
  static final TicketAction SUBMIT_QA = TicketAction.of("SUBMIT_QA");
  static final TicketAction APPROVE_QA = TicketAction.of("APPROVE_QA");
  static final TicketAction FORCE_CLOSE = TicketAction.of("FORCE_CLOSE");

  enum Kind {
    FORWARD,
    FOLLOW_LIFECYCLE,
    CLASSIFY,
    ASSIGN,
    START,
    WAIT_ON_CUSTOMER,
    WAIT_ON_THIRD_PARTY,
    RESUME,
    RESOLVE,
    RECORD_CALLBACK,
    CLOSE,
    REOPEN,
    SUBMIT_QA,
    APPROVE_QA,
    FORCE_CLOSE,
    ADVANCE_CLOCK,
    ESCALATE,
    DEESCALATE,
    REPRIORITISE,
    CHANGE_DEADLINE,
    REPLY_TO_CUSTOMER,
    RECORD_CUSTOMER_REPLY,
    ADD_INTERNAL_NOTE
  }

  /** The action that moves a ticket furthest towards closing, first allowed one wins. */
  static final List<Kind> FORWARD_PREFERENCE =
      List.of(
          Kind.CLOSE,
          Kind.APPROVE_QA,
          Kind.RECORD_CALLBACK,
          Kind.RESOLVE,
          Kind.RESUME,
          Kind.START,
          Kind.ASSIGN,
          Kind.CLASSIFY);

  record Command(
      Kind kind,
      int ticket,
      int versionSkew,
      Classification classification,
      CallbackResult callback,
      int pick,
      Actor actor) {}

  record Setup(
      int minimumRating,
      int maxUnreached,
      UnreachablePolicy unreachable,
      boolean customLifecycle) {}

  @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
  void invariantsHoldForArbitraryCommandSequences(
      @ForAll("setups") Setup setup,
      @ForAll @Size(min = 1, max = 4) List<@net.jqwik.api.From("newTickets") NewTicket> requests,
      @ForAll @Size(min = 20, max = 200) List<@net.jqwik.api.From("commands") Command> commands) {
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T01:00:00Z"));
    InMemoryTicketStore store = new InMemoryTicketStore();
    ServiceDesk desk = desk(setup, clock, store);
    List<TicketId> ids = new ArrayList<>();
    for (NewTicket request : requests) {
      Ticket opened = desk.open(request, Fixtures.AGENT);
      assertThat(opened.version()).isEqualTo(1);
      assertThat(opened.status()).isEqualTo(TicketStatus.RECEIVED);
      ids.add(opened.id());
    }
    int accepted = 0;
    for (Command command : commands) {
      if (command.kind() == Kind.ADVANCE_CLOCK) {
        clock.advance(Duration.ofMinutes(command.pick() + 1L));
        continue;
      }
      TicketId id = ids.get(command.ticket() % ids.size());
      Ticket before = store.find(id).orElseThrow();
      List<TicketEvent> eventsBefore = store.events(id);
      List<Ticket> allBefore = all(store);
      Ticket after;
      try {
        after = apply(desk, before, command);
      } catch (LoopdeskException rejected) {
        Statistics.label("outcome").collect(rejected.getClass().getSimpleName());
        assertThat(store.find(id)).contains(before);
        assertThat(store.events(id)).isEqualTo(eventsBefore);
        assertThat(all(store)).isEqualTo(allBefore);
        continue;
      }
      accepted++;
      Statistics.label("outcome").collect("accepted");
      List<TicketEvent> events = store.events(id);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(store.find(id)).contains(after);
      assertThat(events)
          .hasSize(eventsBefore.size() + 1)
          .startsWith(eventsBefore.toArray(TicketEvent[]::new));
      assertThat(events.get(events.size() - 1).version()).isEqualTo(after.version());
      assertThat(TicketEvent.replay(events)).isEqualTo(after);
      if (after.status().equals(TicketStatus.CLOSED)) {
        assertClosedLoop(events, setup.minimumRating());
      }
    }
    for (TicketId id : ids) {
      List<TicketEvent> events = store.events(id);
      assertThat(TicketEvent.replay(events)).isEqualTo(store.find(id).orElseThrow());
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).version()).isEqualTo(i + 1L);
      }
    }
    Statistics.label("accepted commands")
        .collect(accepted > 10 ? ">10" : accepted > 0 ? "1-10" : "0");
    boolean anyClosed =
        ids.stream()
            .anyMatch(id -> store.find(id).orElseThrow().status().equals(TicketStatus.CLOSED));
    Statistics.label("some ticket closed").collect(anyClosed);
    Statistics.label("some ticket closed")
        .coverage(checker -> checker.check(true).percentage(p -> p >= 8));
  }

  /** The close event must follow (past non-work steps only) a confirming, satisfactory callback. */
  private static void assertClosedLoop(List<TicketEvent> events, int minimumRating) {
    TicketEvent close = events.get(events.size() - 1);
    assertThat(close.to()).isEqualTo(TicketStatus.CLOSED);
    Optional<TicketEvent> confirming = Optional.empty();
    for (int i = events.size() - 2; i >= 0; i--) {
      TicketChange change = events.get(i).change();
      if (change.isWork()) {
        confirming = Optional.of(events.get(i));
        break;
      }
    }
    assertThat(confirming).as("event before close").isPresent();
    assertThat(confirming.get().change()).isInstanceOf(TicketChange.CallbackRecorded.class);
    TicketChange.CallbackRecorded callback =
        (TicketChange.CallbackRecorded) confirming.get().change();
    assertThat(callback.effect()).isEqualTo(TicketChange.CallbackEffect.CONFIRMED);
    assertThat(callback.callback().result().outcome().reached()).isTrue();
    assertThat(callback.callback().result().resolved()).isTrue();
    assertThat(callback.callback().result().rating()).isGreaterThanOrEqualTo(minimumRating);
  }

  static Ticket apply(ServiceDesk desk, Ticket t, Command c) {
    long v = t.version() + c.versionSkew();
    TicketId id = t.id();
    Kind kind = c.kind();
    if (kind == Kind.FORWARD) {
      kind =
          FORWARD_PREFERENCE.stream()
              .filter(k -> desk.allowedActions(t).contains(TicketAction.of(k.name())))
              .findFirst()
              .orElse(Kind.CLOSE);
    } else if (kind == Kind.FOLLOW_LIFECYCLE) {
      List<TicketAction> allowed =
          desk.allowedActions(t).stream().sorted(Comparator.comparing(TicketAction::name)).toList();
      if (allowed.isEmpty()) {
        kind = Kind.CLOSE;
      } else {
        kind = Kind.valueOf(allowed.get(c.pick() % allowed.size()).name());
      }
    }
    return switch (kind) {
      case CLASSIFY -> desk.classify(id, v, c.classification(), c.actor());
      case ASSIGN ->
          desk.assign(
              id,
              v,
              Assignment.of(
                  c.pick() % 7 == 0 ? "blocked-agent" : "agent-" + c.pick() % 3, "support"),
              c.actor());
      case START -> desk.start(id, v, c.actor());
      case WAIT_ON_CUSTOMER -> desk.waitOnCustomer(id, v, "need the invoice photo", c.actor());
      case WAIT_ON_THIRD_PARTY ->
          desk.waitOnThirdParty(id, v, "waiting for the supplier", c.actor());
      case RESUME -> desk.resume(id, v, c.actor());
      case RESOLVE -> desk.resolve(id, v, "replaced the battery", c.actor());
      case RECORD_CALLBACK -> desk.recordCallback(id, v, c.callback(), c.actor());
      case CLOSE -> desk.close(id, v, c.actor());
      case REOPEN -> desk.reopen(id, v, "customer says it is broken again", c.actor());
      case SUBMIT_QA -> desk.perform(id, v, SUBMIT_QA, "", c.actor());
      case APPROVE_QA -> desk.perform(id, v, APPROVE_QA, "looks good", c.actor());
      case FORCE_CLOSE ->
          desk.perform(id, v, FORCE_CLOSE, "trying to skip the callback", c.actor());
      case ESCALATE ->
          desk.escalate(
              id,
              v,
              Escalation.of(t.escalationLevel() + 1 + c.pick() % 2, "lead-01", "SLA warning"),
              c.actor());
      case DEESCALATE ->
          desk.deescalate(
              id,
              v,
              Escalation.of(Math.max(0, t.escalationLevel() - 1), "agent-007", "handled"),
              c.actor());
      case REPRIORITISE ->
          desk.reprioritise(
              id, v, Priority.values()[c.pick() % 4], "supervisor decision", c.actor());
      case CHANGE_DEADLINE ->
          desk.changeDeadline(
              id,
              v,
              t.createdAt().plusSeconds(3600L * (c.pick() + 1)),
              "delay approved",
              c.actor());
      case REPLY_TO_CUSTOMER ->
          desk.replyToCustomer(id, v, io.loopdesk.api.Channel.EMAIL, "we are on it", c.actor());
      case RECORD_CUSTOMER_REPLY ->
          desk.recordCustomerReply(
              id, v, io.loopdesk.api.Channel.APP, "here is the photo", c.actor());
      case ADD_INTERNAL_NOTE -> desk.addInternalNote(id, v, "internal: check stock", c.actor());
      case ADVANCE_CLOCK -> t;
      case FORWARD, FOLLOW_LIFECYCLE ->
          throw new AssertionError("resolved to a concrete action above");
    };
  }

  static ServiceDesk desk(Setup setup, ManualClock clock, InMemoryTicketStore store) {
    Lifecycle lifecycle = Lifecycle.standard();
    if (setup.customLifecycle()) {
      lifecycle =
          lifecycle.toBuilder()
              .transition(TicketStatus.RESOLVED, SUBMIT_QA, QA_REVIEW)
              .transition(TicketStatus.CALLBACK, SUBMIT_QA, QA_REVIEW)
              .transition(QA_REVIEW, APPROVE_QA, TicketStatus.CALLBACK)
              .transition(QA_REVIEW, FORCE_CLOSE, TicketStatus.CLOSED)
              .transition(TicketStatus.RESOLVED, FORCE_CLOSE, TicketStatus.CLOSED)
              .transition(TicketStatus.IN_PROGRESS, FORCE_CLOSE, TicketStatus.CLOSED)
              .transition(TicketStatus.RECEIVED, FORCE_CLOSE, TicketStatus.CLOSED)
              .guard(
                  "no-blocked-agent",
                  (ticket, action, target, actor) ->
                      action.equals(TicketAction.ASSIGN)
                              && actor.role() == Role.AGENT
                              && ticket.priority().isPresent()
                          ? Optional.of("agents may not reassign classified tickets")
                          : Optional.empty())
              .build();
    }
    return ServiceDesks.builder()
        .clock(clock)
        .store(store)
        .lifecycle(lifecycle)
        .closedLoop(
            new ClosedLoopPolicy(setup.minimumRating(), setup.maxUnreached(), setup.unreachable()))
        .build();
  }

  private static List<Ticket> all(InMemoryTicketStore store) {
    return store.query(TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build()).items();
  }

  @Provide
  Arbitrary<Setup> setups() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(1, 4),
            Arbitraries.of(UnreachablePolicy.class),
            Arbitraries.of(true, false))
        .as(Setup::new);
  }

  @Provide
  Arbitrary<NewTicket> newTickets() {
    return Fixtures.newTickets();
  }

  @Provide
  Arbitrary<Command> commands() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.FORWARD)),
            net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.FOLLOW_LIFECYCLE)),
            net.jqwik.api.Tuple.of(5, Arbitraries.of(Kind.class)));
    Arbitrary<Integer> skew =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(-1, 1, 5)));

    Arbitrary<Actor> actors = Arbitraries.of(Fixtures.AGENT, Fixtures.LEAD, Fixtures.CUSTOMER_SELF);
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, 3),
            skew,
            Fixtures.classifications(),
            Fixtures.callbackResults(),
            Arbitraries.integers().between(0, 1000),
            actors)
        .as(Command::new);
  }

  @Property(tries = 50)
  void reopenedTicketsNeedAFreshCallbackBeforeClosing(
      @ForAll @IntRange(min = 1, max = 5) int rating) {
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T01:00:00Z"));
    ServiceDesk desk =
        desk(
            new Setup(3, 3, UnreachablePolicy.MARK_UNREACHABLE, false),
            clock,
            new InMemoryTicketStore());
    Ticket t = Scenarios.openAndResolve(desk, Fixtures.newTickets().sample());
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 5, "great"), Fixtures.AGENT);
    t = desk.reopen(t.id(), t.version(), "it broke again", Fixtures.CUSTOMER_SELF);
    assertThat(t.status()).isEqualTo(TicketStatus.RECEIVED);
    assertThat(t.isCallbackConfirmed()).isFalse();
    t = Scenarios.classifyToResolved(desk, t);
    Ticket resolved = t;
    assertThat(desk.allowedActions(resolved)).doesNotContain(TicketAction.CLOSE);
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, rating, ""), Fixtures.AGENT);
    if (rating >= 3) {
      assertThat(desk.close(t.id(), t.version(), Fixtures.AGENT).status())
          .isEqualTo(TicketStatus.CLOSED);
    } else {
      assertThat(t.status()).isEqualTo(TicketStatus.RECEIVED);
      assertThat(t.reopenCount()).isEqualTo(2);
    }
  }
}
