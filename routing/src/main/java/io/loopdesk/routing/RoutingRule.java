package io.loopdesk.routing;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Checks;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One routing rule: when all its conditions hold (a rule without conditions always holds), its
 * actions apply. Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingRule rule = RoutingRule.builder("faults-p0-p1")
 *     .description("Product faults P0/P1 go to technical support")
 *     .category(Category.PRODUCT_FAULT)
 *     .priority(Priority.P0, Priority.P1)
 *     .assignTo("technical-support", "tech-l2")
 *     .requireSkill("diagnostics", 3)
 *     .build();
 * }</pre>
 */
public final class RoutingRule {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

  private final String id;
  private final String description;
  private final List<Condition> conditions;
  private final List<RuleAction> actions;

  private RoutingRule(Builder b) {
    this.id = b.id;
    this.description = b.description;
    this.conditions = List.copyOf(b.conditions.values());
    this.actions = List.copyOf(b.actions);
    if (actions.isEmpty()) {
      throw new ValidationException("rule " + id + ".actions", actions, "a rule must do something");
    }
  }

  /**
   * Returns a builder.
   *
   * @param id the rule id, 1-100 characters of letters, digits and {@code _ . : -}, unique in a set
   * @return the builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns the rule id. */
  public String id() {
    return id;
  }

  /** Returns the description, empty if none. */
  public String description() {
    return description;
  }

  /** Returns the conditions, at most one per kind (per attribute key for attributes). */
  public List<Condition> conditions() {
    return conditions;
  }

  /** Returns the actions in the order they apply. */
  public List<RuleAction> actions() {
    return actions;
  }

  /** Returns the categories the rule is restricted to, if it has a category condition. */
  public Optional<Set<Category>> categories() {
    for (Condition c : conditions) {
      if (c instanceof Condition.CategoryIn in) {
        return Optional.of(in.categories());
      }
    }
    return Optional.empty();
  }

  /**
   * Tests every condition.
   *
   * @param input the ticket facts
   * @return whether the rule fires
   */
  public boolean matches(RoutingInput input) {
    for (Condition c : conditions) {
      if (!c.test(input)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutingRule r
        && r.id.equals(id)
        && r.description.equals(description)
        && r.conditions.equals(conditions)
        && r.actions.equals(actions);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "RoutingRule[" + id + ", when=" + conditions + ", then=" + actions + "]";
  }

  static String checkName(String field, String value) {
    return Checks.text(field, value, Checks.MAX_UNIT_NAME_LENGTH);
  }

  /** Builds a {@link RoutingRule}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private String description = "";
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final List<RuleAction> actions = new ArrayList<>();

    private Builder(String id) {
      if (id == null || !ID.matcher(id).matches()) {
        throw new ValidationException(
            "rule.id",
            id,
            "must be 1-100 letters, digits or _ . : - starting with a letter or digit");
      }
      this.id = id;
    }

    /** Sets a human-readable description, shown in decisions. */
    public Builder description(String value) {
      if (value == null) {
        throw new ValidationException("rule " + id + ".description", null, "must not be null");
      }
      description = value;
      return this;
    }

    /** Adds a condition; a second condition of the same kind (or attribute key) is a clash. */
    public Builder when(Condition condition) {
      if (condition == null) {
        throw new ValidationException("rule " + id + ".when", null, "must not be null");
      }
      String kind =
          condition instanceof Condition.AttributeIn a
              ? "attribute:" + a.key()
              : condition instanceof Condition.Custom c
                  ? "predicate:" + c.name()
                  : condition.getClass().getSimpleName();
      if (conditions.putIfAbsent(kind, condition) != null) {
        throw new ValidationException(
            "rule " + id + ".when",
            condition,
            "clashes with " + conditions.get(kind) + "; merge the values into one condition");
      }
      return this;
    }

    /** Matches any of the categories. */
    public Builder category(Category... values) {
      return when(new Condition.CategoryIn(set(values)));
    }

    /** Matches any of the priorities. */
    public Builder priority(Priority... values) {
      return when(new Condition.PriorityIn(set(values)));
    }

    /** Matches any of the channels. */
    public Builder channel(Channel... values) {
      return when(new Condition.ChannelIn(set(values)));
    }

    /** Matches any of the products. */
    public Builder product(String... values) {
      return when(new Condition.ProductIn(set(values)));
    }

    /** Matches any of the customer tiers. */
    public Builder tier(CustomerTier... values) {
      return when(new Condition.TierIn(set(values)));
    }

    /** Matches any of the warranty statuses. */
    public Builder warranty(WarrantyStatus... values) {
      return when(new Condition.WarrantyIn(set(values)));
    }

    /** Matches a free attribute with any of the values. */
    public Builder attribute(String key, String... values) {
      return when(new Condition.AttributeIn(key, set(values)));
    }

    /** Matches a named predicate. */
    public Builder matching(String name, Predicate<RoutingInput> predicate) {
      return when(new Condition.Custom(name, predicate));
    }

    /** Adds an action. */
    public Builder then(RuleAction action) {
      if (action == null) {
        throw new ValidationException("rule " + id + ".then", null, "must not be null");
      }
      actions.add(action);
      return this;
    }

    /** Assigns to a department's queue. */
    public Builder assignTo(String department, String queue) {
      return then(new RuleAction.AssignTo(department, queue));
    }

    /** Sets the priority. */
    public Builder setPriority(Priority value) {
      return then(new RuleAction.SetPriority(value));
    }

    /** Raises the priority by some steps. */
    public Builder raisePriority(int steps) {
      return then(new RuleAction.RaisePriority(steps));
    }

    /** Adds tags. */
    public Builder tag(String... tags) {
      return then(new RuleAction.AddTags(set(tags)));
    }

    /** Requires a skill at a minimum level of the selected agent. */
    public Builder requireSkill(String skill, int minimumLevel) {
      Map<String, Integer> m = new LinkedHashMap<>();
      m.put(skill, minimumLevel);
      return then(new RuleAction.RequireSkills(m));
    }

    /**
     * Returns the rule.
     *
     * @throws ValidationException if it has no action
     */
    public RoutingRule build() {
      return new RoutingRule(this);
    }

    @SafeVarargs
    private <T> Set<T> set(T... values) {
      if (values == null || values.length == 0) {
        throw new ValidationException("rule " + id + ".when", "[]", "must name at least one value");
      }
      if (Arrays.asList(values).contains(null)) {
        throw new ValidationException(
            "rule " + id + ".when", Arrays.toString(values), "must not contain null");
      }
      return new LinkedHashSet<>(Arrays.asList(values));
    }
  }
}
