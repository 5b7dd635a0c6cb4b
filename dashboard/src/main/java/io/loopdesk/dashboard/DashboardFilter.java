package io.loopdesk.dashboard;

import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * What a dashboard shows: tickets of one period, optionally narrowed to one department, agent,
 * channel, category and priority (each matched against the ticket's latest value, as the KPIs slice
 * them). Read from and written to the page's URL query string. Immutable and thread-safe.
 *
 * @param department the department, or null for all
 * @param agent the agent, or null for all
 * @param channel the channel name, or null for all
 * @param category the category name, or null for all
 * @param priority the priority name ({@code P1}..), or null for all
 * @param period the period, never null
 */
public record DashboardFilter(
    String department,
    String agent,
    String channel,
    String category,
    String priority,
    Period period) {

  /** The longest filter value accepted, in characters. */
  public static final int MAX_VALUE_LENGTH = 100;

  /** Validates the filter. */
  public DashboardFilter {
    department = check("department", department);
    agent = check("agent", agent);
    channel = check("channel", channel);
    category = check("category", category);
    priority = check("priority", priority);
    Checks.notNull("period", period);
  }

  /** Returns the filter of the default view: everything of the last 7 days. */
  public static DashboardFilter all() {
    return new DashboardFilter(null, null, null, null, null, Period.LAST_7_DAYS);
  }

  /**
   * Reads a filter from query parameters; unknown parameters are ignored, blank ones mean "all".
   *
   * @param parameter returns a parameter's value, or null
   * @return the filter
   * @throws ValidationException naming the offending parameter
   */
  public static DashboardFilter parse(Function<String, String> parameter) {
    String period = blankToNull(parameter.apply("period"));
    return new DashboardFilter(
        parameter.apply("department"),
        parameter.apply("agent"),
        parameter.apply("channel"),
        parameter.apply("category"),
        parameter.apply("priority"),
        period == null ? Period.LAST_7_DAYS : Period.parse(period));
  }

  /**
   * Returns a copy with another agent.
   *
   * @param value the agent, or null for all
   * @return the filter
   */
  public DashboardFilter withAgent(String value) {
    return new DashboardFilter(department, value, channel, category, priority, period);
  }

  /**
   * Returns a copy with another department.
   *
   * @param value the department, or null for all
   * @return the filter
   */
  public DashboardFilter withDepartment(String value) {
    return new DashboardFilter(value, agent, channel, category, priority, period);
  }

  /** Returns the department filter, if any. */
  public Optional<String> departmentFilter() {
    return Optional.ofNullable(department);
  }

  /** Returns the agent filter, if any. */
  public Optional<String> agentFilter() {
    return Optional.ofNullable(agent);
  }

  /** Returns the set parameters in URL order, the period always. */
  public Map<String, String> parameters() {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "department", department);
    put(out, "agent", agent);
    put(out, "channel", channel);
    put(out, "category", category);
    put(out, "priority", priority);
    out.put("period", period.code());
    return out;
  }

  /** Returns the filter as a URL query string, e.g. {@code department=repair&period=7d}. */
  public String toQueryString() {
    StringJoiner joiner = new StringJoiner("&");
    parameters()
        .forEach((k, v) -> joiner.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return joiner.toString();
  }

  private static void put(Map<String, String> out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  private static String check(String field, String value) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    if (v.length() > MAX_VALUE_LENGTH) {
      throw ValidationException.tooLong(field, v.length(), MAX_VALUE_LENGTH);
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, v, "must not contain control characters");
    }
    return v;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
