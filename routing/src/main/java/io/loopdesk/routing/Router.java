package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Routes tickets: evaluates the routing rules, then chooses an agent in the target queue and reserves
 * a capacity slot. The rules can be replaced at run time ({@link #rules(RoutingRules)}); a decision in
 * progress uses the rules it started with. Thread-safe.
 *
 * <pre>{@code
 * Router router = Router.create(rules, pool, clock);
 * RoutingResult result = router.route(RoutingInput.from(ticket).warranty(IN_WARRANTY).build());
 * result.assignment().ifPresent(a -> desk.assign(ticket.id(), ticket.version(), a, actor));
 * }</pre>
 */
public final class Router {
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
   * Routes a ticket at an instant. For the same rules, agent state and input the result is the same.
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
}
