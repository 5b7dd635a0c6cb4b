package io.loopdesk.routing;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One test a {@link RoutingRule} makes on a {@link RoutingInput}; a rule fires when all its
 * conditions hold. Each condition can explain itself for the decision's audit text. Conditions are
 * immutable and thread-safe; a {@link Custom} one is as thread-safe as its predicate.
 */
public sealed interface Condition {

  /**
   * Tests the input.
   *
   * @param input the ticket facts
   * @return whether the condition holds
   */
  boolean test(RoutingInput input);

  /**
   * Explains why the condition holds for an input it matched, e.g. {@code category PRODUCT_FAULT in
   * [PRODUCT_FAULT, COMPLAINT]}.
   *
   * @param input the matched input
   * @return the reason
   */
  String explain(RoutingInput input);

  /**
   * The category is one of the given ones; an unclassified ticket never matches.
   *
   * @param categories the accepted categories, not empty
   */
  record CategoryIn(Set<Category> categories) implements Condition {
    /** Validates and copies the set. */
    public CategoryIn {
      notEmpty("category", categories);
      categories = byName(categories, Category::name);
    }

    @Override
    public boolean test(RoutingInput input) {
      return input.category().map(categories::contains).orElse(false);
    }

    @Override
    public String explain(RoutingInput input) {
      return "category " + input.category().orElse(null) + " in " + categories;
    }
  }

  /**
   * The priority is one of the given ones; an unclassified ticket never matches.
   *
   * @param priorities the accepted priorities, not empty
   */
  record PriorityIn(Set<Priority> priorities) implements Condition {
    /** Validates and copies the set. */
    public PriorityIn {
      notEmpty("priority", priorities);
      priorities = java.util.Collections.unmodifiableSet(EnumSet.copyOf(priorities));
    }

    @Override
    public boolean test(RoutingInput input) {
      return input.priority().map(priorities::contains).orElse(false);
    }

    @Override
    public String explain(RoutingInput input) {
      return "priority " + input.priority().orElse(null) + " in " + priorities;
    }
  }

  /**
   * The ticket came through one of the given channels.
   *
   * @param channels the accepted channels, not empty
   */
  record ChannelIn(Set<Channel> channels) implements Condition {
    /** Validates and copies the set. */
    public ChannelIn {
      notEmpty("channel", channels);
      channels = byName(channels, Channel::name);
    }

    @Override
    public boolean test(RoutingInput input) {
      return channels.contains(input.channel());
    }

    @Override
    public String explain(RoutingInput input) {
      return "channel " + input.channel() + " in " + channels;
    }
  }

  /**
   * The product is one of the given ones (exact, case-sensitive).
   *
   * @param products the accepted products, not empty
   */
  record ProductIn(Set<String> products) implements Condition {
    /** Validates and copies the set. */
    public ProductIn {
      products = sortedCopy("product", products);
    }

    @Override
    public boolean test(RoutingInput input) {
      return products.contains(input.product());
    }

    @Override
    public String explain(RoutingInput input) {
      return "product " + input.product() + " in " + products;
    }
  }

  /**
   * The customer has one of the given tiers.
   *
   * @param tiers the accepted tiers, not empty
   */
  record TierIn(Set<CustomerTier> tiers) implements Condition {
    /** Validates and copies the set. */
    public TierIn {
      notEmpty("tier", tiers);
      tiers = java.util.Collections.unmodifiableSet(EnumSet.copyOf(tiers));
    }

    @Override
    public boolean test(RoutingInput input) {
      return tiers.contains(input.tier());
    }

    @Override
    public String explain(RoutingInput input) {
      return "customer tier " + input.tier() + " in " + tiers;
    }
  }

  /**
   * The warranty status is one of the given ones.
   *
   * @param statuses the accepted statuses, not empty
   */
  record WarrantyIn(Set<WarrantyStatus> statuses) implements Condition {
    /** Validates and copies the set. */
    public WarrantyIn {
      notEmpty("warranty", statuses);
      statuses = java.util.Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }

    @Override
    public boolean test(RoutingInput input) {
      return statuses.contains(input.warranty());
    }

    @Override
    public String explain(RoutingInput input) {
      return "warranty " + input.warranty() + " in " + statuses;
    }
  }

  /**
   * A free attribute has one of the given values; a missing attribute never matches.
   *
   * @param key the attribute name
   * @param values the accepted values, not empty
   */
  record AttributeIn(String key, Set<String> values) implements Condition {
    /** Validates and copies the set. */
    public AttributeIn {
      if (key == null || key.isBlank()) {
        throw new ValidationException("attribute key", key, "must not be blank");
      }
      values = sortedCopy("attribute " + key, values);
    }

    @Override
    public boolean test(RoutingInput input) {
      return input.attribute(key).map(values::contains).orElse(false);
    }

    @Override
    public String explain(RoutingInput input) {
      return "attribute " + key + "=" + input.attribute(key).orElse(null) + " in " + values;
    }
  }

  /**
   * A named predicate written in code, for what the other conditions cannot express. Two custom
   * conditions are equal when their names are; in JSON or YAML rules they are referenced by name.
   *
   * @param name the name shown in explanations
   * @param predicate the test
   */
  record Custom(String name, Predicate<RoutingInput> predicate) implements Condition {
    /** Validates the condition. */
    public Custom {
      if (name == null || name.isBlank()) {
        throw new ValidationException("predicate name", name, "must not be blank");
      }
      if (predicate == null) {
        throw new ValidationException("predicate " + name, null, "must not be null");
      }
    }

    @Override
    public boolean test(RoutingInput input) {
      return predicate.test(input);
    }

    @Override
    public String explain(RoutingInput input) {
      return "predicate " + name + " holds";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Custom c && c.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    @Override
    public String toString() {
      return "Custom[" + name + "]";
    }
  }

  private static void notEmpty(String field, Collection<?> values) {
    if (values == null || values.isEmpty()) {
      throw new ValidationException(field, values, "must name at least one value");
    }
    for (Object v : values) {
      if (v == null) {
        throw new ValidationException(field, values, "must not contain null");
      }
    }
  }

  /** An unmodifiable set iterating (and printing) in name order, with hash-based lookups. */
  private static <T> Set<T> byName(
      Collection<T> values, java.util.function.Function<T, String> name) {
    List<T> sorted = new java.util.ArrayList<>(values);
    sorted.sort(java.util.Comparator.comparing(name));
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(sorted));
  }

  private static <T extends Comparable<? super T>> Set<T> sortedCopy(
      String field, Collection<T> values) {
    notEmpty(field, values);
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }
}
