package io.loopdesk.sla.calendar;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, thread-safe set of calendars by name, so that SLA policies can refer to calendars
 * such as {@code 24x7} or {@code business-hours}. The {@code 24x7} UTC calendar is always present
 * unless replaced.
 *
 * <p>The registry also knows the desk's default calendar, on which SLA targets without a calendar
 * of their own run (the name {@value #DEFAULT_NAME}, as in {@code SlaPolicy.standard()}): the
 * calendar named with {@link Builder#defaultCalendar(String)}; otherwise the only calendar added;
 * otherwise, when no calendar was added at all, the built-in {@code 24x7}. With several calendars
 * and none named there is no default, and nothing falls back to {@code 24x7}.
 */
public final class CalendarRegistry {

  /**
   * The reserved name by which SLA targets refer to the default calendar; no calendar may have it.
   */
  public static final String DEFAULT_NAME = "default";

  private static final String ROUND_THE_CLOCK = "24x7";

  private final Map<String, BusinessCalendar> calendars;
  private final BusinessCalendar defaultCalendar;

  private CalendarRegistry(
      Map<String, BusinessCalendar> calendars, BusinessCalendar defaultCalendar) {
    this.calendars = Map.copyOf(calendars);
    this.defaultCalendar = defaultCalendar;
  }

  /** A builder, pre-filled with the {@code 24x7} calendar. */
  public static Builder builder() {
    return new Builder();
  }

  /** A registry holding the given calendars plus {@code 24x7} unless one of them has that name. */
  public static CalendarRegistry of(BusinessCalendar... calendars) {
    Builder builder = builder();
    for (BusinessCalendar calendar : calendars) {
      builder.add(calendar);
    }
    return builder.build();
  }

  /**
   * The calendar with the given name.
   *
   * @throws CalendarDefinitionException {@code UNKNOWN_OR_DUPLICATE_NAME} when there is none
   */
  public BusinessCalendar get(String name) {
    BusinessCalendar calendar = name == null ? null : calendars.get(name);
    if (calendar == null) {
      throw new CalendarDefinitionException(
          Problem.UNKNOWN_OR_DUPLICATE_NAME,
          "calendar",
          name,
          "no calendar with this name; known: " + calendars.keySet());
    }
    return calendar;
  }

  /**
   * The desk's default calendar: the one named with {@link Builder#defaultCalendar(String)}, else
   * the only calendar added, else the built-in {@code 24x7} when none was added; empty when several
   * calendars were added and none was named.
   */
  public Optional<BusinessCalendar> defaultCalendar() {
    return Optional.ofNullable(defaultCalendar);
  }

  /** The calendar with the given name, if present. */
  public Optional<BusinessCalendar> find(String name) {
    return Optional.ofNullable(name == null ? null : calendars.get(name));
  }

  /** The registered names. */
  public Set<String> names() {
    return calendars.keySet();
  }

  /**
   * Collects calendars; a name may be added once (besides replacing the default {@code 24x7}). Not
   * thread-safe.
   */
  public static final class Builder {
    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    private final List<String> added = new ArrayList<>();
    private boolean defaultRoundTheClock = true;
    private String defaultName;

    private Builder() {
      calendars.put(ROUND_THE_CLOCK, BusinessCalendar.twentyFourSeven());
    }

    /**
     * Adds a calendar.
     *
     * @throws CalendarDefinitionException {@code UNKNOWN_OR_DUPLICATE_NAME} when the name is taken
     *     or is the reserved {@value #DEFAULT_NAME}
     */
    public Builder add(BusinessCalendar calendar) {
      if (calendar == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "calendar", null, "calendar is null");
      }
      if (calendar.name().equals(DEFAULT_NAME)) {
        throw new CalendarDefinitionException(
            Problem.UNKNOWN_OR_DUPLICATE_NAME,
            "name",
            DEFAULT_NAME,
            "'"
                + DEFAULT_NAME
                + "' refers to the default calendar; give the calendar its own name and"
                + " make it the default with defaultCalendar(name)");
      }
      boolean replacesDefault = calendar.name().equals(ROUND_THE_CLOCK) && defaultRoundTheClock;
      if (calendars.containsKey(calendar.name()) && !replacesDefault) {
        throw new CalendarDefinitionException(
            Problem.UNKNOWN_OR_DUPLICATE_NAME,
            "name",
            calendar.name(),
            "a calendar with this name was already added");
      }
      if (replacesDefault) {
        defaultRoundTheClock = false;
      }
      calendars.put(calendar.name(), calendar);
      added.add(calendar.name());
      return this;
    }

    /**
     * Names the desk's default calendar, on which SLA targets without a calendar of their own run;
     * needed when several calendars are added. The calendar must be added before {@link #build()}.
     */
    public Builder defaultCalendar(String name) {
      if (name == null || name.isBlank()) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "defaultCalendar", name, "name one of the registered calendars");
      }
      this.defaultName = name;
      return this;
    }

    /**
     * Builds the registry.
     *
     * @throws CalendarDefinitionException {@code UNKNOWN_OR_DUPLICATE_NAME} when the named default
     *     calendar was not added
     */
    public CalendarRegistry build() {
      BusinessCalendar defaultCalendar;
      if (defaultName != null) {
        defaultCalendar = calendars.get(defaultName);
        if (defaultCalendar == null) {
          throw new CalendarDefinitionException(
              Problem.UNKNOWN_OR_DUPLICATE_NAME,
              "defaultCalendar",
              defaultName,
              "the default calendar must be one of the registered calendars " + calendars.keySet());
        }
      } else if (added.size() == 1) {
        defaultCalendar = calendars.get(added.get(0));
      } else if (added.isEmpty()) {
        defaultCalendar = calendars.get(ROUND_THE_CLOCK);
      } else {
        defaultCalendar = null;
      }
      return new CalendarRegistry(calendars, defaultCalendar);
    }
  }
}
