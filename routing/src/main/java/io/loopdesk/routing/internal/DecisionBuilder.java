package io.loopdesk.routing.internal;

import io.loopdesk.api.Priority;
import io.loopdesk.routing.Condition;
import io.loopdesk.routing.FiredRule;
import io.loopdesk.routing.RoutingDecision;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RuleAction;
import io.loopdesk.routing.SkillRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies fired rules' actions in order and records what each did. Not thread-safe; one per
 * decision.
 */
final class DecisionBuilder {
  private final RoutingInput input;
  private RuleAction.AssignTo target;
  private String targetRule;
  private Priority priority;
  private final TreeSet<String> tags = new TreeSet<>();
  private final TreeMap<String, Integer> skills = new TreeMap<>();
  private final List<FiredRule> fired = new ArrayList<>(2);

  DecisionBuilder(RoutingInput input) {
    this.input = input;
    this.priority = input.priority().orElse(null);
  }

  void fire(RoutingRule rule) {
    List<String> reasons = new ArrayList<>(rule.conditions().size());
    for (Condition c : rule.conditions()) {
      reasons.add(c.explain(input));
    }
    List<String> effects = new ArrayList<>(rule.actions().size());
    for (RuleAction action : rule.actions()) {
      effects.add(apply(rule, action));
    }
    fired.add(new FiredRule(rule.id(), rule.description(), reasons, effects));
  }

  private String apply(RoutingRule rule, RuleAction action) {
    if (action instanceof RuleAction.AssignTo a) {
      if (target != null) {
        return "assignment to "
            + a.department()
            + "/"
            + a.queue()
            + " ignored: already assigned by rule "
            + targetRule;
      }
      target = a;
      targetRule = rule.id();
      return "assigned to " + a.department() + "/" + a.queue();
    }
    if (action instanceof RuleAction.SetPriority s) {
      Priority before = priority;
      priority = s.priority();
      return "priority " + before + " -> " + priority;
    }
    if (action instanceof RuleAction.RaisePriority r) {
      if (priority == null) {
        return "raise ignored: no priority yet";
      }
      Priority before = priority;
      for (int i = 0; i < r.steps(); i++) {
        priority = priority.raised();
      }
      return "priority raised " + before + " -> " + priority;
    }
    if (action instanceof RuleAction.AddTags t) {
      tags.addAll(t.tags());
      return "tagged " + t.tags();
    }
    RuleAction.RequireSkills req = (RuleAction.RequireSkills) action;
    for (Map.Entry<String, Integer> e : req.minimumLevels().entrySet()) {
      skills.merge(e.getKey(), e.getValue(), Math::max);
    }
    return "requires " + req.minimumLevels();
  }

  RoutingDecision build() {
    Priority original = input.priority().orElse(null);
    return new RoutingDecision(
        Optional.ofNullable(target),
        Optional.ofNullable(priority),
        priority != original,
        tags,
        new SkillRequirement(skills, input.language().orElse(null)),
        fired);
  }
}
