package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.testkit.DeskCommand.Kind;
import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * The entry point of the stateful model: random command sequences against the embedder's desk,
 * with Loopdesk's invariants ({@link Invariant}) checked after every step.
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
 * lifecycle's custom actions, mostly where the lifecycle allows them and sometimes anywhere; about
 * one command in ten carries a stale or future version, and one in five comes from an actor of a
 * random role (customers, trainers...). Time passes between commands and the SLA tracker, if given,
 * is ticked. jqwik shrinks a failing sequence to a short one, which the failure report lists.
 */
public final class LoopdeskProperties {
  /** Most tickets one sequence opens. */
  public static final int MAX_TICKETS = 3;
  /** Default longest sequence. */
  public static final int DEFAULT_MAX_COMMANDS = 50;

  /** The actions the {@code ServiceDesk} interface has a method for; every other lifecycle action is custom. */
  static final Set<TicketAction> STANDARD_ACTIONS =
      Set.of(
          TicketAction.OPEN, TicketAction.CLASSIFY, TicketAction.ASSIGN, TicketAction.START, TicketAction.WAIT_ON_CUSTOMER,
          TicketAction.WAIT_ON_THIRD_PARTY, TicketAction.RESUME, TicketAction.RESOLVE, TicketAction.RECORD_CALLBACK,
          TicketAction.CLOSE, TicketAction.REOPEN, TicketAction.MARK_UNREACHABLE, TicketAction.ESCALATE,
          TicketAction.DEESCALATE, TicketAction.REPRIORITISE, TicketAction.CHANGE_DEADLINE);

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
  public static ActionChainArbitrary<DeskModel> commandSequences(DeskFactory factory, int maxCommands) {
    if (factory == null) {
      throw new IllegalArgumentException("factory must not be null");
    }
    if (maxCommands < 1 || maxCommands > 1000) {
      throw new IllegalArgumentException("maxCommands must be 1..1000, was " + maxCommands);
    }
    ActionChainArbitrary<DeskModel> chains =
        ActionChain.<DeskModel>startWith(() -> new DeskModel(factory))
            .withAction(2, action(m -> m.ticketCount() < MAX_TICKETS, opens()))
            .withAction(2, action(m -> true, passingTime()))
            .withAction(3, action(m -> m.ticketCount() > 0, anywhere()));
    for (Kind kind : Kind.values()) {
      int weight = weight(kind);
      if (weight > 0) {
        chains = chains.withAction(weight, action(m -> m.canAddress(kind), addressed(Arbitraries.just(kind), false)));
      }
    }
    return chains.withMaxTransformations(maxCommands);
  }

  private static Action.Independent<DeskModel> action(Predicate<DeskModel> when, Arbitrary<DeskCommand> commands) {
    return new Action.Independent<>() {
      @Override
      public boolean precondition(DeskModel model) {
        return when.test(model);
      }

      @Override
      public Arbitrary<Transformer<DeskModel>> transformer() {
        return commands.map(command -> Transformer.mutate(command.toString(), model -> model.run(command)));
      }
    };
  }

  private static Arbitrary<DeskCommand> opens() {
    return Combinators.combine(actors(), LoopdeskArbitraries.newTickets())
        .as((actor, request) -> new DeskCommand(Kind.OPEN, false, 0, 0, actor, request, null, null, null, null));
  }

  private static Arbitrary<DeskCommand> passingTime() {
    Arbitrary<Duration> pauses =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(1, 120).map(Duration::ofMinutes)),
            Tuple.of(2, Arbitraries.integers().between(2, 72).map(Duration::ofHours)));
    return pauses.map(pause -> new DeskCommand(Kind.PASS_TIME, false, 0, 0, Actor.SYSTEM, null, null, null, null, pause));
  }

  /**
   * How often a command is sent where the lifecycle allows it: the steps towards closing more often
   * than the detours, so that sequences reach the callback and the close.
   */
  private static int weight(Kind kind) {
    return switch (kind) {
      case OPEN, PASS_TIME -> 0;
      case WAIT_ON_CUSTOMER, WAIT_ON_THIRD_PARTY, REOPEN, ESCALATE -> 1;
      case CALLBACK -> 5;
      case CLOSE -> 6;
      default -> 4;
    };
  }

  /** A standard command sent to any ticket, whatever its status allows: the desk must refuse most. */
  private static Arbitrary<DeskCommand> anywhere() {
    return addressed(
        Arbitraries.of(
            Kind.CLASSIFY, Kind.ASSIGN, Kind.START, Kind.WAIT_ON_CUSTOMER, Kind.WAIT_ON_THIRD_PARTY, Kind.RESUME,
            Kind.RESOLVE, Kind.CALLBACK, Kind.CLOSE, Kind.REOPEN, Kind.ESCALATE),
        true);
  }

  private static Arbitrary<DeskCommand> addressed(Arbitrary<Kind> kinds, boolean anyStatus) {
    Arbitrary<Integer> seeds = Arbitraries.integers().between(0, 5);
    Arbitrary<Integer> offsets = Arbitraries.frequency(Tuple.of(18, 0), Tuple.of(1, -1), Tuple.of(1, 1));
    return Combinators.combine(
            kinds,
            seeds,
            offsets,
            actors(),
            LoopdeskArbitraries.classifications(),
            LoopdeskArbitraries.assignments(),
            callbackResults())
        .as(
            (kind, seed, offset, actor, classification, assignment, callback) ->
                new DeskCommand(
                    kind,
                    anyStatus,
                    seed,
                    offset,
                    actor,
                    null,
                    kind == Kind.CLASSIFY ? classification : null,
                    kind == Kind.ASSIGN ? assignment : null,
                    kind == Kind.CALLBACK ? callback : null,
                    null));
  }

  /** Callbacks of every kind; ratings spread over 1..5 so that every minimum rating is met sometimes. */
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
