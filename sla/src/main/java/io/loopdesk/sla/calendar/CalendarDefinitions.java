package io.loopdesk.sla.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import io.loopdesk.sla.internal.PolicyTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes business calendar definitions as JSON or YAML. Thread-safe.
 *
 * <pre>{@code
 * {
 *   "name": "cn-office",
 *   "zone": "Asia/Shanghai",
 *   "weekly": { "WEEKDAYS": ["09:00-12:00", "13:30-18:00"], "SATURDAY": [] },
 *   "overrides": [
 *     { "from": "2026-10-01", "to": "2026-10-07", "label": "National Day" },
 *     { "date": "2026-10-10", "like": "MONDAY", "label": "make-up day" },
 *     { "date": "2026-12-31", "hours": ["09:00-12:00"], "label": "half day" }
 *   ]
 * }
 * }</pre>
 *
 * <p>Weekly keys are weekday names (any case) or {@code WEEKDAYS} (Monday to Friday) and {@code
 * EVERYDAY}; a later key overrides an earlier one for the days they share (e.g. {@code EVERYDAY}
 * then {@code SUNDAY}); days not mentioned are closed. An override without {@code hours} and {@code
 * like} is a holiday. Intervals use the text form of {@link WorkingInterval#parse}. Unknown fields
 * are rejected so that typos surface. Every error is a {@link CalendarDefinitionException} naming
 * the field path (e.g. {@code overrides[1].to}).
 *
 * <p>{@code "publicHolidays": "CN"} lays the built-in mainland China holidays ({@link
 * ChinaPublicHolidays}) over the weekly hours; {@code "beyondCoverage": "WEEKLY_HOURS"} (default
 * {@code FAIL}) says what happens in years the data does not cover, see {@link
 * PublicHolidays.BeyondCoverage}. A calendar written with the built-in data keeps this form; one
 * with holidays loaded from a file is written with those holidays as overrides.
 */
public final class CalendarDefinitions {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> CALENDAR_FIELDS =
      Set.of("name", "zone", "weekly", "publicHolidays", "beyondCoverage", "overrides");
  private static final Set<String> OVERRIDE_FIELDS =
      Set.of("date", "from", "to", "hours", "like", "label");

  private CalendarDefinitions() {}

  /** Parses one calendar from JSON. */
  public static BusinessCalendar fromJson(String json) {
    return fromTree(read(JSON, json, "JSON"));
  }

  /** Parses one calendar from YAML. */
  public static BusinessCalendar fromYaml(String yaml) {
    return fromTree(read(YAML, yaml, "YAML"));
  }

  /**
   * Reads one calendar from a file: YAML when the name ends in {@code .yaml} or {@code .yml}, JSON
   * otherwise.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static BusinessCalendar read(Path file) {
    String text = readFile(file);
    return isYaml(file) ? fromYaml(text) : fromJson(text);
  }

  /** Reads a list of calendars from a JSON or YAML file (chosen by extension) into a registry. */
  public static CalendarRegistry readRegistry(Path file) {
    String text = readFile(file);
    return isYaml(file) ? registryFromYaml(text) : registryFromJson(text);
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static String readFile(Path file) {
    if (file == null) {
      throw new CalendarDefinitionException(
          Problem.MISSING_VALUE, "file", null, "a file is required");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read calendar definition " + file, e);
    }
  }

  /** Parses a JSON array of calendars into a registry. */
  public static CalendarRegistry registryFromJson(String json) {
    return registryFromTree(read(JSON, json, "JSON"));
  }

  /** Parses a YAML sequence of calendars into a registry. */
  public static CalendarRegistry registryFromYaml(String yaml) {
    return registryFromTree(read(YAML, yaml, "YAML"));
  }

  /**
   * Writes the canonical JSON definition of {@code calendar}; {@link #fromJson} reads it back to an
   * equal calendar.
   */
  public static String toJson(BusinessCalendar calendar) {
    return write(JSON, calendar);
  }

  /**
   * Writes the canonical YAML definition of {@code calendar}; {@link #fromYaml} reads it back to an
   * equal calendar.
   */
  public static String toYaml(BusinessCalendar calendar) {
    return write(YAML, calendar);
  }

  /** Builds a calendar from an already parsed JSON/YAML tree. */
  public static BusinessCalendar fromTree(JsonNode root) {
    return parseCalendar(root, "$");
  }

  private static CalendarRegistry registryFromTree(JsonNode root) {
    if (root == null || !root.isArray()) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE, "$", nodeText(root), "expected a list of calendar definitions");
    }
    CalendarRegistry.Builder builder = CalendarRegistry.builder();
    for (int i = 0; i < root.size(); i++) {
      builder.add(parseCalendar(root.get(i), "$[" + i + "]"));
    }
    return builder.build();
  }

  private static JsonNode read(ObjectMapper mapper, String text, String format) {
    if (text == null || text.isBlank()) {
      throw new CalendarDefinitionException(
          Problem.MISSING_VALUE, "$", text, "empty " + format + " document");
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String location = PolicyTrees.location(e);
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          location == null ? "$" : location,
          abbreviate(text),
          "malformed " + format + ": " + e.getOriginalMessage(),
          e);
    }
  }

  private static BusinessCalendar parseCalendar(JsonNode root, String path) {
    requireObject(root, path, CALENDAR_FIELDS);
    BusinessCalendar.Builder builder =
        BusinessCalendar.builder(requiredText(root, "name", path), java.time.ZoneOffset.UTC);
    builder.zone(requiredText(root, "zone", path));
    JsonNode weekly = root.get("weekly");
    if (weekly != null && !weekly.isNull()) {
      requireObject(weekly, path + ".weekly", null);
      for (Map.Entry<String, JsonNode> field : weekly.properties()) {
        String dayPath = path + ".weekly." + field.getKey();
        List<WorkingInterval> hours = intervals(field.getValue(), dayPath);
        for (DayOfWeek day : days(field.getKey(), dayPath)) {
          builder.weekly(day, hours);
        }
      }
    }
    JsonNode holidays = root.get("publicHolidays");
    JsonNode beyond = root.get("beyondCoverage");
    if (holidays != null && !holidays.isNull()) {
      String region = requiredText(root, "publicHolidays", path);
      if (!region.equals(ChinaPublicHolidays.REGION)) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            path + ".publicHolidays",
            abbreviate(region),
            "built-in public holidays exist for "
                + ChinaPublicHolidays.REGION
                + "; load other data with PublicHolidays.load and BusinessCalendar.Builder.publicHolidays");
      }
      PublicHolidays.BeyondCoverage mode = PublicHolidays.BeyondCoverage.FAIL;
      if (beyond != null && !beyond.isNull()) {
        String text = requiredText(root, "beyondCoverage", path);
        try {
          mode = PublicHolidays.BeyondCoverage.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new CalendarDefinitionException(
              Problem.MALFORMED_VALUE,
              path + ".beyondCoverage",
              abbreviate(text),
              "expected FAIL or WEEKLY_HOURS",
              e);
        }
      }
      builder.publicHolidays(ChinaPublicHolidays.builtIn(), mode);
    } else if (beyond != null && !beyond.isNull()) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          path + ".beyondCoverage",
          nodeText(beyond),
          "beyondCoverage needs publicHolidays");
    }
    JsonNode overrides = root.get("overrides");
    if (overrides != null && !overrides.isNull()) {
      if (!overrides.isArray()) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            path + ".overrides",
            nodeText(overrides),
            "expected a list of overrides");
      }
      for (int i = 0; i < overrides.size(); i++) {
        parseOverride(builder, overrides.get(i), path + ".overrides[" + i + "]");
      }
    }
    return builder.build();
  }

  private static void parseOverride(BusinessCalendar.Builder builder, JsonNode node, String path) {
    requireObject(node, path, OVERRIDE_FIELDS);
    if (node.has("date") && node.has("from")) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          path,
          nodeText(node),
          "use either 'date' or 'from'/'to', not both");
    }
    String fromField = node.has("date") ? "date" : "from";
    LocalDate from = date(node, fromField, path);
    LocalDate to = node.has("to") ? date(node, "to", path) : from;
    String label = node.hasNonNull("label") ? node.get("label").asText() : "";
    if (node.has("like")) {
      if (node.has("hours") || !to.equals(from)) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            path + ".like",
            nodeText(node.get("like")),
            "'like' makes one date a working day with a weekday's hours; it excludes 'hours' and 'to'");
      }
      List<DayOfWeek> like = days(node.get("like").asText(), path + ".like");
      if (like.size() != 1) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            path + ".like",
            node.get("like").asText(),
            "expected one weekday name");
      }
      builder.workingDayLike(from, like.get(0), label);
      return;
    }
    List<WorkingInterval> hours =
        node.has("hours") ? intervals(node.get("hours"), path + ".hours") : List.of();
    try {
      builder.override(new DateOverride(from, to, hours, label));
    } catch (CalendarDefinitionException e) {
      throw new CalendarDefinitionException(
          e.problem(), path + "." + e.field(), e.value(), e.getMessage(), e);
    }
  }

  private static List<WorkingInterval> intervals(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          path,
          nodeText(node),
          "expected a list of intervals such as [\"09:00-12:00\", \"13:30-18:00\"]");
    }
    List<WorkingInterval> result = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String itemPath = path + "[" + i + "]";
      if (!item.isTextual()) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            itemPath,
            nodeText(item),
            "expected an interval text such as 09:00-18:00");
      }
      try {
        result.add(WorkingInterval.parse(item.asText()));
      } catch (CalendarDefinitionException e) {
        throw new CalendarDefinitionException(
            e.problem(), itemPath, item.asText(), e.getMessage(), e);
      }
    }
    return result;
  }

  private static List<DayOfWeek> days(String key, String path) {
    String upper = key.trim().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "WEEKDAYS":
        return List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
      case "EVERYDAY":
        return List.of(DayOfWeek.values());
      default:
        try {
          return List.of(DayOfWeek.valueOf(upper));
        } catch (IllegalArgumentException e) {
          throw new CalendarDefinitionException(
              Problem.MALFORMED_VALUE,
              path,
              key,
              "expected a weekday name (MONDAY..SUNDAY), WEEKDAYS or EVERYDAY",
              e);
        }
    }
  }

  private static LocalDate date(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new CalendarDefinitionException(
          Problem.MISSING_VALUE, path + "." + field, null, "a date such as 2026-10-01 is required");
    }
    try {
      return LocalDate.parse(value.asText().trim());
    } catch (DateTimeParseException e) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          path + "." + field,
          value.asText(),
          "expected an ISO date such as 2026-10-01",
          e);
    }
  }

  private static String requiredText(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      throw new CalendarDefinitionException(
          Problem.MISSING_VALUE,
          path + "." + field,
          nodeText(value),
          "a non-blank text is required");
    }
    return value.asText();
  }

  private static void requireObject(JsonNode node, String path, Set<String> allowedFields) {
    if (node == null || !node.isObject()) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE, path, nodeText(node), "expected an object");
    }
    if (allowedFields != null) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!allowedFields.contains(name)) {
          throw new CalendarDefinitionException(
              Problem.MALFORMED_VALUE,
              path + "." + name,
              name,
              "unknown field; expected one of " + allowedFields);
        }
      }
    }
  }

  private static String write(ObjectMapper mapper, BusinessCalendar calendar) {
    ObjectNode root = mapper.createObjectNode();
    root.put("name", calendar.name());
    root.put("zone", calendar.zone().getId());
    ObjectNode weekly = root.putObject("weekly");
    for (DayOfWeek day : DayOfWeek.values()) {
      ArrayNode hours = weekly.putArray(day.name());
      calendar.weeklyHours(day).forEach(h -> hours.add(h.toString()));
    }
    boolean builtInHolidays =
        calendar.publicHolidays().filter(ChinaPublicHolidays.builtIn()::equals).isPresent();
    if (builtInHolidays) {
      root.put("publicHolidays", ChinaPublicHolidays.REGION);
      root.put("beyondCoverage", calendar.beyondCoverage().name());
    }
    ArrayNode overrides = root.putArray("overrides");
    for (DateOverride o : builtInHolidays ? calendar.ownOverrides() : calendar.overrides()) {
      ObjectNode node = overrides.addObject();
      node.put("from", o.from().toString());
      node.put("to", o.to().toString());
      ArrayNode hours = node.putArray("hours");
      o.hours().forEach(h -> hours.add(h.toString()));
      node.put("label", o.label());
    }
    try {
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise calendar " + calendar.name(), e);
    }
  }

  private static String nodeText(JsonNode node) {
    return node == null ? null : abbreviate(node.toString());
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
