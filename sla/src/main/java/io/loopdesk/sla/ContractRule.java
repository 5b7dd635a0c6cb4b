package io.loopdesk.sla;

import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One rule of {@link SlaContracts}: which tickets it matches and the policy it chooses for them. A
 * rule matches when every condition it has holds (a condition lists allowed values; a subject
 * matches it when its value is one of them); a rule without conditions matches every ticket.
 * Immutable.
 *
 * @param name the rule's name, recorded with the selection; unique within its {@link SlaContracts}
 * @param contracts allowed contract names, empty for any
 * @param customerIds allowed customer ids, empty for any
 * @param tiers allowed customer tiers, empty for any
 * @param channels allowed channels, empty for any
 * @param products allowed products, empty for any
 * @param policyName the policy chosen, by its name in the {@link SlaContracts}
 */
public record ContractRule(
    String name,
    Set<String> contracts,
    Set<String> customerIds,
    Set<CustomerTier> tiers,
    Set<Channel> channels,
    Set<String> products,
    String policyName) {

  /** Validates and copies the rule. */
  public ContractRule {
    requireName("name", name);
    requireName("policyName", policyName);
    contracts = copy("contracts", contracts);
    customerIds = copy("customerIds", customerIds);
    tiers = copy("tiers", tiers);
    channels = copy("channels", channels);
    products = copy("products", products);
  }

  /** A builder for a rule named {@code name} choosing {@code policyName}. */
  public static Builder builder(String name, String policyName) {
    return new Builder(name, policyName);
  }

  /** Whether the rule matches the subject. */
  public boolean matches(SlaSubject subject) {
    return allows(contracts, subject.contract())
        && allows(customerIds, subject.customerId())
        && allows(tiers, subject.tier())
        && allows(channels, subject.channel())
        && allows(products, subject.product());
  }

  /**
   * The conditions in words, e.g. {@code tier VIP, channel PHONE}; {@code any ticket} without
   * conditions.
   */
  public String describeConditions() {
    List<String> parts = new ArrayList<>();
    describe(parts, "contract", contracts);
    describe(parts, "customer", customerIds);
    describe(parts, "tier", tiers);
    describe(parts, "channel", channels.stream().map(Channel::name).toList());
    describe(parts, "product", products);
    return parts.isEmpty() ? "any ticket" : String.join(", ", parts);
  }

  private static void describe(List<String> parts, String label, java.util.Collection<?> values) {
    if (!values.isEmpty()) {
      parts.add(
          label
              + " "
              + values.stream()
                  .map(String::valueOf)
                  .sorted()
                  .reduce((a, b) -> a + "|" + b)
                  .orElseThrow());
    }
  }

  private static <T> boolean allows(Set<T> allowed, T value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }

  private static void requireName(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new SlaPolicyException(field, value, "a name of 1 to 200 characters is required");
    }
  }

  private static <T> Set<T> copy(String field, Set<T> values) {
    if (values == null) {
      return Set.of();
    }
    if (values.stream().anyMatch(java.util.Objects::isNull)) {
      throw new SlaPolicyException(field, null, "must not contain null");
    }
    return Set.copyOf(values);
  }

  /** Builds a {@link ContractRule}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String policyName;
    private Set<String> contracts = Set.of();
    private Set<String> customerIds = Set.of();
    private Set<CustomerTier> tiers = Set.of();
    private Set<Channel> channels = Set.of();
    private Set<String> products = Set.of();

    private Builder(String name, String policyName) {
      this.name = name;
      this.policyName = policyName;
    }

    /** Matches customers with one of these contracts. */
    public Builder contracts(String... values) {
      this.contracts = set("contracts", values);
      return this;
    }

    /** Matches these customers. */
    public Builder customers(String... values) {
      this.customerIds = set("customerIds", values);
      return this;
    }

    /** Matches customers of one of these tiers. */
    public Builder tiers(CustomerTier... values) {
      this.tiers = set("tiers", values);
      return this;
    }

    /** Matches tickets from one of these channels. */
    public Builder channels(Channel... values) {
      this.channels = set("channels", values);
      return this;
    }

    /** Matches tickets about one of these products. */
    public Builder products(String... values) {
      this.products = set("products", values);
      return this;
    }

    @SafeVarargs
    private static <T> Set<T> set(String field, T... values) {
      if (values == null) {
        throw new SlaPolicyException(field, null, "must not be null");
      }
      return new java.util.HashSet<>(java.util.Arrays.asList(values));
    }

    /** Builds the rule. */
    public ContractRule build() {
      return new ContractRule(name, contracts, customerIds, tiers, channels, products, policyName);
    }
  }
}
