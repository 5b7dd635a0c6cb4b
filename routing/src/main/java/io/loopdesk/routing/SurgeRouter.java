package io.loopdesk.routing;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Routes through a {@link Router} under a {@link SurgeControl}: in the normal state exactly as the
 * router does; during surge by the {@link SurgePolicy}'s plan. Core tickets go to their queue and,
 * if it has no free agent, to the overflow targets in order; the overflow appears in the decision
 * as a fired rule {@code surge-overflow}, so it reaches the ticket's audit trail with the
 * assignment. Other tickets are deferred: no agent is reserved, and self-service articles are
 * suggested. Thread-safe as far as its router, control and suggester are.
 */
public final class SurgeRouter {
  /** The id of the fired rule that records an overflow in the decision. */
  public static final String OVERFLOW_RULE = "surge-overflow";

  private final Router router;
  private final SurgeControl control;
  private final SelfServiceSuggester suggester;
  private final Clock clock;
  private volatile RuleEngine engine;

  private SurgeRouter(
      Router router, SurgeControl control, SelfServiceSuggester suggester, Clock clock) {
    this.router = router;
    this.control = control;
    this.suggester = suggester;
    this.clock = clock;
  }

  /**
   * Returns a surge-aware router.
   *
   * @param router the router: its rules and agent pool
   * @param control the surge state
   * @param suggester the self-service hook, {@link SelfServiceSuggester#NONE} for none
   * @param clock the clock for agents' working hours
   * @return the router
   */
  public static SurgeRouter create(
      Router router, SurgeControl control, SelfServiceSuggester suggester, Clock clock) {
    if (router == null || control == null || suggester == null || clock == null) {
      String field =
          router == null
              ? "router"
              : control == null ? "control" : suggester == null ? "suggester" : "clock";
      throw new ValidationException(field, null, "must not be null");
    }
    return new SurgeRouter(router, control, suggester, clock);
  }

  /** Returns the surge control. */
  public SurgeControl control() {
    return control;
  }

  /**
   * Routes a ticket now, in the current surge state.
   *
   * @param input the ticket facts
   * @return what was done
   */
  public SurgeRouting route(RoutingInput input) {
    if (input == null) {
      throw new ValidationException("input", null, "must not be null");
    }
    Instant at = clock.instant();
    SurgeState state = control.state();
    if (state == SurgeState.NORMAL) {
      RoutingResult r = router.route(input, at);
      return new SurgeRouting(
          r,
          state,
          r.agent().isPresent()
              ? SurgeRouting.Disposition.ROUTED
              : SurgeRouting.Disposition.UNASSIGNED,
          List.of());
    }
    SurgePolicy policy = control.policy();
    RoutingDecision decision = engine().decide(input);
    boolean core = input.category().map(policy.coreCategories()::contains).orElse(false);
    if (!core) {
      List<String> suggested =
          policy.selfServiceSuggestions() == 0
              ? null
              : suggester.suggest(input, policy.selfServiceSuggestions());
      List<String> articles =
          suggested == null
              ? List.of()
              : suggested.stream().filter(java.util.Objects::nonNull).toList();
      if (articles.size() > policy.selfServiceSuggestions()) {
        articles = articles.subList(0, policy.selfServiceSuggestions());
      }
      RoutingDecision deferred =
          withFired(
              decision,
              decision.target(),
              new FiredRule(
                  "surge-deferral",
                  "non-core tickets wait during surge",
                  List.of(categoryReason(input, policy), loadReason()),
                  List.of(
                      "deferred: not assigned during surge",
                      "self-service suggested: " + articles.size())));
      return new SurgeRouting(
          new RoutingResult(deferred, Optional.empty()),
          state,
          SurgeRouting.Disposition.DEFERRED,
          articles);
    }
    if (decision.target().isEmpty()) {
      return new SurgeRouting(
          new RoutingResult(decision, Optional.empty()),
          state,
          SurgeRouting.Disposition.UNASSIGNED,
          List.of());
    }
    RuleAction.AssignTo own = decision.target().get();
    Optional<AgentSelection> agent =
        router.agents().reserve(own.queue(), decision.requirement(), at);
    if (agent.isPresent()) {
      return new SurgeRouting(
          new RoutingResult(decision, agent), state, SurgeRouting.Disposition.ROUTED, List.of());
    }
    for (RuleAction.AssignTo target : policy.overflowTo(own.queue())) {
      Optional<AgentSelection> overflow =
          router.agents().reserve(target.queue(), decision.requirement(), at);
      if (overflow.isPresent()) {
        RoutingDecision moved =
            withFired(
                decision,
                Optional.of(target),
                new FiredRule(
                    OVERFLOW_RULE,
                    "core tickets overflow to standby and partner pools during surge",
                    List.of(
                        categoryReason(input, policy),
                        loadReason(),
                        "no free agent in queue " + own.queue()),
                    List.of(
                        "overflowed from "
                            + own.department()
                            + "/"
                            + own.queue()
                            + " to "
                            + target.department()
                            + "/"
                            + target.queue())));
        return new SurgeRouting(
            new RoutingResult(moved, overflow),
            state,
            SurgeRouting.Disposition.OVERFLOWED,
            List.of());
      }
    }
    return new SurgeRouting(
        new RoutingResult(decision, Optional.empty()),
        state,
        SurgeRouting.Disposition.UNASSIGNED,
        List.of());
  }

