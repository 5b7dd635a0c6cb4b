package io.loopdesk.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.sla.internal.PolicyTrees;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@link SlaPolicy} definitions from JSON or YAML. Thread-safe.
 *
 * <pre>{@code
 * pausingStatuses: [WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY]
 * warningThresholds: [0.75, 0.9]
 * targets:
 *   - { metric: RESOLUTION, priority: P0, duration: PT24H, calendar: 24x7 }
 *   - { metric: RESOLUTION, priority: P1, duration: PT16H, calendar: business-hours }
 *   - { metric: RESOLUTION, priority: P3, none: true }
 *   - { metric: FIRST_RESPONSE, category: COMPLAINT, duration: PT2H, calendar: 24x7 }
 *   - { metric: CALLBACK, priority: P1, duration: PT24H, calendar: default }
 *   - { metric: PERIODIC_UPDATE, category: COMPLAINT, duration: PT24H, calendar: business-hours }
 *   - { metric: NEXT_REPLY, priority: P1, duration: PT4H, calendar: business-hours }
 *   - { metric: REQUESTER_WAIT_TIME, priority: P1, duration: PT72H, calendar: 24x7 }
 * olas:
 *   - { team: second-line, duration: PT8H, calendar: business-hours }
 *   - { team: second-line, priority: P0, duration: PT2H, calendar: 24x7 }
 * }</pre>
 *
 * <p>{@code olas} are the teams' OLA targets ({@link SlaPolicy.Builder#ola}); {@code priority} is
 * optional.
 *
 * <p>The calendar {@code default} is the desk's default calendar (see {@link
 * io.loopdesk.sla.calendar.CalendarRegistry#defaultCalendar()}), as in {@link
 * SlaPolicy#standard()}.
 *
 * <p>Durations are ISO-8601 ({@code PT48H}, {@code P3D}, {@code PT10M}). Omitted fields keep the
 * empty builder's values (no targets, no pausing statuses, warnings at 75% and 90%); use {@code
 * "base": "defaults"} to start from {@link SlaPolicy#standard()} and override single rules. Every
 * error is an {@link SlaPolicyException} naming the field path, e.g. {@code targets[2].duration}.
 */
public final class SlaPolicies {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> ROOT_FIELDS =
      Set.of("base", "pausingStatuses", "warningThresholds", "targets", "olas");
  private static final Set<String> OLA_FIELDS = Set.of("team", "priority", "duration", "calendar");
  private static final Set<String> TARGET_FIELDS =
      Set.of("metric", "priority", "category", "duration", "calendar", "none");

  private SlaPolicies() {}

  /** Parses a policy from JSON. */
  public static SlaPolicy fromJson(String json) {
    return fromTree(PolicyTrees.read(JSON, json, "JSON"));
  }

  /** Parses a policy from YAML. */
  public static SlaPolicy fromYaml(String yaml) {
    return fromTree(PolicyTrees.read(YAML, yaml, "YAML"));
  }

  /** Builds a policy from a parsed JSON/YAML tree. */
  public static SlaPolicy fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new SlaPolicyException("$", root, "expected an object");
    }
    PolicyTrees.checkFields(root, "$", ROOT_FIELDS);
    SlaPolicy.Builder builder;
    JsonNode base = root.get("base");
    if (base == null || base.isNull()) {
      builder = SlaPolicy.builder();
    } else if (base.isTextual() && base.asText().equals("defaults")) {
      builder = SlaPolicy.standard().toBuilder();
    } else {
      throw new SlaPolicyException("base", base, "the only base is \"defaults\"");
    }
    JsonNode pausing = root.get("pausingStatuses");
    if (pausing != null) {
      requireArray(pausing, "pausingStatuses");
      Set<TicketStatus> statuses = new HashSet<>();
      for (int i = 0; i < pausing.size(); i++) {
        String field = "pausingStatuses[" + i + "]";
        try {
          statuses.add(TicketStatus.of(PolicyTrees.text(pausing.get(i), field)));
        } catch (RuntimeException e) {
          throw rethrow(e, field, pausing.get(i));
        }
      }
      builder.pausingStatuses(statuses);
    }
    JsonNode thresholds = root.get("warningThresholds");
    if (thresholds != null) {
      requireArray(thresholds, "warningThresholds");
      double[] values = new double[thresholds.size()];
      for (int i = 0; i < values.length; i++) {
        if (!thresholds.get(i).isNumber()) {
          throw new SlaPolicyException(
              "warningThresholds[" + i + "]", thresholds.get(i), "expected a number");
        }
        values[i] = thresholds.get(i).asDouble();
      }
      builder.warningThresholds(values);
    }
    JsonNode targets = root.get("targets");
    if (targets != null) {
      requireArray(targets, "targets");
      for (int i = 0; i < targets.size(); i++) {
        target(builder, targets.get(i), "targets[" + i + "]");
      }
    }
    JsonNode olas = root.get("olas");
    if (olas != null) {
      requireArray(olas, "olas");
      for (int i = 0; i < olas.size(); i++) {
        ola(builder, olas.get(i), "olas[" + i + "]");
      }
    }
    return builder.build();
  }

  private static void ola(SlaPolicy.Builder builder, JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new SlaPolicyException(path, node, "expected an object");
    }
    PolicyTrees.checkFields(node, path, OLA_FIELDS);
    String team = PolicyTrees.text(node.get("team"), path + ".team");
    Priority priority =
        node.has("priority")
            ? parseEnum(Priority.class, node.get("priority"), path + ".priority")
            : null;
    SlaTarget target = parseTarget(node, path);
    try {
      if (priority == null) {
        builder.ola(team, target);
      } else {
        builder.ola(team, priority, target);
      }
    } catch (SlaPolicyException e) {
      throw new SlaPolicyException(path + "." + e.field(), e.value(), e.getMessage());
    }
  }

  /** The duration and calendar of a target or OLA node. */
  static SlaTarget parseTarget(JsonNode node, String path) {
    String durationText = PolicyTrees.text(node.get("duration"), path + ".duration");
    Duration duration;
    try {
      duration = Duration.parse(durationText);
    } catch (DateTimeParseException e) {
      throw new SlaPolicyException(
          path + ".duration", durationText, "expected an ISO-8601 duration such as PT48H");
    }
    String calendar = PolicyTrees.text(node.get("calendar"), path + ".calendar");
    try {
      return new SlaTarget(duration, calendar);
    } catch (SlaPolicyException e) {
      throw new SlaPolicyException(path + "." + e.field(), e.value(), e.getMessage());
    }
  }

  private static void target(SlaPolicy.Builder builder, JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new SlaPolicyException(path, node, "expected an object");
    }
    PolicyTrees.checkFields(node, path, TARGET_FIELDS);
    SlaMetric metric = parseEnum(SlaMetric.class, node.get("metric"), path + ".metric");
    Priority priority =
        node.has("priority")
            ? parseEnum(Priority.class, node.get("priority"), path + ".priority")
            : null;
    Category category = null;
    if (node.has("category")) {
      try {
        category = Category.of(PolicyTrees.text(node.get("category"), path + ".category"));
      } catch (RuntimeException e) {
        throw rethrow(e, path + ".category", node.get("category"));
      }
    }
    if (node.path("none").asBoolean(false)) {
      if (priority == null || category != null || node.has("duration") || node.has("calendar")) {
        throw new SlaPolicyException(
            path + ".none",
            node,
            "'none' switches a metric off for one priority;"
                + " it needs 'priority' and excludes 'category', 'duration' and 'calendar'");
      }
      try {
        builder.noTarget(metric, priority);
      } catch (SlaPolicyException e) {
        throw new SlaPolicyException(path + "." + e.field(), e.value(), e.getMessage());
      }
      return;
    }
    SlaTarget target = parseTarget(node, path);
    try {
      builder.target(metric, priority, category, target);
    } catch (SlaPolicyException e) {
      throw new SlaPolicyException(path + "." + e.field(), e.value(), e.getMessage());
    }
  }

  private static <E extends Enum<E>> E parseEnum(Class<E> type, JsonNode node, String field) {
    String value = PolicyTrees.text(node, field);
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SlaPolicyException(
          field, value, "expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static void requireArray(JsonNode node, String field) {
    if (!node.isArray()) {
      throw new SlaPolicyException(field, node, "expected a list");
    }
  }

  private static SlaPolicyException rethrow(RuntimeException e, String field, JsonNode value) {
    if (e instanceof SlaPolicyException policy) {
      return policy;
    }
    SlaPolicyException error = new SlaPolicyException(field, value, e.getMessage());
    error.initCause(e);
    return error;
  }
}
