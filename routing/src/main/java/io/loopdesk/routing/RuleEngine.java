package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import io.loopdesk.routing.internal.IndexedRuleEvaluator;

/**
 * Evaluates a {@link RoutingRules} set against tickets. Rules are indexed by category so that a
 * ticket is tested only against the rules that can fire for it; the result is exactly that of
 * testing every rule in order. Immutable and thread-safe.
 */
public final class RuleEngine {
  private final RoutingRules rules;
  private final IndexedRuleEvaluator evaluator;

  private RuleEngine(RoutingRules rules) {
    this.rules = rules;
    this.evaluator = new IndexedRuleEvaluator(rules);
  }

  /**
   * Returns an engine for the rules.
   *
   * @param rules the rules
   * @return the engine
   */
  public static RuleEngine of(RoutingRules rules) {
    if (rules == null) {
      throw new ValidationException("rules", null, "must not be null");
    }
    return new RuleEngine(rules);
  }

  /** Returns the rules this engine evaluates. */
  public RoutingRules rules() {
    return rules;
  }

  /**
   * Decides where a ticket goes. Deterministic: the same rules and input give the same decision.
   *
   * @param input the ticket facts
   * @return the decision with its explanation
   */
  public RoutingDecision decide(RoutingInput input) {
    if (input == null) {
      throw new ValidationException("input", null, "must not be null");
    }
    return evaluator.decide(input);
  }
}
