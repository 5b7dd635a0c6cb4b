package io.loopdesk.routing;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Routes tickets: evaluates the routing rules, then chooses an agent in the target queue and
 * reserves a capacity slot. The rules can be replaced at run time ({@link #rules(RoutingRules)}); a
 * decision in progress uses the rules it started with. Thread-safe.
 *
 * <pre>{@code
 * Router router = Router.create(rules, pool, clock);
 * RoutingResult result = router.route(RoutingInput.from(ticket).warranty(IN_WARRANTY).build());
 * result.assignment().ifPresent(a -> desk.assign(ticket.id(), ticket.version(), a, actor));
 * }</pre>
 */
public final class Router {
  /** A priority reason is stored with the actor id and the change in at most 500 characters. */
  private static final int MAX_PRIORITY_REASON = 400;

  private volatile RuleEngine engine;
  private final AgentPool agents;
  private final Clock clock;

  private Router(RuleEngine engine, AgentPool agents, Clock clock) {
    this.engine = engine;
    this.agents = agents;
    this.clock = clock;
  }

  /**
   * Creates a router.
   *
   * @param rules the routing rules
   * @param agents the agent pool
   * @param clock the clock for working hours
   * @return the router
   */
  public static Router create(RoutingRules rules, AgentPool agents, Clock clock) {
    if (agents == null) {
      throw new ValidationException("agents", null, "must not be null");
    }
    if (clock == null) {
      throw new ValidationException("clock", null, "must not be null");
    }
    return new Router(RuleEngine.of(rules), agents, clock);
  }

  /** Replaces the routing rules for every later decision. */
  public void rules(RoutingRules rules) {
    engine = RuleEngine.of(rules);
  }

  /** Returns the current rules. */
  public RoutingRules rules() {
    return engine.rules();
  }

  /** Returns the agent pool. */
  public AgentPool agents() {
    return agents;
  }

  /**
   * Routes a ticket now (per the clock).
   *
   * @param input the ticket facts
   * @return the decision and the chosen agent
   */
  public RoutingResult route(RoutingInput input) {
    return route(input, clock.instant());
  }

  /**
   * Routes a ticket at an instant. For the same rules, agent state and input the result is the
   * same.
   *
   * @param input the ticket facts
   * @param at the instant, for agents' working hours
   * @return the decision and the chosen agent
   */
  public RoutingResult route(RoutingInput input, Instant at) {
    RoutingDecision decision = engine.decide(input);
    Optional<AgentSelection> agent =
        decision.target().flatMap(t -> agents.reserve(t.queue(), decision.requirement(), at));
    return new RoutingResult(decision, agent);
  }

  /**
   * Routes a classified ticket and records the outcome on the desk, so that every decision is in
   * the ticket's audit trail: a priority set or raised by a rule becomes a {@code reprioritise}
   * with the rules' explanation as its reason, and the chosen agent an {@code assign} whose reason
   * names the rules that fired and how the agent was chosen. If the desk rejects a command, the
   * reserved capacity slot is given back and the exception is rethrown.
   *
   * @param desk the desk (a secured one checks the actor's permissions too)
   * @param ticket the ticket as last seen
   * @param input the routing facts, usually {@code RoutingInput.from(ticket)} plus warranty and
   *     attributes
   * @param actor who routes, often {@link io.loopdesk.api.Actor#SYSTEM}
   * @return the result and the ticket after the commands (unchanged if nothing applied)
   */
  public Routed routeOnDesk(ServiceDesk desk, Ticket ticket, RoutingInput input, Actor actor) {
    if (desk == null || ticket == null || actor == null) {
      throw new ValidationException(
          desk == null ? "desk" : ticket == null ? "ticket" : "actor", null, "must not be null");
    }
    RoutingResult result = route(input);
    Ticket current = ticket;
    try {
      RoutingDecision d = result.decision();
      if (d.priorityChanged()
          && d.priority().isPresent()
          && current.priority().isPresent()
          && current.priority().get().priority() != d.priority().get()) {
        String reason = fit("routing: " + d.explanation(), MAX_PRIORITY_REASON);
        current =
            desk.reprioritise(current.id(), current.version(), d.priority().get(), reason, actor);
      }
      Optional<Assignment> assignment = result.assignment();
      if (assignment.isPresent()) {
        current = desk.assign(current.id(), current.version(), assignment.get(), actor);
      }
      return new Routed(result, current);
    } catch (RuntimeException e) {
      result.agent().ifPresent(a -> agents.release(a.agentId()));
      throw e;
    }
  }

  /**
   * A routing result and the ticket after it was applied to the desk.
   *
   * @param result the decision and chosen agent
   * @param ticket the ticket after reprioritising and assigning
   */
  public record Routed(RoutingResult result, Ticket ticket) {}

  private static String fit(String reason, int max) {
    return reason.length() <= max ? reason : reason.substring(0, max - 3) + "...";
  }
}
