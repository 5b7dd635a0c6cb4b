package io.loopdesk.routing.internal;

import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.RoutingDecision;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RoutingRules;

/**
 * The reference semantics of a rule set: tests every rule in declaration order. Used as the
 * baseline in benchmarks and as the oracle in property tests. Immutable and thread-safe.
 */
public final class LinearRuleEvaluator {
  private final RoutingRules rules;

  /**
   * Creates the evaluator.
   *
   * @param rules the rules
   */
  public LinearRuleEvaluator(RoutingRules rules) {
    this.rules = rules;
  }

  /**
   * Decides by testing every rule in order.
   *
   * @param input the ticket facts
   * @return the decision
   */
  public RoutingDecision decide(RoutingInput input) {
    DecisionBuilder builder = new DecisionBuilder(input);
    for (RoutingRule rule : rules.rules()) {
      if (rule.matches(input)) {
        builder.fire(rule);
        if (rules.mode() == MatchMode.FIRST_MATCH) {
          break;
        }
      }
    }
    return builder.build();
  }
}
