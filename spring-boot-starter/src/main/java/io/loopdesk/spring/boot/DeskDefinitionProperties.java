package io.loopdesk.spring.boot;

import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.DeskDefinitionException;
import io.loopdesk.routing.RoutingInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads the desk definition from the application's properties: every key under {@code loopdesk.}
 * except the starter's own ({@code enabled, store, monitor, health, metrics, cluster}) and those of
 * the optional {@code loopdesk-dashboard} module ({@code dashboard}), rebuilt into the nested maps
 * and lists of {@link DeskDefinition#fromMap}. Keys keep the spelling of {@link DeskDefinition}'s
 * format ({@code defaultCalendar}, {@code closedLoop.minimumRating}); the kebab-case spelling an
 * IDE completes ({@code default-calendar}) is accepted too, except for keys that are names
 * (calendars, departments, users). Names are read through Spring Boot's configuration property
 * sources, so every relaxed form works: environment variables ({@code
 * LOOPDESK_CALENDARS_OFFICE_ZONE}, {@code LOOPDESK_CLOSEDLOOP_MINIMUMRATING}, {@code
 * LOOPDESK_SLA_TARGETS_0_DURATION} for a list element) and system properties in any case.
 * Environment variables give lower-case names (a calendar {@code Office} is {@code office} there),
 * and only those under the desk's sections count, so that unrelated variables such as {@code
 * LOOPDESK_HOME} break nothing.
 *
 * <p>Property sources are layered as Spring layers them: a source of higher precedence (a profile's
 * file, a system property) overrides single values and replaces whole lists, and maps merge key by
 * key. Placeholders in text values are resolved; an empty text is an empty list, as Spring flattens
 * {@code []} to it; a number or {@code true}/{@code false} written as text (a {@code .properties}
 * file, the command line) becomes one, as in YAML. Stateless and thread-safe.
 */
public final class DeskDefinitionProperties {

  /**
   * The top-level keys under {@code loopdesk.} that configure the starter (or the dashboard module
   * built on it) rather than the desk.
   */
  public static final Set<String> STARTER_KEYS =
      Set.of("enabled", "store", "monitor", "health", "metrics", "cluster", "dashboard");

