package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.testkit.DeskCommand.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.ChangeDetector;
import net.jqwik.api.state.Transformer;

/**
 * The entry point of the stateful model: random command sequences against the embedder's desk, with
 * Loopdesk's invariants ({@link Invariant}) checked after every step.
 *
 * <pre>{@code
 * @Property(tries = 100)
 * void myDeskKeepsTheInvariants(@ForAll("commands") ActionChain<DeskModel> commands) {
 *   commands.run();
 * }
 *
 * @Provide
 * Arbitrary<ActionChain<DeskModel>> commands() {
 *   return LoopdeskProperties.commandSequences(clock ->
 *       DeskUnderTest.builder(ServiceDesks.builder().clock(clock).build()).build());
 * }
 * }</pre>
 *
 * <p>Or extend {@link ServiceDeskInvariantsProperties}, which holds exactly that property.
 *
 * <p>A sequence opens up to {@value #MAX_TICKETS} tickets and sends them the standard commands
 * (classify, assign, start, wait, resume, resolve, callback, close, reopen, escalate) and the
 * lifecycle's custom actions: mostly "advance", the next step towards closing that the lifecycle
 * allows, and otherwise any command whatever the ticket's status; about one command in five carries
 * a stale or future version, and one in five comes from an actor of a random role (customers,
 * trainers...). Time passes between commands and the SLA tracker, if given, is ticked. jqwik
 * shrinks a failing sequence to a short one, which the failure report lists.
 */
public final class LoopdeskProperties {
  /** Most tickets one sequence opens. */
  public static final int MAX_TICKETS = 2;

  /** Default longest sequence. */
  public static final int DEFAULT_MAX_COMMANDS = 50;

  /**
   * The actions the {@code ServiceDesk} interface has a method for; every other lifecycle action is
   * custom.
   */
  static final Set<TicketAction> STANDARD_ACTIONS =
      Set.of(
          TicketAction.OPEN,
          TicketAction.CLASSIFY,
          TicketAction.ASSIGN,
          TicketAction.START,
          TicketAction.WAIT_ON_CUSTOMER,
          TicketAction.WAIT_ON_THIRD_PARTY,
          TicketAction.RESUME,
          TicketAction.RESOLVE,
          TicketAction.RECORD_CALLBACK,
          TicketAction.CLOSE,
          TicketAction.REOPEN,
          TicketAction.MARK_UNREACHABLE,
          TicketAction.ESCALATE,
          TicketAction.DEESCALATE,
          TicketAction.REPRIORITISE,
          TicketAction.CHANGE_DEADLINE,
          TicketAction.REPLY_TO_CUSTOMER,
          TicketAction.RECORD_CUSTOMER_REPLY,
          TicketAction.ADD_INTERNAL_NOTE);

  private static final Actor AGENT = Actor.of("e1001", Role.AGENT);
  private static final Actor TEAM_LEAD = Actor.of("e2001", Role.TEAM_LEAD);

  private LoopdeskProperties() {}

  /**
   * Returns sequences of up to {@value #DEFAULT_MAX_COMMANDS} commands against fresh desks.
   *
   * @param factory builds a fresh desk for each sequence
   * @return the arbitrary; run each chain with {@link ActionChain#run()}
   * @throws IllegalArgumentException if the factory is null
   */
  public static ActionChainArbitrary<DeskModel> commandSequences(DeskFactory factory) {
    return commandSequences(factory, DEFAULT_MAX_COMMANDS);
  }

  /**
   * Returns sequences of up to {@code maxCommands} commands against fresh desks.
   *
   * @param factory builds a fresh desk for each sequence
   * @param maxCommands the longest sequence, 1..1000
   * @return the arbitrary; run each chain with {@link ActionChain#run()}
   * @throws IllegalArgumentException if the factory is null or the length out of range
   */
  public static ActionChainArbitrary<DeskModel> commandSequences(
      DeskFactory factory, int maxCommands) {
    if (factory == null) {
      throw new IllegalArgumentException("factory must not be null");
    }
    if (maxCommands < 1 || maxCommands > 1000) {
      throw new IllegalArgumentException("maxCommands must be 1..1000, was " + maxCommands);
    }
    // No preconditions: every command can run in every state (it does nothing where it cannot
    // apply), so that jqwik can shrink a sequence by dropping commands.
    ActionChainArbitrary<DeskModel> chains =
        ActionChain.<DeskModel>startWith(() -> new DeskModel(factory))
            .withAction(2, action(opens()))
            .withAction(2, action(passingTime()));
    for (int ticket = 0; ticket < MAX_TICKETS; ticket++) {
      // the first ticket gets most commands, so that most failures involve one ticket only
      int share = ticket == 0 ? 3 : 1;
      chains =
          chains.withAction(share * 4, action(addressed(Arbitraries.just(Kind.ADVANCE), ticket)));
      chains = chains.withAction(share * 2, action(anywhere(ticket)));
    }
    return chains
        .withMaxTransformations(maxCommands)
        .improveShrinkingWith(StateChangeDetector::new);
  }

