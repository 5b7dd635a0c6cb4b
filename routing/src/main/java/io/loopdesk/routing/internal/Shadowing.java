package io.loopdesk.routing.internal;

import io.loopdesk.routing.Condition;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RuleDefinitionException;
import java.util.List;
import java.util.Set;

/** Finds first-match rules that can never fire because an earlier rule always wins. */
public final class Shadowing {
  private Shadowing() {}

  /**
   * Rejects a rule list in which some rule is shadowed by an earlier one: every condition of the
   * earlier rule is implied by a condition of the later one (same kind, narrower or equal values).
   *
   * @param rules the rules in order
   * @throws RuleDefinitionException naming the unreachable rule and the rule that shadows it
   */
  public static void rejectUnreachable(List<RoutingRule> rules) {
    for (int j = 1; j < rules.size(); j++) {
      RoutingRule later = rules.get(j);
      for (int i = 0; i < j; i++) {
        RoutingRule earlier = rules.get(i);
        if (implies(later, earlier)) {
          throw new RuleDefinitionException(
              "rules[" + j + "]",
              later.id(),
              "can never fire in FIRST_MATCH mode: rules["
                  + i
                  + "] '"
                  + earlier.id()
                  + "' matches every ticket it matches; reorder or narrow the rules");
        }
      }
    }
  }

  /** True if whenever {@code specific} matches, {@code general} matches too. */
  static boolean implies(RoutingRule specific, RoutingRule general) {
    for (Condition g : general.conditions()) {
      boolean covered = false;
      for (Condition s : specific.conditions()) {
        if (narrower(s, g)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private static boolean narrower(Condition s, Condition g) {
    if (s instanceof Condition.CategoryIn a && g instanceof Condition.CategoryIn b) {
      return subset(a.categories(), b.categories());
    }
    if (s instanceof Condition.PriorityIn a && g instanceof Condition.PriorityIn b) {
      return subset(a.priorities(), b.priorities());
    }
    if (s instanceof Condition.ChannelIn a && g instanceof Condition.ChannelIn b) {
      return subset(a.channels(), b.channels());
    }
    if (s instanceof Condition.ProductIn a && g instanceof Condition.ProductIn b) {
      return subset(a.products(), b.products());
    }
    if (s instanceof Condition.TierIn a && g instanceof Condition.TierIn b) {
      return subset(a.tiers(), b.tiers());
    }
    if (s instanceof Condition.WarrantyIn a && g instanceof Condition.WarrantyIn b) {
      return subset(a.statuses(), b.statuses());
    }
    if (s instanceof Condition.AttributeIn a && g instanceof Condition.AttributeIn b) {
      return a.key().equals(b.key()) && subset(a.values(), b.values());
    }
    return s instanceof Condition.Custom a
        && g instanceof Condition.Custom b
        && a.name().equals(b.name());
  }

  private static boolean subset(Set<?> narrow, Set<?> wide) {
    return wide.containsAll(narrow);
  }
}
