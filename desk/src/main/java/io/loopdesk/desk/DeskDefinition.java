package io.loopdesk.desk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loopdesk.api.Role;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.MatrixPriorityModel;
import io.loopdesk.desk.internal.DefinitionParser;
import io.loopdesk.routing.EscalationChain;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.calendar.BusinessCalendar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A whole desk described in one document: calendars, lifecycle changes, closed-loop policy,
 * priority matrix, SLA policy, escalation, routing rules and users with their roles. Read it from
 * YAML or JSON text, a file, a {@link Map} (for example the properties a framework bound) or a
 * Jackson tree, then hand it to {@link Loopdesk.Builder#definition(DeskDefinition)}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * calendars:
 *   office:
 *     zone: Asia/Shanghai
 *     weekly: { WEEKDAYS: ["09:00-12:00", "13:30-18:00"] }
 *     holidays: china                  # mainland China's holidays and make-up working days, built in
 * defaultCalendar: office              # needed only with several calendars
 * lifecycle:
 *   auditedExits: [DUPLICATE]
 *   transitions: [{ from: RECEIVED, action: MARK_DUPLICATE, to: DUPLICATE }]
 *   remove: [{ from: IN_PROGRESS, action: WAIT_ON_THIRD_PARTY }]
 * closedLoop: { minimumRating: 4, maxUnreachedAttempts: 3, unreachable: MARK_UNREACHABLE }
 * priority:
 *   cells: [{ impact: LOW, urgency: LOW, severity: HIGH, priority: P0 }]
 *   overrides: [vip, reopened]         # a subset of vip, repeated-complaint, reopened, in this order
 *   complaintLookBack: P30D
 * sla:                                 # the format of io.loopdesk.sla.SlaPolicies
 *   base: defaults
 *   targets: [{ metric: RESOLUTION, priority: P2, duration: PT24H, calendar: office }]
 * escalation:
 *   policy: standard                   # or none
 *   chains:                            # escalate along department chains (io.loopdesk.routing.Escalations)
 *     default: { teamLead: lead-1, supervisor: sup-1, operationsManager: ops-1 }
 * routing:                             # the format of io.loopdesk.routing.RoutingRules
 *   mode: FIRST_MATCH
 *   rules: [{ id: faults, when: { category: [PRODUCT_FAULT] }, then: { assign: { department: tech } } }]
 * access:
 *   administrator: admin-1
 *   users:
 *     lead-1: { role: TEAM_LEAD, queues: [customer-service], team: [agent-1] }
 *     agent-1: { role: AGENT, queues: [customer-service] }
 * }</pre>
 *
 * <p>Every section is optional; what is left out keeps the {@link Loopdesk.Builder}'s default.
 * Calendars use the format of {@link io.loopdesk.sla.calendar.CalendarDefinitions} with the key as
 * the name, plus {@code holidays: china} (or {@code none}); without {@code chains}, {@code
 * escalation} may name a single {@code teamLead} and a {@code supervisor: { id, department }}
 * instead. Unknown keys are errors, so that a typo surfaces; every error is a {@link
 * DeskDefinitionException} naming the path of the key, such as {@code calendars.office.zone}.
 *
 * <p>{@link #toYaml()} writes the definition in a canonical form (calendars spelled out day by day)
 * that reads back to an equal definition.
 */
public final class DeskDefinition {

  /** The top-level sections of the definition format; any other top-level key is an error. */
  public static final Set<String> SECTIONS =
      Set.of(
          "calendars",
          "defaultCalendar",
          "lifecycle",
          "closedLoop",
          "priority",
          "sla",
          "escalation",
          "routing",
          "access");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML =
      new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final ObjectNode tree;
  private final DefinitionParser.Parts parts;

  private DeskDefinition(ObjectNode tree, DefinitionParser.Parts parts) {
    this.tree = tree;
    this.parts = parts;
  }

  /**
   * Reads a definition from YAML.
   *
   * @param yaml the document
   * @return the definition
   * @throws DeskDefinitionException naming the path of the first problem
   */
  public static DeskDefinition fromYaml(String yaml) {
    return fromTree(read(YAML, yaml, "YAML"), Map.of());
  }

  /**
   * Reads a definition from YAML whose routing rules use named predicates.
   *
   * @param yaml the document
   * @param predicates the predicates routing rules may name
   * @return the definition
   * @throws DeskDefinitionException naming the path of the first problem
   */
  public static DeskDefinition fromYaml(
      String yaml, Map<String, Predicate<RoutingInput>> predicates) {
    return fromTree(read(YAML, yaml, "YAML"), predicates);
  }

  /**
   * Reads a definition from JSON.
   *
   * @param json the document
   * @return the definition
   * @throws DeskDefinitionException naming the path of the first problem
   */
  public static DeskDefinition fromJson(String json) {
    return fromTree(read(JSON, json, "JSON"), Map.of());
  }

  /**
   * Reads a definition from a file: YAML when its name ends in {@code .yaml} or {@code .yml}, JSON
   * otherwise.
   *
   * @param file the file
   * @return the definition
   * @throws DeskDefinitionException when the file cannot be read or is invalid
   */
  public static DeskDefinition read(Path file) {
    if (file == null) {
      throw new DeskDefinitionException("file", "a file is required");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DeskDefinitionException(
          "file", "cannot read " + file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
    return fromTree(read(yaml ? YAML : JSON, text, yaml ? "YAML" : "JSON"), Map.of());
  }

  /**
   * Reads a definition from nested maps and lists, as a configuration framework binds them.
   *
   * @param map the definition's top-level keys
   * @param predicates the predicates routing rules may name ({@code Map.of()} for none)
   * @return the definition
   * @throws DeskDefinitionException naming the path of the first problem
   */
  public static DeskDefinition fromMap(
      Map<String, ?> map, Map<String, Predicate<RoutingInput>> predicates) {
    if (map == null) {
      throw new DeskDefinitionException("$", "a map is required");
    }
    JsonNode tree;
    try {
      tree = JSON.valueToTree(map);
    } catch (IllegalArgumentException e) {
      throw new DeskDefinitionException(
          "$", "the map holds values that are not text, numbers, booleans, " + "lists or maps");
    }
    return fromTree(tree, predicates);
  }

  /**
   * Reads a definition from a parsed Jackson tree.
   *
   * @param root the document's root object
   * @param predicates the predicates routing rules may name ({@code Map.of()} for none)
   * @return the definition
   * @throws DeskDefinitionException naming the path of the first problem
   */
  public static DeskDefinition fromTree(
      JsonNode root, Map<String, Predicate<RoutingInput>> predicates) {
    if (predicates == null) {
      throw new DeskDefinitionException(
          "predicates", "must not be null; pass Map.of() when rules use none");
    }
    if (root == null || !root.isObject()) {
      throw new DeskDefinitionException(
          "$", "expected an object with sections such as calendars, sla, routing");
    }
    DefinitionParser.Result result = DefinitionParser.parse((ObjectNode) root, predicates);
    return new DeskDefinition(result.canonical(), result.parts());
  }

  private static JsonNode read(ObjectMapper mapper, String text, String format) {
    if (text == null || text.isBlank()) {
      throw new DeskDefinitionException("$", "empty " + format + " document");
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? "$"
              : "$ (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      String message = e.getOriginalMessage();
      int newline = message == null ? -1 : message.indexOf('\n');
      throw new DeskDefinitionException(
          where,
          "malformed " + format + ": " + (newline < 0 ? message : message.substring(0, newline)));
    }
  }

  /** Returns the canonical tree of this definition (a copy). */
  public ObjectNode toTree() {
    return tree.deepCopy();
  }

  /**
   * Writes the canonical YAML form; {@link #fromYaml(String)} reads it back to an equal definition.
   */
  public String toYaml() {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /**
   * Writes the canonical JSON form; {@link #fromJson(String)} reads it back to an equal definition.
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /** Returns the calendars defined, in document order (empty when the section is absent). */
  public List<BusinessCalendar> calendars() {
    return parts.calendars();
  }

  /** Returns the name of the default calendar, if given. */
  public Optional<String> defaultCalendar() {
    return Optional.ofNullable(parts.defaultCalendar());
  }

  /** Returns the lifecycle, if the definition changes the standard one. */
  public Optional<Lifecycle> lifecycle() {
    return Optional.ofNullable(parts.lifecycle());
  }

  /** Returns the closed-loop policy, if given. */
  public Optional<ClosedLoopPolicy> closedLoop() {
    return Optional.ofNullable(parts.closedLoop());
  }

  /** Returns the priority model, if the definition changes the standard matrix or overrides. */
  public Optional<MatrixPriorityModel> priorityModel() {
    return Optional.ofNullable(parts.priorityModel());
  }

  /** Returns the SLA policy, if given. */
  public Optional<SlaPolicy> slaPolicy() {
    return Optional.ofNullable(parts.slaPolicy());
  }

  /** Returns the escalation policy, if given. */
  public Optional<EscalationPolicy> escalationPolicy() {
    return Optional.ofNullable(parts.escalationPolicy());
  }

  /**
   * Returns the escalation chains by department; the key {@code default} holds the default chain.
   */
  public Map<String, EscalationChain> escalationChains() {
    return parts.chains();
  }

  /** Returns the routing rules, if given. */
  public Optional<RoutingRules> routingRules() {
    return Optional.ofNullable(parts.routingRules());
  }

  /** Returns the first administrator, if given. */
  public Optional<String> administrator() {
    return Optional.ofNullable(parts.administrator());
  }

  /** Returns the users with their roles, queues and teams, by user id. */
  public Map<String, User> users() {
    return parts.users();
  }

  void applyTo(Loopdesk.Builder builder) {
    parts.calendars().forEach(builder::calendar);
    if (parts.defaultCalendar() != null) {
      builder.defaultCalendar(parts.defaultCalendar());
    }
    if (parts.lifecycle() != null) {
      builder.lifecycle(parts.lifecycle());
    }
    if (parts.closedLoop() != null) {
      builder.closedLoop(parts.closedLoop());
    }
    if (parts.priorityModel() != null) {
      builder.priorityModel(parts.priorityModel());
    }
    if (parts.slaPolicy() != null) {
      builder.slaPolicy(parts.slaPolicy());
    }
    if (parts.escalationPolicy() != null) {
      builder.escalationPolicy(parts.escalationPolicy());
    }
    parts.chains().forEach((department, chain) -> builder.escalationChain(chain));
    if (parts.teamLead() != null) {
      builder.teamLead(parts.teamLead());
    }
    if (parts.supervisor() != null) {
      builder.supervisor(parts.supervisor().assignee(), parts.supervisor().department());
    }
    if (parts.routingRules() != null) {
      builder.routingRules(parts.routingRules());
    }
    if (parts.administrator() != null) {
      builder.administrator(parts.administrator());
    }
    parts.users().forEach((id, user) -> builder.user(id, user.role(), user.queues(), user.team()));
  }

  /** Two definitions are equal when their canonical forms are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DeskDefinition that && tree.equals(that.tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return "DeskDefinition" + tree.properties().stream().map(Map.Entry::getKey).toList();
  }

  /**
   * A user of the desk.
   *
   * @param role the role granted
   * @param queues the queues (ticket departments) the user serves
   * @param team the members a team lead leads
   */
  public record User(Role role, Set<String> queues, Set<String> team) {
    /** Copies the sets. */
    public User {
      queues = Set.copyOf(queues);
      team = Set.copyOf(team);
    }
  }
}
