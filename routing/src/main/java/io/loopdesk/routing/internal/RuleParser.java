package io.loopdesk.routing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.routing.RuleAction;
import io.loopdesk.routing.RuleDefinitionException;
import io.loopdesk.routing.WarrantyStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads routing rules from a JSON or YAML tree, field by field, so that every error names its path.
 * Thread-safe.
 */
public final class RuleParser {
  private static final RuleParser JSON = new RuleParser(new ObjectMapper());
  private static final RuleParser YAML = new RuleParser(new ObjectMapper(new YAMLFactory()));
  private static final Set<String> TOP = Set.of("mode", "rules");
  private static final Set<String> RULE = Set.of("id", "description", "when", "then");
  private static final Set<String> WHEN =
      Set.of(
          "category",
          "priority",
          "channel",
          "product",
          "tier",
          "warranty",
          "attributes",
          "predicates");
  private static final Set<String> THEN =
      Set.of("assign", "setPriority", "raisePriority", "addTags", "requireSkills");

  private final ObjectMapper mapper;

  private RuleParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Returns the JSON parser. */
  public static RuleParser json() {
    return JSON;
  }

  /** Returns the YAML parser. */
  public static RuleParser yaml() {
    return YAML;
  }

  /**
   * Parses a definition.
   *
   * @param text the JSON or YAML text
   * @param predicates named predicates rules may reference
   * @return the validated rules
   */
  public RoutingRules parse(String text, Map<String, Predicate<RoutingInput>> predicates) {
    if (text == null || text.isBlank()) {
      throw new RuleDefinitionException("$", text, "the definition is empty");
    }
    if (predicates == null) {
      throw new RuleDefinitionException(
          "predicates", null, "must not be null; pass Map.of() if rules use none");
    }
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RuleDefinitionException(
          "$ (line " + e.getLocation().getLineNr() + ")",
          "is not well-formed: " + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new RuleDefinitionException(
          "$",
          text.length() > 40 ? text.substring(0, 40) + "..." : text,
          "must be an object with mode and rules");
    }
    onlyKnown("$", root, TOP);
    MatchMode mode = enumValue("mode", required("mode", root, "mode"), MatchMode.class);
    JsonNode rulesNode = required("rules", root, "rules");
    if (!rulesNode.isArray()) {
      throw new RuleDefinitionException("rules", rulesNode, "must be a list");
    }
    RoutingRules.Builder builder = RoutingRules.builder(mode);
    for (int i = 0; i < rulesNode.size(); i++) {
      builder.add(rule("rules[" + i + "]", rulesNode.get(i), predicates));
    }
    return builder.build();
  }

  private RoutingRule rule(
      String path, JsonNode node, Map<String, Predicate<RoutingInput>> predicates) {
    if (!node.isObject()) {
      throw new RuleDefinitionException(path, node, "must be an object with id, when and then");
    }
    onlyKnown(path, node, RULE);
    String id = text(path + ".id", required(path + ".id", node, "id"));
    try {
      RoutingRule.Builder b = RoutingRule.builder(id);
      if (node.has("description")) {
        b.description(text(path + ".description", node.get("description")));
      }
      if (node.has("when")) {
        when(path + ".when", node.get("when"), b, predicates);
      }
      then(path + ".then", required(path + ".then", node, "then"), b);
      return b.build();
    } catch (ValidationException e) {
      throw new RuleDefinitionException(path + " (" + e.field() + ")", e.value(), e.problem());
    }
  }