  /**
   * Tells jqwik which commands changed nothing (refused ones, commands that found no ticket), so
   * that shrinking drops them first.
   */
  private static final class StateChangeDetector implements ChangeDetector<DeskModel> {
    private String before;

    @Override
    public void before(DeskModel model) {
      before = model.fingerprint();
    }

    @Override
    public boolean hasChanged(DeskModel model) {
      return !model.fingerprint().equals(before);
    }
  }

  private static Action.Independent<DeskModel> action(Arbitrary<DeskCommand> commands) {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<DeskModel>> transformer() {
        // shrinking removes commands; shrinking their payloads would only spend its time budget
        return commands
            .dontShrink()
            .map(command -> Transformer.mutate(command.toString(), model -> model.run(command)));
      }
    };
  }

  /**
   * Requests from a small fixed pool of generated tickets: the model is about commands, and a pool
   * keeps shrinking from spending its time on names and phone numbers.
   */
  private static Arbitrary<DeskCommand> opens() {
    List<NewTicket> pool = LoopdeskArbitraries.newTickets().sampleStream().limit(4).toList();
    return Combinators.combine(actors(), Arbitraries.of(pool))
        .as(
            (actor, request) ->
                new DeskCommand(Kind.OPEN, 0, 0, 0, actor, request, null, null, null, null));
  }

  private static Arbitrary<DeskCommand> passingTime() {
    Arbitrary<Duration> pauses =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(1, 120).map(Duration::ofMinutes)),
            Tuple.of(2, Arbitraries.integers().between(2, 72).map(Duration::ofHours)));
    return pauses.map(
        pause ->
            new DeskCommand(Kind.PASS_TIME, 0, 0, 0, Actor.SYSTEM, null, null, null, null, pause));
  }

  /**
   * A standard or custom command sent to a ticket whatever its status allows: the desk must refuse
   * many.
   */
  private static Arbitrary<DeskCommand> anywhere(int ticket) {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Kind.CLOSE)),
            Tuple.of(2, Arbitraries.just(Kind.CALLBACK)),
            Tuple.of(
                6,
                Arbitraries.of(
                    Kind.CLASSIFY,
                    Kind.ASSIGN,
                    Kind.START,
                    Kind.WAIT_ON_CUSTOMER,
                    Kind.WAIT_ON_THIRD_PARTY,
                    Kind.RESUME,
                    Kind.RESOLVE,
                    Kind.REOPEN,
                    Kind.ESCALATE,
                    Kind.CUSTOM)),
            Tuple.of(
                2,
                Arbitraries.of(Kind.REPLY_TO_CUSTOMER, Kind.CUSTOMER_REPLY, Kind.INTERNAL_NOTE)));
    return addressed(kinds, ticket);
  }

  private static Arbitrary<DeskCommand> addressed(Arbitrary<Kind> kinds, int ticket) {
    Arbitrary<Integer> choices = Arbitraries.integers().between(0, 5);
    Arbitrary<Integer> offsets =
        Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, -1), Tuple.of(1, 1));
    return Combinators.combine(
            kinds,
            choices,
            offsets,
            actors(),
            LoopdeskArbitraries.classifications(),
            LoopdeskArbitraries.assignments(),
            callbackResults())
        .as(
            (kind, choice, offset, actor, classification, assignment, callback) ->
                new DeskCommand(
                    kind,
                    ticket,
                    choice,
                    offset,
                    actor,
                    null,
                    kind == Kind.CLASSIFY || kind == Kind.ADVANCE ? classification : null,
                    kind == Kind.ASSIGN || kind == Kind.ADVANCE ? assignment : null,
                    kind == Kind.CALLBACK || kind == Kind.ADVANCE ? callback : null,
                    null));
  }

  /**
   * Callbacks of every kind; ratings spread over 1..5 so that every minimum rating is met
   * sometimes.
   */
  private static Arbitrary<CallbackResult> callbackResults() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, LoopdeskArbitraries.satisfiedCallbacks(4)),
        Tuple.of(2, LoopdeskArbitraries.satisfiedCallbacks(1)),
        Tuple.of(2, LoopdeskArbitraries.unsatisfiedCallbacks(1)),
        Tuple.of(2, LoopdeskArbitraries.unreachedCallbacks()));
  }

  /** Mostly the staff who run the process, sometimes any role. */
  private static Arbitrary<Actor> actors() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(AGENT, TEAM_LEAD)), Tuple.of(2, LoopdeskArbitraries.actors()));
  }
}
