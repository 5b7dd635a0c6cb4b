package io.loopdesk.spring.boot;

import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.routing.WarrantyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One routing rule under {@code loopdesk.routing.rules[n]}, in the format of {@code
 * io.loopdesk.routing.RoutingRules}: {@code id}, {@code description}, {@code when} (conditions) and
 * {@code then} (actions). The configuration metadata names this type so that IDEs complete a rule's
 * keys and enum values; the starter itself reads the rules through {@link
 * DeskDefinitionProperties}, and {@link #toMap()} gives what it reads. A rule may name predicates
 * ({@code when.predicates}): each is a bean of type {@code Predicate<RoutingInput>}, named by its
 * bean name. Mutable, as Spring's binder needs; not thread-safe.
 */
public class RoutingRuleProperties {

  /** The rule's unique id, e.g. faults-to-engineers. */
  private String id;

  /** What the rule is for, shown in routing explanations. */
  private String description;

  /** The conditions, all of which must hold; none means the rule always matches. */
  private When when = new When();

  /** What the rule does when it fires. */
  private Then then = new Then();

  /** Creates an empty rule. */
  public RoutingRuleProperties() {}

  /** Returns the rule's id. */
  public String getId() {
    return id;
  }

  /** Sets the rule's id. */
  public void setId(String id) {
    this.id = id;
  }

  /** Returns the description. */
  public String getDescription() {
    return description;
  }

  /** Sets the description. */
  public void setDescription(String description) {
    this.description = description;
  }

  /** Returns the conditions. */
  public When getWhen() {
    return when;
  }

  /** Sets the conditions. */
  public void setWhen(When when) {
    this.when = when;
  }

  /** Returns the actions. */
  public Then getThen() {
    return then;
  }

  /** Sets the actions. */
  public void setThen(Then then) {
    this.then = then;
  }

  /**
   * Returns the rule in {@code DeskDefinition.fromMap}'s format, without the keys left unset.
   *
   * @return the rule as nested maps and lists
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    putIfSet(map, "id", id);
    putIfSet(map, "description", description);
    if (when != null && !when.toMap().isEmpty()) {
      map.put("when", when.toMap());
    }
    map.put("then", then == null ? Map.of() : then.toMap());
    return map;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    boolean empty =
        value == null
            || value instanceof List<?> list && list.isEmpty()
            || value instanceof Map<?, ?> m && m.isEmpty();
    if (!empty) {
      map.put(key, value);
    }
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    List<String> names = new ArrayList<>();
    values.forEach(v -> names.add(v.name()));
    return names;
  }

  /** A rule's conditions ({@code when}); each list matches any of its values. */
  public static class When {
    /** Ticket categories, e.g. PRODUCT_FAULT, COMPLAINT. */
    private List<String> category = new ArrayList<>();

    /** Ticket priorities. */
    private List<Priority> priority = new ArrayList<>();

    /** Channels the ticket came in by, e.g. PHONE. */
    private List<String> channel = new ArrayList<>();

    /** Products, as the ticket names them. */
    private List<String> product = new ArrayList<>();

    /** Customer tiers. */
    private List<CustomerTier> tier = new ArrayList<>();

    /** Warranty states. */
    private List<WarrantyStatus> warranty = new ArrayList<>();

    /** Input attributes: attribute name to the values that match. */
    private Map<String, List<String>> attributes = new LinkedHashMap<>();

    /** Names of Predicate&lt;RoutingInput&gt; beans that must all accept the input. */
    private List<String> predicates = new ArrayList<>();

    /** Creates empty conditions. */
    public When() {}

    /** Returns the categories. */
    public List<String> getCategory() {
      return category;
    }

    /** Sets the categories. */
    public void setCategory(List<String> category) {
      this.category = category;
    }

    /** Returns the priorities. */
    public List<Priority> getPriority() {
      return priority;
    }

    /** Sets the priorities. */
    public void setPriority(List<Priority> priority) {
      this.priority = priority;
    }

    /** Returns the channels. */
    public List<String> getChannel() {
      return channel;
    }

    /** Sets the channels. */
    public void setChannel(List<String> channel) {
      this.channel = channel;
    }

    /** Returns the products. */
    public List<String> getProduct() {
      return product;
    }

    /** Sets the products. */
    public void setProduct(List<String> product) {
      this.product = product;
    }

    /** Returns the customer tiers. */
    public List<CustomerTier> getTier() {
      return tier;
    }

    /** Sets the customer tiers. */
    public void setTier(List<CustomerTier> tier) {
      this.tier = tier;
    }

    /** Returns the warranty states. */
    public List<WarrantyStatus> getWarranty() {
      return warranty;
    }

    /** Sets the warranty states. */
    public void setWarranty(List<WarrantyStatus> warranty) {
      this.warranty = warranty;
    }

    /** Returns the attribute conditions. */
    public Map<String, List<String>> getAttributes() {
      return attributes;
    }

    /** Sets the attribute conditions. */
    public void setAttributes(Map<String, List<String>> attributes) {
      this.attributes = attributes;
    }

    /** Returns the predicate bean names. */
    public List<String> getPredicates() {
      return predicates;
    }

    /** Sets the predicate bean names. */
    public void setPredicates(List<String> predicates) {
      this.predicates = predicates;
    }

    /** Returns the conditions that are set, in {@code DeskDefinition.fromMap}'s format. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      putIfSet(map, "category", category);
      putIfSet(map, "priority", priority == null ? null : names(priority));
      putIfSet(map, "channel", channel);
      putIfSet(map, "product", product);
      putIfSet(map, "tier", tier == null ? null : names(tier));
      putIfSet(map, "warranty", warranty == null ? null : names(warranty));
      putIfSet(map, "attributes", attributes);
      putIfSet(map, "predicates", predicates);
      return map;
    }
  }

  /** A rule's actions ({@code then}). */
  public static class Then {
    /** Where matching tickets go. */
    private Assign assign;

    /** Sets the priority to this value. */
    private Priority setPriority;

    /** Raises the priority by this many steps. */
    private Integer raisePriority;

    /** Tags added to the ticket. */
    private List<String> addTags = new ArrayList<>();

    /** Skills an agent needs: skill name to minimum level. */
    private Map<String, Integer> requireSkills = new LinkedHashMap<>();

    /** Creates empty actions. */
    public Then() {}

    /** Returns the assignment. */
    public Assign getAssign() {
      return assign;
    }

    /** Sets the assignment. */
    public void setAssign(Assign assign) {
      this.assign = assign;
    }

    /** Returns the priority set. */
    public Priority getSetPriority() {
      return setPriority;
    }

    /** Sets the priority set. */
    public void setSetPriority(Priority setPriority) {
      this.setPriority = setPriority;
    }

    /** Returns by how many steps the priority is raised. */
    public Integer getRaisePriority() {
      return raisePriority;
    }

    /** Sets by how many steps the priority is raised. */
    public void setRaisePriority(Integer raisePriority) {
      this.raisePriority = raisePriority;
    }

    /** Returns the tags added. */
    public List<String> getAddTags() {
      return addTags;
    }

    /** Sets the tags added. */
    public void setAddTags(List<String> addTags) {
      this.addTags = addTags;
    }

    /** Returns the skills required. */
    public Map<String, Integer> getRequireSkills() {
      return requireSkills;
    }

    /** Sets the skills required. */
    public void setRequireSkills(Map<String, Integer> requireSkills) {
      this.requireSkills = requireSkills;
    }

    /** Returns the actions that are set, in {@code DeskDefinition.fromMap}'s format. */
    public Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      if (assign != null) {
        Map<String, Object> target = new LinkedHashMap<>();
        putIfSet(target, "department", assign.getDepartment());
        putIfSet(target, "queue", assign.getQueue());
        map.put("assign", target);
      }
      putIfSet(map, "setPriority", setPriority == null ? null : setPriority.name());
      putIfSet(map, "raisePriority", raisePriority);
      putIfSet(map, "addTags", addTags);
      putIfSet(map, "requireSkills", requireSkills);
      return map;
    }
  }

  /** Where a rule assigns tickets ({@code then.assign}). */
  public static class Assign {
    /** The department, e.g. technical-support. */
    private String department;

    /** The queue within the department, e.g. engineers. */
    private String queue;

    /** Creates an empty assignment. */
    public Assign() {}

    /** Returns the department. */
    public String getDepartment() {
      return department;
    }

    /** Sets the department. */
    public void setDepartment(String department) {
      this.department = department;
    }

    /** Returns the queue. */
    public String getQueue() {
      return queue;
    }

    /** Sets the queue. */
    public void setQueue(String queue) {
      this.queue = queue;
    }
  }
}
