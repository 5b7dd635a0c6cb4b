package io.loopdesk.routing;

import io.loopdesk.api.Category;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the desk enters and leaves its surge plan, and what the plan does. Immutable and
 * thread-safe.
 *
 * <ul>
 *   <li><b>Enter</b> when the load share exceeds {@link #enterAbove()} (the handbook's 120 %).
 *   <li><b>Leave</b> when the load share has stayed below {@link #exitBelow()} (100 %) for {@link
 *       #exitDwell()}: the gap between the two thresholds and the dwell time keep the desk from
 *       flapping in and out of surge.
 *   <li><b>During surge</b> tickets of the {@link #coreCategories() core categories} are routed
 *       first: to their queue, and when it has no free agent to its {@link #overflowTo(String)
 *       overflow targets} (standby and partner pools) in order. Other tickets are deferred (left
 *       unassigned) and get self-service suggestions.
 * </ul>
 *
 * <pre>{@code
 * SurgePolicy policy = SurgePolicy.builder()
 *     .coreCategories(Category.PRODUCT_FAULT, Category.COMPLAINT)
 *     .overflow("hotline", new RuleAction.AssignTo("customer-service", "standby"),
 *         new RuleAction.AssignTo("partner-callcenter", "partner"))
 *     .build();                     // enter above 120 %, leave below 100 % held for 15 minutes
 * }</pre>
 */
public final class SurgePolicy {
  private final double enterAbove;
  private final double exitBelow;
  private final Duration exitDwell;
  private final Set<Category> coreCategories;
  private final Map<String, List<RuleAction.AssignTo>> overflow;
  private final int selfServiceSuggestions;

  private SurgePolicy(Builder b) {
    this.enterAbove = b.enterAbove;
    this.exitBelow = b.exitBelow;
    this.exitDwell = b.exitDwell;
    this.coreCategories = Set.copyOf(b.coreCategories);
    Map<String, List<RuleAction.AssignTo>> copy = new LinkedHashMap<>();
    b.overflow.forEach((q, targets) -> copy.put(q, List.copyOf(targets)));
    this.overflow = Map.copyOf(copy);
    this.selfServiceSuggestions = b.selfServiceSuggestions;
    if (exitBelow > enterAbove) {
      throw new ValidationException(
          "exitBelow", exitBelow, "must not be above enterAbove " + enterAbove);
    }
  }

  /**
   * Returns a builder with the handbook's thresholds: enter above 120 %, leave below 100 % held 15
   * minutes.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the load share above which the desk enters surge, e.g. 1.2. */
  public double enterAbove() {
    return enterAbove;
  }

  /** Returns the load share below which the desk may leave surge, e.g. 1.0. */
  public double exitBelow() {
    return exitBelow;
  }

  /**
   * Returns how long the load must stay below {@link #exitBelow()} before the desk leaves surge.
   */
  public Duration exitDwell() {
    return exitDwell;
  }

  /** Returns the categories served first during surge. */
  public Set<Category> coreCategories() {
    return coreCategories;
  }

  /**
   * Returns where tickets of a queue overflow to during surge, in order.
   *
   * @param queue the queue the rules chose
   * @return the overflow targets, empty if none
   */
  public List<RuleAction.AssignTo> overflowTo(String queue) {
    return overflow.getOrDefault(queue, List.of());
  }

  /** Returns how many self-service articles to suggest for a deferred ticket. */
  public int selfServiceSuggestions() {
    return selfServiceSuggestions;
  }

  @Override
  public String toString() {
    return "SurgePolicy[enter above "
        + Math.round(enterAbove * 100)
        + "%, leave below "
        + Math.round(exitBelow * 100)
        + "% for "
        + exitDwell
        + ", core "
        + coreCategories
        + ", overflow "
        + overflow
        + "]";
  }

  /** Builds a {@link SurgePolicy}; not thread-safe. */
  public static final class Builder {
    private double enterAbove = 1.2;
    private double exitBelow = 1.0;
    private Duration exitDwell = Duration.ofMinutes(15);
    private Set<Category> coreCategories = Set.of(Category.PRODUCT_FAULT, Category.COMPLAINT);
    private final Map<String, List<RuleAction.AssignTo>> overflow = new LinkedHashMap<>();
    private int selfServiceSuggestions = 3;

    private Builder() {}

    /**
     * Sets the load share above which the desk enters surge.
     *
     * @param share above 0 and at most 100
     * @return this builder
     */
    public Builder enterAbove(double share) {
      enterAbove = share(share, "enterAbove");
      return this;
    }

    /**
     * Sets the load share below which the desk may leave surge; at most the entry threshold.
     *
     * @param share above 0 and at most 100
     * @return this builder
     */
    public Builder exitBelow(double share) {
      exitBelow = share(share, "exitBelow");
      return this;
    }

    /**
     * Sets how long the load must stay below the exit threshold.
     *
     * @param value at least 0, at most one day
     * @return this builder
     */
    public Builder exitDwell(Duration value) {
      if (value == null || value.isNegative() || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new ValidationException("exitDwell", value, "must be between 0 and one day");
      }
      exitDwell = value;
      return this;
    }

    /**
     * Sets the categories served first during surge.
     *
     * @param values the categories, at least one
     * @return this builder
     */
    public Builder coreCategories(Category... values) {
      if (values == null || values.length == 0 || java.util.Arrays.asList(values).contains(null)) {
        throw new ValidationException(
            "coreCategories", null, "must name at least one category and no null");
      }
      coreCategories = Set.of(values);
      return this;
    }

    /**
     * Sets where tickets of a queue overflow to during surge, tried in order.
     *
     * @param queue the queue the routing rules choose
     * @param targets standby or partner queues with their departments, at least one
     * @return this builder
     */
    public Builder overflow(String queue, RuleAction.AssignTo... targets) {
      RoutingRule.checkName("queue", queue);
      if (targets == null || targets.length == 0) {
        throw new ValidationException("overflow " + queue, null, "must name at least one target");
      }
      List<RuleAction.AssignTo> list = new ArrayList<>();
      for (RuleAction.AssignTo t : targets) {
        if (t == null || t.queue().equals(queue)) {
          throw new ValidationException(
              "overflow " + queue, t == null ? null : t.queue(), "must be other queues, not null");
        }
        list.add(t);
      }
      overflow.put(queue, list);
      return this;
    }

    /**
     * Sets how many self-service articles to suggest for a deferred ticket.
     *
     * @param count 0 to 20
     * @return this builder
     */
    public Builder selfServiceSuggestions(int count) {
      if (count < 0 || count > 20) {
        throw new ValidationException("selfServiceSuggestions", count, "must be between 0 and 20");
      }
      selfServiceSuggestions = count;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws ValidationException if the exit threshold is above the entry threshold
     */
    public SurgePolicy build() {
      return new SurgePolicy(this);
    }

    private static double share(double value, String field) {
      if (!(value > 0 && value <= 100)) {
        throw new ValidationException(field, value, "must be above 0 and at most 100");
      }
      return value;
    }
  }
}