  /**
   * Routes a ticket and records the assignment on the desk (see {@link Router#routeOnDesk}); a
   * rule's priority change is recorded as well. A deferred or unassigned ticket is left unchanged.
   * If the desk rejects a command, the reserved capacity slot is given back and the exception is
   * rethrown.
   *
   * @param desk the desk
   * @param ticket the ticket as last seen
   * @param input the routing facts
   * @param actor who routes
   * @return what was done and the ticket afterwards
   */
  public Routed routeOnDesk(ServiceDesk desk, Ticket ticket, RoutingInput input, Actor actor) {
    if (desk == null || ticket == null || actor == null) {
      throw new ValidationException(
          desk == null ? "desk" : ticket == null ? "ticket" : "actor", null, "must not be null");
    }
    SurgeRouting routing = route(input);
    Ticket current = ticket;
    try {
      RoutingDecision d = routing.result().decision();
      if (routing.assigned()
          && d.priorityChanged()
          && d.priority().isPresent()
          && current.priority().isPresent()
          && current.priority().get().priority() != d.priority().get()) {
        String reason = "routing: " + d.explanation();
        reason = reason.length() <= 400 ? reason : reason.substring(0, 397) + "...";
        current =
            desk.reprioritise(current.id(), current.version(), d.priority().get(), reason, actor);
      }
      if (routing.result().assignment().isPresent()) {
        current =
            desk.assign(
                current.id(), current.version(), routing.result().assignment().get(), actor);
      }
      return new Routed(routing, current);
    } catch (RuntimeException e) {
      routing.result().agent().ifPresent(a -> router.agents().release(a.agentId()));
      throw e;
    }
  }

  /**
   * A surge routing and the ticket after it was applied to the desk.
   *
   * @param routing what was done
   * @param ticket the ticket afterwards
   */
  public record Routed(SurgeRouting routing, Ticket ticket) {}

  private RuleEngine engine() {
    RoutingRules rules = router.rules();
    RuleEngine current = engine;
    if (current == null || current.rules() != rules) {
      current = RuleEngine.of(rules);
      engine = current;
    }
    return current;
  }

  private String loadReason() {
    DeskLoad load = control.lastLoad();
    return "surge" + (load == null ? "" : " at load " + load);
  }

  private static String categoryReason(RoutingInput input, SurgePolicy policy) {
    String category = input.category().map(Category::name).orElse("unclassified");
    return "category "
        + category
        + (input.category().map(policy.coreCategories()::contains).orElse(false)
            ? " is"
            : " is not")
        + " core";
  }

  private static RoutingDecision withFired(
      RoutingDecision d, Optional<RuleAction.AssignTo> target, FiredRule extra) {
    List<FiredRule> fired = new ArrayList<>(d.fired());
    fired.add(extra);
    return new RoutingDecision(
        target, d.priority(), d.priorityChanged(), d.tags(), d.requirement(), fired);
  }
}
