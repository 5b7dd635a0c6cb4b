package io.loopdesk.routing;

import io.loopdesk.routing.internal.RuleParser;
import io.loopdesk.routing.internal.Shadowing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An ordered, validated set of routing rules with a {@link MatchMode}. Immutable and thread-safe.
 *
 * <p>Built in code with {@link #builder(MatchMode)} or read from JSON or YAML:
 *
 * <pre>{@code
 * mode: FIRST_MATCH
 * rules:
 *   - id: in-warranty-repairs
 *     description: In-warranty repairs go straight to after-sales engineers
 *     when: { category: [PRODUCT_FAULT], warranty: [IN_WARRANTY] }
 *     then: { assign: { department: after-sales, queue: engineers }, addTags: [repair] }
 *   - id: vip-raise
 *     when: { tier: [VIP], predicates: [repeatCaller] }
 *     then: { raisePriority: 1, requireSkills: { complaints: 3 } }
 * }</pre>
 *
 * <p>Condition keys: {@code category, priority, channel, product, tier, warranty} (lists), {@code
 * attributes} (map of key to list of values) and {@code predicates} (names registered in code).
 * Action keys: {@code assign {department, queue}}, {@code setPriority}, {@code raisePriority},
 * {@code addTags}, {@code requireSkills} (map of skill to minimum level). Unknown keys are errors.
 *
 * <p>Validation rejects duplicate ids and, in {@link MatchMode#FIRST_MATCH}, rules that can never
 * fire because an earlier rule's conditions are implied by theirs (e.g. a catch-all rule that is
 * not last), with a {@link RuleDefinitionException} naming both rules.
 */
public final class RoutingRules {
  private final MatchMode mode;
  private final List<RoutingRule> rules;

  private RoutingRules(MatchMode mode, List<RoutingRule> rules) {
    this.mode = mode;
    this.rules = List.copyOf(rules);
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < this.rules.size(); i++) {
      Integer earlier = ids.putIfAbsent(this.rules.get(i).id(), i);
      if (earlier != null) {
        throw new RuleDefinitionException(
            "rules[" + i + "].id",
            this.rules.get(i).id(),
            "is already the id of rules[" + earlier + "]");
      }
    }
    if (mode == MatchMode.FIRST_MATCH) {
      Shadowing.rejectUnreachable(this.rules);
    }
  }

  /**
   * Returns a builder.
   *
   * @param mode first-match or all-match
   * @return the builder
   */
  public static Builder builder(MatchMode mode) {
    if (mode == null) {
      throw new RuleDefinitionException("mode", null, "must be FIRST_MATCH or ALL_MATCH");
    }
    return new Builder(mode);
  }

  /**
   * Reads rules from JSON.
   *
   * @param json the definition
   * @param predicates the named predicates that rules may reference
   * @return the rules
   * @throws RuleDefinitionException naming the offending field if the JSON is malformed or invalid
   */
  public static RoutingRules fromJson(
      String json, Map<String, Predicate<RoutingInput>> predicates) {
    return RuleParser.json().parse(json, predicates);
  }

  /**
   * Reads rules from YAML.
   *
   * @param yaml the definition
   * @param predicates the named predicates that rules may reference
   * @return the rules
   * @throws RuleDefinitionException naming the offending field if the YAML is malformed or invalid
   */
  public static RoutingRules fromYaml(
      String yaml, Map<String, Predicate<RoutingInput>> predicates) {
    return RuleParser.yaml().parse(yaml, predicates);
  }

  /** Returns the match mode. */
  public MatchMode mode() {
    return mode;
  }

  /** Returns the rules in evaluation order. */
  public List<RoutingRule> rules() {
    return rules;
  }

  /**
   * Finds a rule by id.
   *
   * @param id the id
   * @return the rule, or empty
   */
  public Optional<RoutingRule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingRules r && r.mode == mode && r.rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return mode.hashCode() * 31 + rules.hashCode();
  }

  @Override
  public String toString() {
    return "RoutingRules[" + mode + ", " + rules.size() + " rules]";
  }

  /** Builds {@link RoutingRules}; not thread-safe. */
  public static final class Builder {
    private final MatchMode mode;
    private final List<RoutingRule> rules = new ArrayList<>();

    private Builder(MatchMode mode) {
      this.mode = mode;
    }

    /** Appends a rule. */
    public Builder add(RoutingRule rule) {
      if (rule == null) {
        throw new RuleDefinitionException("rules[" + rules.size() + "]", null, "must not be null");
      }
      rules.add(rule);
      return this;
    }

    /**
     * Returns the validated rules.
     *
     * @throws RuleDefinitionException on duplicate ids or unreachable rules
     */
    public RoutingRules build() {
      return new RoutingRules(mode, rules);
    }
  }
}
