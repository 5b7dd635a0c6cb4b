package io.loopdesk.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.internal.PolicyTrees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses a ticket's SLA policy by contract, customer, tier, channel or product. Immutable and
 * thread-safe.
 *
 * <p><b>Precedence.</b> The rules are tried in the order they were added (in YAML: listed); the
 * first rule that {@link ContractRule#matches matches} chooses the policy, and when none matches
 * the {@linkplain #defaultPolicyName() default policy} applies. So a host writes the most specific
 * rules first, e.g. an enterprise contract before the VIP tier before a channel. The selection is
 * recorded with its reason ({@link PolicySelection}).
 *
 * <p>All policies share the default policy's warning thresholds (a ticket keeps the warnings it got
 * when its policy changes); their targets, OLAs and pausing statuses may differ.
 *
 * <p>{@link #single(SlaPolicy)} is one policy for every ticket (what {@link SlaTracker#builder}
 * uses; {@link SlaTracker#forContracts} takes contracts).
 *
 * <pre>{@code
 * default: standard
 * policies:
 *   standard: { base: defaults }
 *   vip:
 *     base: defaults
 *     targets:
 *       - { metric: RESOLUTION, priority: P2, duration: PT24H, calendar: default }
 * rules:
 *   - { name: enterprise-contract, contracts: [ENTERPRISE], policy: vip }
 *   - { name: vip-customers, tiers: [VIP], policy: vip }
 *   - { name: hotline-router, channels: [PHONE], products: [router X1], policy: vip }
 * }</pre>
 *
 * Each policy is written as for {@link SlaPolicies}; every error is an {@link SlaPolicyException}
 * naming the path.
 */
public final class SlaContracts {

  /** The name of the only policy of {@link #single(SlaPolicy)}. */
  public static final String SINGLE_POLICY = "policy";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> ROOT_FIELDS = Set.of("default", "policies", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("name", "contracts", "customers", "tiers", "channels", "products", "policy");

  private final Map<String, SlaPolicy> policies;
  private final String defaultPolicyName;
  private final List<ContractRule> rules;

  /** The selection each rule makes, same index as {@link #rules}, built once. */
  private final List<PolicySelection> selections;

  private final PolicySelection defaultSelection;

  private SlaContracts(Builder builder) {
    this.policies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.policies));
    this.defaultPolicyName = builder.defaultPolicyName;
    this.rules = List.copyOf(builder.rules);
    this.selections =
        rules.stream()
            .map(
                rule ->
                    new PolicySelection(
                        rule.policyName(),
                        rule.name(),
                        "rule '"
                            + rule.name()
                            + "' ("
                            + rule.describeConditions()
                            + ") chose policy '"
                            + rule.policyName()
                            + "'"))
            .toList();
    this.defaultSelection = PolicySelection.byDefault(defaultPolicyName);
  }

  /** One policy for every ticket, named {@link #SINGLE_POLICY}. */
  public static SlaContracts single(SlaPolicy policy) {
    if (policy == null) {
      throw new SlaPolicyException("policy", null, "an SLA policy is required");
    }
    return builder(SINGLE_POLICY, policy).build();
  }

  /** A builder whose default policy is {@code policy}, named {@code name}. */
  public static Builder builder(String name, SlaPolicy policy) {
    return new Builder(name, policy);
  }

  /**
   * The policy for a subject, with the rule that chose it and why.
   *
   * @throws SlaPolicyException when the subject is null
   */
  public PolicySelection select(SlaSubject subject) {
    if (subject == null) {
      throw new SlaPolicyException(
          "subject", null, "a subject is required (SlaSubject.UNKNOWN when nothing is known)");
    }
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).matches(subject)) {
        return selections.get(i);
      }
    }
    return defaultSelection;
  }

  /** The policy named {@code name}; throws {@link SlaPolicyException} when there is none. */
  public SlaPolicy policy(String name) {
    SlaPolicy policy = policies.get(name);
    if (policy == null) {
      throw new SlaPolicyException("policy", name, "no such policy; known: " + policies.keySet());
    }
    return policy;
  }

  /** The policies by name, in the order they were added. */
  public Map<String, SlaPolicy> policies() {
    return policies;
  }

  /** The rules, in precedence order (first match wins). */
  public List<ContractRule> rules() {
    return rules;
  }

  /** The name of the policy that applies when no rule matches. */
  public String defaultPolicyName() {
    return defaultPolicyName;
  }

  /**
   * These contracts with every policy's default-calendar targets moved to the registry's default
   * calendar.
   */
  SlaContracts onDefaultCalendarOf(CalendarRegistry calendars) {
    return map(policy -> policy.onDefaultCalendarOf(calendars));
  }

  private SlaContracts map(Function<SlaPolicy, SlaPolicy> change) {
    Builder builder = new Builder(defaultPolicyName, change.apply(policies.get(defaultPolicyName)));
    policies.forEach((name, policy) -> builder.policies.put(name, change.apply(policy)));
    builder.rules.addAll(rules);
    return builder.build();
  }

  @Override
  public String toString() {
    return "SlaContracts[default="
        + defaultPolicyName
        + ", policies="
        + policies.keySet()
        + ", rules="
        + rules.stream().map(ContractRule::name).toList()
        + "]";
  }

  /** Parses contracts from YAML (format in the class documentation). */
  public static SlaContracts fromYaml(String yaml) {
    return fromTree(PolicyTrees.read(YAML, yaml, "YAML"));
  }

  /** Parses contracts from JSON (same fields as the YAML form). */
  public static SlaContracts fromJson(String json) {
    return fromTree(PolicyTrees.read(JSON, json, "JSON"));
  }

  /** Builds contracts from a parsed JSON/YAML tree. */
  public static SlaContracts fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new SlaPolicyException("$", null, "expected an object");
    }
    PolicyTrees.checkFields(root, "$", ROOT_FIELDS);
    JsonNode policies = root.get("policies");
    if (policies == null || !policies.isObject() || policies.isEmpty()) {
      throw new SlaPolicyException(
          "policies", null, "expected a map of at least one policy by name");
    }
    Map<String, SlaPolicy> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : policies.properties()) {
      try {
        parsed.put(field.getKey(), SlaPolicies.fromTree(field.getValue()));
      } catch (SlaPolicyException e) {
        SlaPolicyException error =
            new SlaPolicyException(
                "policies." + field.getKey() + "." + e.field(), e.value(), e.getMessage());
        error.initCause(e);
        throw error;
      }
    }
    String defaultName = PolicyTrees.text(root.get("default"), "default");
    if (!parsed.containsKey(defaultName)) {
      throw new SlaPolicyException(
          "default", defaultName, "no such policy; known: " + parsed.keySet());
    }
    Builder builder = builder(defaultName, parsed.get(defaultName));
    parsed.forEach(builder::policy);
    JsonNode rules = root.get("rules");
    if (rules != null) {
      if (!rules.isArray()) {
        throw new SlaPolicyException("rules", null, "expected a list");
      }
      for (int i = 0; i < rules.size(); i++) {
        String path = "rules[" + i + "]";
        try {
          ContractRule rule = rule(rules.get(i), path);
          if (!parsed.containsKey(rule.policyName())) {
            throw new SlaPolicyException(
                path + ".policy", rule.policyName(), "no such policy; known: " + parsed.keySet());
          }
          builder.rule(rule);
        } catch (SlaPolicyException e) {
          throw e.field().startsWith(path)
              ? e
              : new SlaPolicyException(path + "." + e.field(), e.value(), e.getMessage());
        }
      }
    }
    return builder.build();
  }

  private static ContractRule rule(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new SlaPolicyException(path, null, "expected an object");
    }
    PolicyTrees.checkFields(node, path, RULE_FIELDS);
    Set<CustomerTier> tiers = new HashSet<>();
    for (String tier : texts(node, "tiers", path)) {
      try {
        tiers.add(CustomerTier.valueOf(tier.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new SlaPolicyException(
            path + ".tiers",
            tier,
            "expected one of " + java.util.Arrays.toString(CustomerTier.values()));
      }
    }
    Set<Channel> channels = new HashSet<>();
    for (String channel : texts(node, "channels", path)) {
      try {
        channels.add(Channel.of(channel));
      } catch (RuntimeException e) {
        throw new SlaPolicyException(
            path + ".channels", channel, "expected a channel code such as PHONE");
      }
    }
    return new ContractRule(
        PolicyTrees.text(node.get("name"), path + ".name"),
        new HashSet<>(texts(node, "contracts", path)),
        new HashSet<>(texts(node, "customers", path)),
        tiers,
        channels,
        new HashSet<>(texts(node, "products", path)),
        PolicyTrees.text(node.get("policy"), path + ".policy"));
  }

  private static List<String> texts(JsonNode node, String field, String path) {
    JsonNode list = node.get(field);
    List<String> values = new ArrayList<>();
    if (list == null) {
      return values;
    }
    if (!list.isArray()) {
      throw new SlaPolicyException(path + "." + field, null, "expected a list");
    }
    for (int i = 0; i < list.size(); i++) {
      values.add(PolicyTrees.text(list.get(i), path + "." + field + "[" + i + "]"));
    }
    return values;
  }

  /** Builds {@link SlaContracts}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SlaPolicy> policies = new LinkedHashMap<>();
    private final String defaultPolicyName;
    private final List<ContractRule> rules = new ArrayList<>();

    private Builder(String name, SlaPolicy policy) {
      this.defaultPolicyName = name;
      policy(name, policy);
    }

    /**
     * Adds (or replaces) a named policy.
     *
     * @throws SlaPolicyException when the name is blank or longer than 200 characters, or the
     *     policy is null
     */
    public Builder policy(String name, SlaPolicy policy) {
      if (name == null || name.isBlank() || name.length() > 200) {
        throw new SlaPolicyException(
            "policyName", name, "a policy name of 1 to 200 characters is required");
      }
      if (policy == null) {
        throw new SlaPolicyException("policy", name, "the policy is null");
      }
      policies.put(name, policy);
      return this;
    }

    /**
     * Adds a rule after the ones added before (so it takes precedence only over rules added later).
     *
     * @throws SlaPolicyException when the rule is null or another rule has its name
     */
    public Builder rule(ContractRule rule) {
      if (rule == null) {
        throw new SlaPolicyException("rule", null, "the rule is null");
      }
      if (rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
        throw new SlaPolicyException("rule.name", rule.name(), "two rules have this name");
      }
      rules.add(rule);
      return this;
    }

    /**
     * Builds the contracts.
     *
     * @throws SlaPolicyException when a rule names a policy that was not added, or the policies'
     *     warning thresholds differ (a ticket keeps its warning levels when its policy changes)
     */
    public SlaContracts build() {
      List<Double> thresholds = policies.get(defaultPolicyName).warningThresholds();
      policies.forEach(
          (name, policy) -> {
            if (!policy.warningThresholds().equals(thresholds)) {
              throw new SlaPolicyException(
                  "policies." + name + ".warningThresholds",
                  policy.warningThresholds(),
                  "every policy needs the default policy's warning thresholds " + thresholds);
            }
          });
      for (ContractRule rule : rules) {
        if (!policies.containsKey(rule.policyName())) {
          throw new SlaPolicyException(
              "rules." + rule.name() + ".policy",
              rule.policyName(),
              "no such policy; known: " + policies.keySet());
        }
      }
      return new SlaContracts(this);
    }
  }
}
