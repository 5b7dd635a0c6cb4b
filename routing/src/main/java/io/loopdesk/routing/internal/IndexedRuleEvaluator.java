package io.loopdesk.routing.internal;

import io.loopdesk.api.Category;
import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.RoutingDecision;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RoutingRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates rules through a category index: for each category, the positions of the rules that
 * either require that category or have no category condition, in declaration order. Gives exactly
 * the decisions of {@link LinearRuleEvaluator}. Immutable and thread-safe.
 */
public final class IndexedRuleEvaluator {
  private final RoutingRule[] rules;
  private final MatchMode mode;
  private final Map<Category, int[]> byCategory;
  private final int[] uncategorised;

  /**
   * Builds the index.
   *
   * @param ruleSet the rules
   */
  public IndexedRuleEvaluator(RoutingRules ruleSet) {
    this.rules = ruleSet.rules().toArray(RoutingRule[]::new);
    this.mode = ruleSet.mode();
    Map<Category, List<Integer>> lists = new HashMap<>();
    List<Integer> wildcard = new ArrayList<>();
    for (RoutingRule rule : rules) {
      rule.categories()
          .ifPresent(cats -> cats.forEach(c -> lists.putIfAbsent(c, new ArrayList<>())));
    }
    for (int i = 0; i < rules.length; i++) {
      Optional<Set<Category>> cats = rules[i].categories();
      if (cats.isEmpty()) {
        wildcard.add(i);
        for (List<Integer> list : lists.values()) {
          list.add(i);
        }
      } else {
        for (Category c : cats.get()) {
          lists.get(c).add(i);
        }
      }
    }
    Map<Category, int[]> index = new HashMap<>();
    lists.forEach((c, list) -> index.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
    this.byCategory = Map.copyOf(index);
    this.uncategorised = wildcard.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Decides through the index.
   *
   * @param input the ticket facts
   * @return the decision
   */
  public RoutingDecision decide(RoutingInput input) {
    int[] candidates =
        input.category().map(c -> byCategory.getOrDefault(c, uncategorised)).orElse(uncategorised);
    DecisionBuilder builder = new DecisionBuilder(input);
    for (int position : candidates) {
      RoutingRule rule = rules[position];
      if (rule.matches(input)) {
        builder.fire(rule);
        if (mode == MatchMode.FIRST_MATCH) {
          break;
        }
      }
    }
    return builder.build();
  }
}
