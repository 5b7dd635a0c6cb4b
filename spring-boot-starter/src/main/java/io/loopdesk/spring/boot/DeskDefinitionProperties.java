package io.loopdesk.spring.boot;

import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.DeskDefinitionException;
import io.loopdesk.routing.RoutingInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads the desk definition from the application's properties: every key under {@code loopdesk.} except the
 * starter's own ({@code enabled, store, monitor, health, metrics, cluster}) and those of the optional
 * {@code loopdesk-dashboard} module ({@code dashboard}), rebuilt into the nested maps and
 * lists of {@link DeskDefinition#fromMap}. Keys keep the spelling of {@link DeskDefinition}'s format
 * ({@code defaultCalendar}, {@code closedLoop.minimumRating}); the kebab-case spelling an IDE completes
 * ({@code default-calendar}) is accepted too, except for keys that are names (calendars, departments, users).
 *
 * <p>Property sources are layered as Spring layers them: a source of higher precedence (a profile's file, a
 * system property) overrides single values and replaces whole lists, and maps merge key by key. Placeholders
 * in text values are resolved; an empty text is an empty list, as Spring flattens {@code []} to it; a number or
 * {@code true}/{@code false} written as text (a {@code .properties} file, the command line) becomes one, as in
 * YAML. Stateless and thread-safe.
 */
public final class DeskDefinitionProperties {

  /**
   * The top-level keys under {@code loopdesk.} that configure the starter (or the dashboard module built on it)
   * rather than the desk.
   */
  public static final Set<String> STARTER_KEYS = Set.of("enabled", "store", "monitor", "health", "metrics",
      "cluster", "dashboard");

  private static final String PREFIX = LoopdeskProperties.PREFIX + ".";
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})\\.[0-9]{0,8}[1-9]");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
  /** Paths (from the definition's root) of maps whose keys are names chosen by the user. */
  private static final Set<List<String>> NAMED_ENTRIES = Set.of(List.of("calendars"), List.of("escalation", "chains"),
      List.of("access", "users"));

  private DeskDefinitionProperties() {
  }

  /**
   * Reads the desk definition from the environment.
   *
   * @param environment the application's environment
   * @param predicates  the predicates routing rules may name ({@code Map.of()} for none)
   * @return the definition; empty sections keep the defaults
   * @throws LoopdeskConfigurationException naming the property ({@code loopdesk.calendars.office.zone}) of
   *     the first problem
   */
  public static DeskDefinition read(ConfigurableEnvironment environment,
      Map<String, Predicate<RoutingInput>> predicates) {
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
      if (sources.get(i) instanceof EnumerablePropertySource<?> enumerable
          && !"configurationProperties".equals(enumerable.getName())) {
        Map<String, Object> layer = new LinkedHashMap<>();
        for (String name : enumerable.getPropertyNames()) {
          if (name.startsWith(PREFIX)) {
            put(layer, segments(name.substring(PREFIX.length())), value(environment, enumerable.getProperty(name)));
          }
        }
        overlay(merged, toLists(layer));
      }
    }
    return merged;
  }

  private static Object value(ConfigurableEnvironment environment, Object raw) {
    Object value = raw instanceof OriginTrackedValue tracked ? tracked.getValue() : raw;
    if (value instanceof CharSequence text) {
      // Spring flattens an empty YAML list ("SATURDAY: []") to an empty text
      return text.length() == 0 ? List.of() : typed(environment.resolvePlaceholders(text.toString()));
    }
    return value;
  }

  /**
   * Gives a number or boolean written as text (in a .properties file, on the command line) its type, as YAML
   * would; only canonical spellings, so that the text reads back the same ({@code 007} stays text).
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

  /** Splits {@code a.b[0].c} and {@code a[x.y]} into their segments; an index stays {@code [n]}. */
  private static List<String> segments(String name) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      if (c == '.') {
        flush(segments, current);
        i++;
      } else if (c == '[') {
        flush(segments, current);
        int end = name.indexOf(']', i);
        if (end < 0) {
          current.append(name, i, name.length());
          break;
        }
        String inside = name.substring(i + 1, end);
        segments.add(inside.chars().allMatch(Character::isDigit) && !inside.isEmpty() ? "[" + inside + "]" : inside);
        i = end + 1;
      } else {
        current.append(c);
        i++;
      }
    }
    flush(segments, current);
    return segments;
  }

  private static void flush(List<String> segments, StringBuilder current) {
    if (current.length() > 0) {
      segments.add(current.toString());
      current.setLength(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> segments, Object value) {
    if (segments.isEmpty() || STARTER_KEYS.contains(segments.get(0))) {
      return;
    }
    Map<String, Object> node = root;
    List<String> path = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      String key = key(path, segments.get(i));
      path.add(key);
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

  /** Turns a kebab-case key into the definition's camelCase unless it names something. */
  private static String key(List<String> parentPath, String segment) {
    if (segment.startsWith("[") || NAMED_ENTRIES.contains(parentPath) || !KEBAB.matcher(segment).matches()) {
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

  /** Replaces every map whose keys are all indices {@code [n]} by a list in index order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> toLists(Map<String, Object> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(key, value instanceof Map<?, ?> child
        ? listOrMap(toLists((Map<String, Object>) child)) : value));
    return result;
  }

  private static Object listOrMap(Map<String, Object> map) {
    if (map.isEmpty() || !map.keySet().stream().allMatch(k -> k.matches("\\[\\d+]"))) {
      return map;
    }
    TreeMap<Integer, Object> byIndex = new TreeMap<>();
    map.forEach((key, value) -> byIndex.put(Integer.parseInt(key.substring(1, key.length() - 1)), value));
    return new ArrayList<>(byIndex.values());
  }

  /** Lays {@code top} over {@code base}: maps merge key by key, anything else is replaced. */
  @SuppressWarnings("unchecked")
  private static void overlay(Map<String, Object> base, Map<String, Object> top) {
    top.forEach((key, value) -> {
      Object existing = base.get(key);
      if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
        overlay((Map<String, Object>) existingMap, (Map<String, Object>) valueMap);
      } else {
        base.put(key, value);
      }
    });
  }
}
