package io.loopdesk.desk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.MatrixPriorityModel;
import io.loopdesk.core.PriorityOverride;
import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.DeskDefinitionException;
import io.loopdesk.routing.EscalationChain;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.routing.RuleDefinitionException;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.SlaPolicies;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaPolicyException;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarDefinitionException;
import io.loopdesk.sla.calendar.CalendarDefinitions;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a {@link DeskDefinition} tree section by section, delegating calendars, SLA policies and
 * routing rules to their modules' loaders and prefixing their field paths with the section's path.
 * Thread-safe.
 */
public final class DefinitionParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CALENDAR =
      Set.of("zone", "weekly", "holidays", "beyondCoverage", "overrides");
  private static final Set<String> LIFECYCLE =
      Set.of("closing", "afterCallback", "auditedExits", "transitions", "remove");
  private static final Set<String> TRANSITION = Set.of("from", "action", "to");
  private static final Set<String> REMOVAL = Set.of("from", "action");
  private static final Set<String> CLOSED_LOOP =
      Set.of("minimumRating", "maxUnreachedAttempts", "unreachable");
  private static final Set<String> PRIORITY = Set.of("cells", "overrides", "complaintLookBack");
  private static final Set<String> CELL = Set.of("impact", "urgency", "severity", "priority");
  private static final List<String> STANDARD_OVERRIDES =
      List.of("vip", "repeated-complaint", "reopened");
  private static final Set<String> ESCALATION =
      Set.of("policy", "chains", "teamLead", "supervisor");
  private static final Set<String> CHAIN = Set.of("teamLead", "supervisor", "operationsManager");
  private static final Set<String> SUPERVISOR = Set.of("id", "department");
  private static final Set<String> ACCESS = Set.of("administrator", "users");
  private static final Set<String> USER = Set.of("role", "queues", "team");

  private DefinitionParser() {}

  /**
   * The parts a definition sets; null means "keep the builder's default".
   *
   * @param calendars the calendars in document order
   * @param defaultCalendar the default calendar's name
   * @param lifecycle the changed lifecycle
   * @param closedLoop the closed-loop policy
   * @param priorityModel the changed priority model
   * @param slaPolicy the SLA policy
   * @param escalationPolicy the escalation policy
   * @param chains escalation chains by department ({@code default} for the default chain)
   * @param teamLead the single team lead, without chains
   * @param supervisor the single supervisor, without chains
   * @param routingRules the routing rules
   * @param administrator the first administrator
   * @param users the users by id
   */
  public record Parts(
      List<BusinessCalendar> calendars,
      String defaultCalendar,
      Lifecycle lifecycle,
      ClosedLoopPolicy closedLoop,
      MatrixPriorityModel priorityModel,
      SlaPolicy slaPolicy,
      EscalationPolicy escalationPolicy,
      Map<String, EscalationChain> chains,
      String teamLead,
      Assignment supervisor,
      RoutingRules routingRules,
      String administrator,
      Map<String, DeskDefinition.User> users) {}

  /**
   * The parsed parts and the canonical tree.
   *
   * @param parts the parts
   * @param canonical the canonical tree, written by {@link DeskDefinition#toYaml()}
   */
  public record Result(Parts parts, ObjectNode canonical) {}

  /**
   * Parses a definition.
   *
   * @param root the root object
   * @param predicates named predicates for routing rules
   * @return the parts and the canonical tree
   */
  public static Result parse(ObjectNode root, Map<String, Predicate<RoutingInput>> predicates) {
    onlyKnown("$", root, DeskDefinition.SECTIONS, true);
    ObjectNode canonical = root.deepCopy();
    List<BusinessCalendar> calendars = new ArrayList<>();
    JsonNode calendarsNode = root.get("calendars");
    if (present(calendarsNode)) {
      object("calendars", calendarsNode);
      ObjectNode canonicalCalendars = canonical.putObject("calendars");
      for (Map.Entry<String, JsonNode> entry : calendarsNode.properties()) {
        BusinessCalendar calendar =
            calendar("calendars." + entry.getKey(), entry.getKey(), entry.getValue());
        calendars.add(calendar);
        canonicalCalendars.set(entry.getKey(), canonicalCalendar(calendar));
      }
    }
    String defaultCalendar = optionalText("defaultCalendar", root.get("defaultCalendar"));
    if (defaultCalendar != null
        && calendars.stream().noneMatch(c -> c.name().equals(defaultCalendar))) {
      throw new DeskDefinitionException(
          "defaultCalendar", "names no calendar defined under calendars");
    }
    Lifecycle lifecycle =
        present(root.get("lifecycle")) ? lifecycle("lifecycle", root.get("lifecycle")) : null;
    ClosedLoopPolicy closedLoop =
        present(root.get("closedLoop")) ? closedLoop("closedLoop", root.get("closedLoop")) : null;
    MatrixPriorityModel priority =
        present(root.get("priority")) ? priority("priority", root.get("priority")) : null;
    SlaPolicy sla = null;
    if (present(root.get("sla"))) {
      try {
        sla = SlaPolicies.fromTree(root.get("sla"));
      } catch (SlaPolicyException e) {
        throw rethrow("sla", e.field(), e);
      }
    }
    if (sla != null && !calendars.isEmpty()) {
      checkCalendarsOf(sla, root.get("sla"), calendars, defaultCalendar);
    }
    Escalation escalation =
        present(root.get("escalation"))
            ? escalation("escalation", root.get("escalation"))
            : new Escalation(null, Map.of(), null, null);
    RoutingRules routing =
        present(root.get("routing")) ? routing("routing", root.get("routing"), predicates) : null;
    String administrator = null;
    Map<String, DeskDefinition.User> users = new LinkedHashMap<>();
    JsonNode access = root.get("access");
    if (present(access)) {
      onlyKnown("access", access, ACCESS, false);
      administrator = optionalText("access.administrator", access.get("administrator"));
      JsonNode usersNode = access.get("users");
      if (present(usersNode)) {
        object("access.users", usersNode);
        for (Map.Entry<String, JsonNode> entry : usersNode.properties()) {
          users.put(entry.getKey(), user("access.users." + entry.getKey(), entry.getValue()));
        }
      }
    }
    Parts parts =
        new Parts(
            List.copyOf(calendars),
            defaultCalendar,
            lifecycle,
            closedLoop,
            priority,
            sla,
            escalation.policy(),
            escalation.chains(),
            escalation.teamLead(),
            escalation.supervisor(),
            routing,
            administrator,
            Map.copyOf(users));
    return new Result(parts, canonical);
  }

  /** With calendars defined here, every SLA target must name one of them (or a built-in one). */
  private static void checkCalendarsOf(
      SlaPolicy sla, JsonNode slaNode, List<BusinessCalendar> calendars, String defaultCalendar) {
    CalendarRegistry.Builder registry = CalendarRegistry.builder();
    calendars.forEach(registry::add);
    if (defaultCalendar != null) {
      registry.defaultCalendar(defaultCalendar);
    }
    try {
      SlaTracker.builder(sla, registry.build()).build();
    } catch (SlaPolicyException e) {
      JsonNode targets = slaNode.get("targets");
      String name = e.value() == null ? "default" : e.value();
      for (int i = 0; targets != null && i < targets.size(); i++) {
        JsonNode calendar = targets.get(i).get("calendar");
        if (name.equals(calendar == null ? "default" : calendar.asText())) {
          throw new DeskDefinitionException("sla.targets[" + i + "].calendar", e.getMessage(), e);
        }
      }
      throw rethrow("sla", e.field(), e);
    }
  }

  private record Escalation(
      EscalationPolicy policy,
      Map<String, EscalationChain> chains,
      String teamLead,
      Assignment supervisor) {}

  private static BusinessCalendar calendar(String path, String name, JsonNode node) {
    onlyKnown(path, node, CALENDAR, false);
    ObjectNode definition = ((ObjectNode) node).deepCopy();
    definition.put("name", name);
    JsonNode holidays = definition.remove("holidays");
    if (present(holidays)) {
      String region = text(path + ".holidays", holidays).trim().toLowerCase(Locale.ROOT);
      switch (region) {
        case "china", "cn" -> definition.put("publicHolidays", "CN");
        case "none" -> {}
        default ->
            throw new DeskDefinitionException(
                path + ".holidays",
                "expected china or none (load other holiday data with PublicHolidays.load in code)");
      }
    }
    try {
      return CalendarDefinitions.fromTree(definition);
    } catch (CalendarDefinitionException e) {
      String field = e.field();
      if ("$.publicHolidays".equals(field)) {
        field = "$.holidays";
      }
      throw rethrow(path, field, e);
    }
  }

  private static ObjectNode canonicalCalendar(BusinessCalendar calendar) {
    ObjectNode node;
    try {
      node = (ObjectNode) JSON.readTree(CalendarDefinitions.toJson(calendar));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the calendar writer produced unreadable JSON", e);
    }
    node.remove("name");
    JsonNode region = node.remove("publicHolidays");
    if (region != null && "CN".equals(region.asText())) {
      ObjectNode ordered = JSON.createObjectNode();
      node.properties()
          .forEach(
              e -> {
                ordered.set(e.getKey(), e.getValue());
                if (e.getKey().equals("weekly")) {
                  ordered.put("holidays", "china");
                }
              });
      return ordered;
    }
    return node;
  }

  private static Lifecycle lifecycle(String path, JsonNode node) {
    onlyKnown(path, node, LIFECYCLE, false);
    Lifecycle.Builder builder = Lifecycle.standard().toBuilder();
    try {
      for (String status : texts(path + ".closing", node.get("closing"))) {
        builder.closing(TicketStatus.of(status));
      }
      for (String status : texts(path + ".afterCallback", node.get("afterCallback"))) {
        builder.afterCallback(TicketStatus.of(status));
      }
      for (String status : texts(path + ".auditedExits", node.get("auditedExits"))) {
        builder.auditedExit(TicketStatus.of(status));
      }
    } catch (ValidationException e) {
      throw rethrow(path, e.field(), e);
    }
    JsonNode transitions = node.get("transitions");
    if (present(transitions)) {
      array(path + ".transitions", transitions);
      for (int i = 0; i < transitions.size(); i++) {
        String at = path + ".transitions[" + i + "]";
        JsonNode t = transitions.get(i);
        onlyKnown(at, t, TRANSITION, false);
        try {
          builder.transition(
              TicketStatus.of(text(at + ".from", t.get("from"))),
              TicketAction.of(text(at + ".action", t.get("action"))),
              TicketStatus.of(text(at + ".to", t.get("to"))));
        } catch (ValidationException e) {
          throw rethrow(at, e.field(), e);
        }
      }
    }
    JsonNode removals = node.get("remove");
    if (present(removals)) {
      array(path + ".remove", removals);
      for (int i = 0; i < removals.size(); i++) {
        String at = path + ".remove[" + i + "]";
        JsonNode r = removals.get(i);
        onlyKnown(at, r, REMOVAL, false);
        try {
          builder.removeTransition(
              TicketStatus.of(text(at + ".from", r.get("from"))),
              TicketAction.of(text(at + ".action", r.get("action"))));
        } catch (ValidationException e) {
          throw rethrow(at, e.field(), e);
        }
      }
    }
    try {
      return builder.build();
    } catch (LoopdeskException e) {
      throw new DeskDefinitionException(path, e.getMessage(), e);
    }
  }

  private static ClosedLoopPolicy closedLoop(String path, JsonNode node) {
    onlyKnown(path, node, CLOSED_LOOP, false);
    ClosedLoopPolicy d = ClosedLoopPolicy.standard();
    int rating =
        present(node.get("minimumRating"))
            ? integer(path + ".minimumRating", node.get("minimumRating"))
            : d.minimumRating();
    int attempts =
        present(node.get("maxUnreachedAttempts"))
            ? integer(path + ".maxUnreachedAttempts", node.get("maxUnreachedAttempts"))
            : d.maxUnreachedAttempts();
    ClosedLoopPolicy.UnreachablePolicy unreachable =
        present(node.get("unreachable"))
            ? enumValue(
                path + ".unreachable",
                node.get("unreachable"),
                ClosedLoopPolicy.UnreachablePolicy.class)
            : d.unreachablePolicy();
    try {
      return new ClosedLoopPolicy(rating, attempts, unreachable);
    } catch (ValidationException e) {
      throw new DeskDefinitionException(e.field(), e.getMessage(), e);
    }
  }

  private static MatrixPriorityModel priority(String path, JsonNode node) {
    onlyKnown(path, node, PRIORITY, false);
    MatrixPriorityModel.Builder builder = MatrixPriorityModel.builder();
    JsonNode cells = node.get("cells");
    if (present(cells)) {
      array(path + ".cells", cells);
      for (int i = 0; i < cells.size(); i++) {
        String at = path + ".cells[" + i + "]";
        JsonNode cell = cells.get(i);
        onlyKnown(at, cell, CELL, false);
        builder.cell(
            enumValue(at + ".impact", required(at, cell, "impact"), Level.class),
            enumValue(at + ".urgency", required(at, cell, "urgency"), Level.class),
            enumValue(at + ".severity", required(at, cell, "severity"), Level.class),
            enumValue(at + ".priority", required(at, cell, "priority"), Priority.class));
      }
    }
    JsonNode overrides = node.get("overrides");
    if (overrides != null) {
      List<String> names = texts(path + ".overrides", overrides);
      builder.clearOverrides();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String at = path + ".overrides[" + i + "]";
        if (!seen.add(name)) {
          throw new DeskDefinitionException(at, "'" + name + "' is listed twice");
        }
        builder.override(
            name,
            switch (name) {
              case "vip" -> PriorityOverride.vipCustomer();
              case "repeated-complaint" -> PriorityOverride.repeatedComplaint(1);
              case "reopened" -> PriorityOverride.reopened();
              default ->
                  throw new DeskDefinitionException(
                      at,
                      "unknown override '"
                          + abbreviate(name)
                          + "'; expected one of "
                          + STANDARD_OVERRIDES
                          + " (write other rules in code)");
            });
      }
    }
    JsonNode lookBack = node.get("complaintLookBack");
    if (present(lookBack)) {
      builder.complaintLookBack(duration(path + ".complaintLookBack", lookBack));
    }
    return builder.build();
  }

  private static Escalation escalation(String path, JsonNode node) {
    onlyKnown(path, node, ESCALATION, false);
    EscalationPolicy policy = null;
    if (present(node.get("policy"))) {
      String name = text(path + ".policy", node.get("policy"));
      policy =
          switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "standard" -> EscalationPolicy.standard();
            case "none" -> EscalationPolicy.none();
            default ->
                throw new DeskDefinitionException(path + ".policy", "expected standard or none");
          };
    }
    Map<String, EscalationChain> chains = new LinkedHashMap<>();
    JsonNode chainsNode = node.get("chains");
    if (present(chainsNode)) {
      object(path + ".chains", chainsNode);
      for (Map.Entry<String, JsonNode> entry : chainsNode.properties()) {
        String at = path + ".chains." + entry.getKey();
        JsonNode chain = entry.getValue();
        onlyKnown(at, chain, CHAIN, false);
        try {
          chains.put(
              entry.getKey(),
              EscalationChain.standard(
                  entry.getKey(),
                  text(at + ".teamLead", required(at, chain, "teamLead")),
                  text(at + ".supervisor", required(at, chain, "supervisor")),
                  text(at + ".operationsManager", required(at, chain, "operationsManager"))));
        } catch (ValidationException e) {
          throw rethrow(at, e.field(), e);
        }
      }
      if (!chains.isEmpty() && !chains.containsKey("default")) {
        throw new DeskDefinitionException(
            path + ".chains.default",
            "a default chain is required for departments without their own");
      }
    }
    String teamLead = optionalText(path + ".teamLead", node.get("teamLead"));
    Assignment supervisor = null;
    JsonNode supervisorNode = node.get("supervisor");
    if (present(supervisorNode)) {
      onlyKnown(path + ".supervisor", supervisorNode, SUPERVISOR, false);
      try {
        supervisor =
            Assignment.of(
                text(path + ".supervisor.id", required(path + ".supervisor", supervisorNode, "id")),
                text(
                    path + ".supervisor.department",
                    required(path + ".supervisor", supervisorNode, "department")));
      } catch (ValidationException e) {
        throw rethrow(path + ".supervisor", e.field(), e);
      }
    }
    if (!chains.isEmpty() && (teamLead != null || supervisor != null)) {
      throw new DeskDefinitionException(
          path + (teamLead != null ? ".teamLead" : ".supervisor"),
          "give either chains or a single teamLead and supervisor, not both");
    }
    return new Escalation(policy, Map.copyOf(chains), teamLead, supervisor);
  }

  private static RoutingRules routing(
      String path, JsonNode node, Map<String, Predicate<RoutingInput>> predicates) {
    object(path, node);
    try {
      return RoutingRules.fromJson(JSON.writeValueAsString(node), predicates);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    } catch (RuleDefinitionException e) {
      throw rethrow(path, e.field(), e);
    }
  }

  private static DeskDefinition.User user(String path, JsonNode node) {
    onlyKnown(path, node, USER, false);
    Role role = enumValue(path + ".role", required(path, node, "role"), Role.class);
    if (role == Role.SYSTEM) {
      throw new DeskDefinitionException(
          path + ".role", "SYSTEM is reserved for Loopdesk's own actions");
    }
    return new DeskDefinition.User(
        role,
        new LinkedHashSet<>(texts(path + ".queues", node.get("queues"))),
        new LinkedHashSet<>(texts(path + ".team", node.get("team"))));
  }

  private static DeskDefinitionException rethrow(
      String section, String field, LoopdeskException e) {
    return new DeskDefinitionException(join(section, field), e.getMessage(), e);
  }

  /** Joins a section path and a module's field: {@code $} stands for the section itself. */
  static String join(String section, String field) {
    if (field == null || field.isEmpty() || field.equals("$")) {
      return section;
    }
    if (field.startsWith("$")) {
      String rest = field.substring(1);
      return rest.startsWith(".") || rest.startsWith("[")
          ? section + rest
          : section + " " + rest.trim();
    }
    return field.startsWith("[") ? section + field : section + "." + field;
  }

  private static boolean present(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static void onlyKnown(String path, JsonNode node, Set<String> known, boolean top) {
    object(path, node);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new DeskDefinitionException(
            top ? name : path + "." + name,
            "unknown key; expected one of " + new java.util.TreeSet<>(known));
      }
    }
  }

  private static void object(String path, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new DeskDefinitionException(
          path, "expected a map of keys to values, found " + kind(node));
    }
  }

  private static void array(String path, JsonNode node) {
    if (!node.isArray()) {
      throw new DeskDefinitionException(path, "expected a list, found " + kind(node));
    }
  }

  private static JsonNode required(String path, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (!present(value)) {
      throw new DeskDefinitionException(path + "." + key, "is required");
    }
    return value;
  }

  private static String text(String path, JsonNode node) {
    if (!present(node) || !node.isValueNode() || node.asText().isBlank()) {
      throw new DeskDefinitionException(path, "expected a non-blank text, found " + kind(node));
    }
    return node.asText();
  }

  private static String optionalText(String path, JsonNode node) {
    return present(node) ? text(path, node) : null;
  }

  private static List<String> texts(String path, JsonNode node) {
    if (!present(node)) {
      return List.of();
    }
    array(path, node);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      result.add(text(path + "[" + i + "]", node.get(i)));
    }
    return result;
  }

  private static int integer(String path, JsonNode node) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new DeskDefinitionException(path, "expected a whole number, found " + kind(node));
    }
    return node.asInt();
  }

  private static Duration duration(String path, JsonNode node) {
    String text = text(path, node);
    try {
      Duration value = Duration.parse(text.trim());
      if (value.isNegative() || value.isZero()) {
        throw new DeskDefinitionException(path, "must be a positive duration");
      }
      return value;
    } catch (DateTimeParseException e) {
      throw new DeskDefinitionException(
          path,
          "expected an ISO-8601 duration such as P30D or PT48H, found '" + abbreviate(text) + "'");
    }
  }

  private static <E extends Enum<E>> E enumValue(String path, JsonNode node, Class<E> type) {
    String text = text(path, node);
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name());
      }
      throw new DeskDefinitionException(path, "'" + abbreviate(text) + "' is not one of " + names);
    }
  }

  private static String kind(JsonNode node) {
    if (!present(node)) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + abbreviate(node.asText()) + "'";
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