  private void when(
      String path,
      JsonNode when,
      RoutingRule.Builder b,
      Map<String, Predicate<RoutingInput>> predicates) {
    if (!when.isObject()) {
      throw new RuleDefinitionException(path, when, "must be an object of conditions");
    }
    onlyKnown(path, when, WHEN);
    if (when.has("category")) {
      b.category(
          list(path + ".category", when.get("category"), Category::of).toArray(Category[]::new));
    }
    if (when.has("priority")) {
      b.priority(
          list(path + ".priority", when.get("priority"), s -> Priority.valueOf(s))
              .toArray(Priority[]::new));
    }
    if (when.has("channel")) {
      b.channel(list(path + ".channel", when.get("channel"), Channel::of).toArray(Channel[]::new));
    }
    if (when.has("product")) {
      b.product(list(path + ".product", when.get("product"), s -> s).toArray(String[]::new));
    }
    if (when.has("tier")) {
      b.tier(
          list(path + ".tier", when.get("tier"), CustomerTier::valueOf)
              .toArray(CustomerTier[]::new));
    }
    if (when.has("warranty")) {
      b.warranty(
          list(path + ".warranty", when.get("warranty"), WarrantyStatus::valueOf)
              .toArray(WarrantyStatus[]::new));
    }
    if (when.has("attributes")) {
      JsonNode attrs = when.get("attributes");
      if (!attrs.isObject()) {
        throw new RuleDefinitionException(
            path + ".attributes", attrs, "must map attribute names to lists of values");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = path + ".attributes." + e.getKey();
        b.attribute(e.getKey(), list(p, e.getValue(), s -> s).toArray(String[]::new));
      }
    }
    if (when.has("predicates")) {
      for (String name : list(path + ".predicates", when.get("predicates"), s -> s)) {
        Predicate<RoutingInput> predicate = predicates.get(name);
        if (predicate == null) {
          throw new RuleDefinitionException(
              path + ".predicates",
              name,
              "is not a registered predicate; known: "
                  + new java.util.TreeSet<>(predicates.keySet()));
        }
        b.matching(name, predicate);
      }
    }
  }

  private void then(String path, JsonNode then, RoutingRule.Builder b) {
    if (!then.isObject() || then.isEmpty()) {
      throw new RuleDefinitionException(path, then, "must be an object with at least one action");
    }
    onlyKnown(path, then, THEN);
    if (then.has("assign")) {
      JsonNode a = then.get("assign");
      if (!a.isObject()) {
        throw new RuleDefinitionException(
            path + ".assign", a, "must be an object with department and queue");
      }
      onlyKnown(path + ".assign", a, Set.of("department", "queue"));
      String department =
          text(path + ".assign.department", required(path + ".assign.department", a, "department"));
      String queue = a.has("queue") ? text(path + ".assign.queue", a.get("queue")) : department;
      b.then(new RuleAction.AssignTo(department, queue));
    }
    if (then.has("setPriority")) {
      b.setPriority(enumValue(path + ".setPriority", then.get("setPriority"), Priority.class));
    }
    if (then.has("raisePriority")) {
      JsonNode r = then.get("raisePriority");
      if (!r.isInt()) {
        throw new RuleDefinitionException(
            path + ".raisePriority", r, "must be a whole number of steps, 1 to 3");
      }
      b.raisePriority(r.intValue());
    }
    if (then.has("addTags")) {
      b.tag(list(path + ".addTags", then.get("addTags"), s -> s).toArray(String[]::new));
    }
    if (then.has("requireSkills")) {
      JsonNode s = then.get("requireSkills");
      if (!s.isObject() || s.isEmpty()) {
        throw new RuleDefinitionException(
            path + ".requireSkills", s, "must map skill names to minimum levels");
      }
      Map<String, Integer> levels = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isInt()) {
          throw new RuleDefinitionException(
              path + ".requireSkills." + e.getKey(), e.getValue(), "must be a whole number");
        }
        levels.put(e.getKey(), e.getValue().intValue());
      }
      b.then(new RuleAction.RequireSkills(levels));
    }
  }

  private static JsonNode required(String path, JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new RuleDefinitionException(path, null, "is required");
    }
    return v;
  }

  private static void onlyKnown(String path, JsonNode node, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new RuleDefinitionException(
            path + "." + name,
            name,
            "is not a known key; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  private static String text(String path, JsonNode node) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new RuleDefinitionException(path, node, "must be non-blank text");
    }
    return node.asText();
  }

  private static <E extends Enum<E>> E enumValue(String path, JsonNode node, Class<E> type) {
    String s = text(path, node);
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw new RuleDefinitionException(
          path, s, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static <T> List<T> list(String path, JsonNode node, Function<String, T> convert) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    if (items.isEmpty()) {
      throw new RuleDefinitionException(path, "[]", "must name at least one value");
    }
    Set<T> out = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String s = text(path + "[" + i + "]", items.get(i));
      try {
        out.add(convert.apply(s));
      } catch (IllegalArgumentException | LoopdeskException e) {
        throw new RuleDefinitionException(
            path + "[" + i + "]", s, "is not a valid value: " + e.getMessage());
      }
    }
    return new ArrayList<>(out);
  }
}