  private static final String PREFIX = LoopdeskProperties.PREFIX + ".";
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})\\.[0-9]{0,8}[1-9]");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

  /**
   * Paths (from the definition's root, without list indices) of maps whose keys are names chosen by
   * the user.
   */
  private static final Set<List<String>> NAMED_ENTRIES =
      Set.of(
          List.of("calendars"),
          List.of("escalation", "chains"),
          List.of("access", "users"),
          List.of("routing", "rules", "when", "attributes"),
          List.of("routing", "rules", "then", "requireSkills"));

  /**
   * Every camelCase key of {@link DeskDefinition}'s format, by its uniform spelling (lower case, no
   * dashes).
   */
  static final Map<String, String> KNOWN_CAMEL_KEYS =
      Stream.of(
              "defaultCalendar",
              "closedLoop",
              "beyondCoverage",
              "publicHolidays",
              "afterCallback",
              "auditedExits",
              "minimumRating",
              "maxUnreachedAttempts",
              "complaintLookBack",
              "teamLead",
              "operationsManager",
              "pausingStatuses",
              "warningThresholds",
              "setPriority",
              "raisePriority",
              "addTags",
              "requireSkills")
          .collect(Collectors.toUnmodifiableMap(DeskDefinitionProperties::uniform, key -> key));

  private static final ConfigurationPropertyName ROOT =
      ConfigurationPropertyName.of(LoopdeskProperties.PREFIX);

  /**
   * The name of the source Spring Boot attaches to the environment, which repeats all the others.
   */
  private static final String ATTACHED = "configurationProperties";

  private DeskDefinitionProperties() {}

  /**
   * Reads the desk definition from the environment.
   *
   * @param environment the application's environment
   * @param predicates the predicates routing rules may name ({@code Map.of()} for none)
   * @return the definition; empty sections keep the defaults
   * @throws LoopdeskConfigurationException naming the property ({@code
   *     loopdesk.calendars.office.zone}) of the first problem
   */
  public static DeskDefinition read(
      ConfigurableEnvironment environment, Map<String, Predicate<RoutingInput>> predicates) {
    Map<String, Object> tree = tree(environment);
    try {
      return DeskDefinition.fromMap(tree, predicates);
    } catch (DeskDefinitionException e) {
      String path = "$".equals(e.path()) ? LoopdeskProperties.PREFIX : PREFIX + e.path();
      String prefix = "Invalid desk definition at " + e.path() + ": ";
      String message = e.getMessage();
      String problem = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
      throw new LoopdeskConfigurationException(path, problem, e);
    }
  }

  /**
   * Returns the desk part of the {@code loopdesk} properties as nested maps and lists.
   *
   * @param environment the application's environment
   * @return the tree, empty when no desk key is set
   */
  public static Map<String, Object> tree(ConfigurableEnvironment environment) {
    List<PropertySource<?>> sources = new ArrayList<>();
    environment.getPropertySources().forEach(sources::add);
    Map<String, Object> merged = new LinkedHashMap<>();
    for (int i = sources.size() - 1; i >= 0; i--) {
      PropertySource<?> source = sources.get(i);
      if (source instanceof EnumerablePropertySource<?> && !ATTACHED.equals(source.getName())) {
        boolean environmentVariables = source instanceof SystemEnvironmentPropertySource;
        Map<String, Object> layer = new LinkedHashMap<>();
        for (ConfigurationPropertySource names : ConfigurationPropertySources.from(source)) {
          if (names instanceof IterableConfigurationPropertySource iterable) {
            iterable.stream()
                .filter(ROOT::isAncestorOf)
                .forEach(
                    name -> {
                      List<String> segments = segments(name);
                      ConfigurationProperty property = iterable.getConfigurationProperty(name);
                      if (property != null
                          && (!environmentVariables
                              || DeskDefinition.SECTIONS.contains(segments.get(0)))) {
                        put(layer, segments, value(environment, property.getValue()));
                      }
                    });
          }
        }
        overlay(merged, toLists(layer));
      }
    }
    return merged;
  }

  /**
   * The elements of a name under {@code loopdesk}, as written ({@code defaultCalendar}, {@code
   * WEEKDAYS}); an environment variable's are lower case. A numeric index becomes {@code [n]}; a
   * key of the definition's format in any of Spring's relaxed spellings ({@code default-calendar},
   * {@code defaultcalendar}) becomes its camelCase spelling, except where keys are names.
   */
  private static List<String> segments(ConfigurationPropertyName name) {
    List<String> segments = new ArrayList<>();
    for (int i = 1; i < name.getNumberOfElements(); i++) {
      String element = name.getElement(i, ConfigurationPropertyName.Form.ORIGINAL);
      segments.add(name.isNumericIndex(i) ? "[" + element + "]" : key(segments, element));
    }
    return segments;
  }

  private static Object value(ConfigurableEnvironment environment, Object raw) {
    Object value = raw instanceof OriginTrackedValue tracked ? tracked.getValue() : raw;
    if (value instanceof CharSequence text) {
      // Spring flattens an empty YAML list ("SATURDAY: []") to an empty text
      return text.length() == 0
          ? List.of()
          : typed(environment.resolvePlaceholders(text.toString()));
    }
    return value;
  }

  /**
   * Gives a number or boolean written as text (in a .properties file, on the command line) its
   * type, as YAML would; only canonical spellings, so that the text reads back the same ({@code
   * 007} stays text).
   */
  private static Object typed(String text) {
    if (INTEGER.matcher(text).matches()) {
      long number = Long.parseLong(text);
      return number == (int) number ? (Object) (int) number : (Object) number;
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    return text;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> segments, Object value) {
    if (segments.isEmpty() || STARTER_KEYS.contains(segments.get(0))) {
      return;
    }
    Map<String, Object> node = root;
    for (int i = 0; i < segments.size(); i++) {
      String key = segments.get(i);
      if (i == segments.size() - 1) {
        node.put(key, value);
      } else {
        Object child = node.get(key);
        if (!(child instanceof Map)) {
          child = new LinkedHashMap<String, Object>();
          node.put(key, child);
        }
        node = (Map<String, Object>) child;
      }
    }
  }

  /**
   * Turns a key written in any relaxed spelling into the definition's camelCase unless it names
   * something: a kebab-case key ({@code beyond-coverage}), and a known key of the format written in
   * another case or without its dashes ({@code beyondcoverage}, as an environment variable gives
   * it).
   */
  private static String key(List<String> parentPath, String segment) {
    List<String> parent = parentPath.stream().filter(s -> !s.startsWith("[")).toList();
    if (NAMED_ENTRIES.contains(parent)) {
      return segment;
    }
    String known = KNOWN_CAMEL_KEYS.get(uniform(segment));
    if (known != null) {
      return known;
    }
    if (!KEBAB.matcher(segment).matches()) {
      return segment;
    }
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : segment.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }

  private static String uniform(String key) {
    return key.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Replaces every map whose keys are all indices {@code [n]} by a list in index order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> toLists(Map<String, Object> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            result.put(
                key,
                value instanceof Map<?, ?> child
                    ? listOrMap(toLists((Map<String, Object>) child))
                    : value));
    return result;
  }

  private static Object listOrMap(Map<String, Object> map) {
    if (map.isEmpty() || !map.keySet().stream().allMatch(k -> k.matches("\\[\\d+]"))) {
      return map;
    }
    TreeMap<Integer, Object> byIndex = new TreeMap<>();
    map.forEach(
        (key, value) -> byIndex.put(Integer.parseInt(key.substring(1, key.length() - 1)), value));
    return new ArrayList<>(byIndex.values());
  }

  /** Lays {@code top} over {@code base}: maps merge key by key, anything else is replaced. */
  @SuppressWarnings("unchecked")
  private static void overlay(Map<String, Object> base, Map<String, Object> top) {
    top.forEach(
        (key, value) -> {
          Object existing = base.get(key);
          if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
            overlay((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
          } else {
            base.put(key, value);
          }
        });
  }
}
