package io.loopdesk.sla;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable SLA policy: targets per metric, priority and category, the statuses that pause clocks,
 * and the warning thresholds. Thread-safe.
 *
 * <p>Target lookup for (metric, priority, category), most specific first: a rule for that priority
 * and category; a rule for the category (any priority); a rule for the priority (any category); a
 * rule for the metric alone. The first rule found wins, and a rule may say "no target" ({@link
 * Builder#noTarget}).
 *
 * <p>OLA targets ({@link SlaMetric#OLA}) are per team (the ticket's department): for (team,
 * priority), a rule for that team and priority wins over a rule for the team alone; a team without
 * a rule has no OLA clock.
 *
 * <p>{@link #standard()} follows the after-sales standard, all on the desk's default calendar
 * ({@link SlaTarget#DEFAULT_CALENDAR}): resolution P0 24 h, P1 48 h, P2 72 h, P3 none (next
 * improvement cycle); callback P0/P1 24 h, P2 48 h, P3 72 h; first response for consultations 10
 * minutes and for complaints 2 hours; clocks pause while waiting on the customer or a third party;
 * warnings at 75% and 90% of the target.
 *
 * <p>The default calendar is the one {@link CalendarRegistry#defaultCalendar()} names: the only
 * calendar registered, or the one named with {@link
 * CalendarRegistry.Builder#defaultCalendar(String)} when there are several. With several calendars
 * and none named, {@link SlaTracker.Builder#build()} rejects a policy that uses the default
 * calendar instead of guessing one. A registry to which no calendar was added has only the built-in
 * {@code 24x7}, and then that is the default.
 */
public final class SlaPolicy {

  private final Map<RuleKey, Optional<SlaTarget>> rules;
  private final Map<OlaKey, SlaTarget> olaRules;
  private final Set<TicketStatus> pausingStatuses;
  private final List<Double> warningThresholds;

  private SlaPolicy(Builder builder) {
    this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(builder.rules));
    this.olaRules = Collections.unmodifiableMap(new LinkedHashMap<>(builder.olaRules));
    this.pausingStatuses = Set.copyOf(builder.pausingStatuses);
    this.warningThresholds = List.copyOf(builder.warningThresholds);
  }

  /** An empty builder: no targets, no pausing statuses, warnings at 75% and 90%. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The after-sales defaults described in the class documentation, on the desk's default calendar.
   */
  /**
   * The after-sales defaults, under the name every preset had before presets were named {@code
   * standard()}.
   *
   * @deprecated use {@link #standard()}, the one name for presets
   */
  @Deprecated(forRemoval = true)
  public static SlaPolicy defaults() {
    return standard();
  }

  public static SlaPolicy standard() {
    return builder()
        .target(
            SlaMetric.RESOLUTION, Priority.P0, SlaTarget.onDefaultCalendar(Duration.ofHours(24)))
        .target(
            SlaMetric.RESOLUTION, Priority.P1, SlaTarget.onDefaultCalendar(Duration.ofHours(48)))
        .target(
            SlaMetric.RESOLUTION, Priority.P2, SlaTarget.onDefaultCalendar(Duration.ofHours(72)))
        .noTarget(SlaMetric.RESOLUTION, Priority.P3)
        .target(SlaMetric.CALLBACK, Priority.P0, SlaTarget.onDefaultCalendar(Duration.ofHours(24)))
        .target(SlaMetric.CALLBACK, Priority.P1, SlaTarget.onDefaultCalendar(Duration.ofHours(24)))
        .target(SlaMetric.CALLBACK, Priority.P2, SlaTarget.onDefaultCalendar(Duration.ofHours(48)))
        .target(SlaMetric.CALLBACK, Priority.P3, SlaTarget.onDefaultCalendar(Duration.ofHours(72)))
        .target(
            SlaMetric.FIRST_RESPONSE,
            Category.CONSULTATION,
            SlaTarget.onDefaultCalendar(Duration.ofMinutes(10)))
        .target(
            SlaMetric.FIRST_RESPONSE,
            Category.COMPLAINT,
            SlaTarget.onDefaultCalendar(Duration.ofHours(2)))
        .pausingStatuses(
            Set.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_THIRD_PARTY))
        .build();
  }

  /** A builder pre-filled with this policy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.rules.putAll(rules);
    builder.olaRules.putAll(olaRules);
    builder.pausingStatuses = pausingStatuses;
    builder.warningThresholds = warningThresholds;
    return builder;
  }

  /**
   * The target for a metric, priority and category, or empty when the metric is not tracked for
   * them.
   */
  public Optional<SlaTarget> target(SlaMetric metric, Priority priority, Category category) {
    Objects.requireNonNull(metric, "metric");
    for (RuleKey key :
        new RuleKey[] {
          new RuleKey(metric, priority, category),
          new RuleKey(metric, null, category),
          new RuleKey(metric, priority, null),
          new RuleKey(metric, null, null)
        }) {
      Optional<SlaTarget> rule = rules.get(key);
      if (rule != null) {
        return rule;
      }
    }
    return Optional.empty();
  }

  /**
   * The OLA target of a team for a priority: a rule for the team and priority, else a rule for the
   * team alone.
   *
   * @param team the ticket's department; null or unknown gives empty
   * @param priority the ticket's priority, null before classification (then only a rule for the
   *     team alone applies)
   */
  public Optional<SlaTarget> olaTarget(String team, Priority priority) {
    if (team == null) {
      return Optional.empty();
    }
    SlaTarget specific = priority == null ? null : olaRules.get(new OlaKey(team, priority));
    return Optional.ofNullable(specific != null ? specific : olaRules.get(new OlaKey(team, null)));
  }

  /** The teams with an OLA rule, sorted. */
  public Set<String> olaTeams() {
    Set<String> teams = new java.util.TreeSet<>();
    olaRules.keySet().forEach(key -> teams.add(key.team()));
    return teams;
  }

  /** Statuses in which running clocks pause. */
  public Set<TicketStatus> pausingStatuses() {
    return pausingStatuses;
  }

  /** Fractions of a target, ascending, in (0, 1), at which a warning is emitted. */
  public List<Double> warningThresholds() {
    return warningThresholds;
  }

  /** Names of all calendars the targets refer to. */
  public Set<String> calendarNames() {
    Set<String> names = new java.util.TreeSet<>();
    rules.values().forEach(target -> target.ifPresent(t -> names.add(t.calendarName())));
    olaRules.values().forEach(t -> names.add(t.calendarName()));
    return names;
  }

  /**
   * This policy with every target on the default calendar moved to the registry's default calendar
   * by name.
   *
   * @throws SlaPolicyException when a target uses the default calendar and the registry has several
   *     calendars but names none as the default; the message says how to name one
   */
  SlaPolicy onDefaultCalendarOf(CalendarRegistry calendars) {
    boolean usesDefault =
        rules.values().stream()
                .anyMatch(rule -> rule.map(SlaTarget::usesDefaultCalendar).orElse(false))
            || olaRules.values().stream().anyMatch(SlaTarget::usesDefaultCalendar);
    if (!usesDefault) {
      return this;
    }
    BusinessCalendar calendar =
        calendars
            .defaultCalendar()
            .orElseThrow(
                () ->
                    new SlaPolicyException(
                        "calendarName",
                        SlaTarget.DEFAULT_CALENDAR,
                        "targets run on the desk's default calendar, but the registry has several"
                            + " calendars "
                            + calendars.names()
                            + " and names none as the default; name one with"
                            + " CalendarRegistry.builder().add(...).defaultCalendar(\"<name>\").build(), or give every target its"
                            + " calendar explicitly with SlaTarget.on(\"<name>\", duration)"));
    Builder resolved = toBuilder();
    rules.forEach(
        (key, rule) ->
            rule.filter(SlaTarget::usesDefaultCalendar)
                .ifPresent(
                    target ->
                        resolved.rules.put(
                            key, Optional.of(SlaTarget.on(calendar.name(), target.duration())))));
    olaRules.forEach(
        (key, target) -> {
          if (target.usesDefaultCalendar()) {
            resolved.olaRules.put(key, SlaTarget.on(calendar.name(), target.duration()));
          }
        });
    return resolved.build();
  }

  @Override
  public String toString() {
    return "SlaPolicy[rules="
        + rules
        + (olaRules.isEmpty() ? "" : ", ola=" + olaRules)
        + ", pausing="
        + pausingStatuses
        + ", warnings="
        + warningThresholds
        + "]";
  }

  private record RuleKey(SlaMetric metric, Priority priority, Category category) {}

  private record OlaKey(String team, Priority priority) {}

  /** Builds an {@link SlaPolicy}. Not thread-safe. */
  public static final class Builder {
    private final Map<RuleKey, Optional<SlaTarget>> rules = new LinkedHashMap<>();
    private final Map<OlaKey, SlaTarget> olaRules = new LinkedHashMap<>();
    private Set<TicketStatus> pausingStatuses = Set.of();
    private List<Double> warningThresholds = List.of(0.75, 0.90);

    private Builder() {}

    /**
     * Sets the target for a metric, priority and category; either of the last two may be null for
     * "any".
     */
    public Builder target(
        SlaMetric metric, Priority priority, Category category, SlaTarget target) {
      if (metric == null) {
        throw new SlaPolicyException("metric", null, "a rule needs a metric");
      }
      if (target == null) {
        throw new SlaPolicyException("target", null, "use noTarget(...) to switch a metric off");
      }
      requireCustomerFacing(metric);
      rules.put(new RuleKey(metric, priority, category), Optional.of(target));
      return this;
    }

    /** Sets the target for a metric and priority, any category. */
    public Builder target(SlaMetric metric, Priority priority, SlaTarget target) {
      return target(metric, requirePriority(priority), null, target);
    }

    /** Sets the target for a metric and category, any priority. */
    public Builder target(SlaMetric metric, Category category, SlaTarget target) {
      return target(metric, null, requireCategory(category), target);
    }

    /**
     * Declares that a metric is not tracked for a priority (any category unless a category rule
     * says otherwise).
     */
    public Builder noTarget(SlaMetric metric, Priority priority) {
      if (metric == null) {
        throw new SlaPolicyException("metric", null, "a rule needs a metric");
      }
      requireCustomerFacing(metric);
      rules.put(new RuleKey(metric, requirePriority(priority), null), Optional.empty());
      return this;
    }

    /**
     * Sets a team's OLA target for every priority without a rule of its own.
     *
     * @param team the department name as on the ticket's assignment, 1 to 200 characters
     * @throws SlaPolicyException when the team is blank or too long, or the target is null
     */
    public Builder ola(String team, SlaTarget target) {
      return putOla(team, null, target);
    }

    /**
     * Sets a team's OLA target for one priority.
     *
     * @throws SlaPolicyException when the team is blank or too long, or the priority or target is
     *     null
     */
    public Builder ola(String team, Priority priority, SlaTarget target) {
      return putOla(team, requirePriority(priority), target);
    }

    private Builder putOla(String team, Priority priority, SlaTarget target) {
      if (team == null || team.isBlank() || team.length() > 200) {
        throw new SlaPolicyException(
            "team", team, "an OLA needs a team name of 1 to 200 characters");
      }
      if (target == null) {
        throw new SlaPolicyException("target", null, "an OLA needs a target");
      }
      olaRules.put(new OlaKey(team, priority), target);
      return this;
    }

    private static void requireCustomerFacing(SlaMetric metric) {
      if (metric == SlaMetric.OLA) {
        throw new SlaPolicyException(
            "metric", metric, "OLA targets are per team: use ola(team, ...)");
      }
    }

    /** Replaces the statuses in which running clocks pause. */
    public Builder pausingStatuses(Set<TicketStatus> statuses) {
      if (statuses == null || statuses.stream().anyMatch(java.util.Objects::isNull)) {
        throw new SlaPolicyException("pausingStatuses", statuses, "must be a set without null");
      }
      for (TicketStatus status : statuses) {
        if (status.equals(TicketStatus.CLOSED)) {
          throw new SlaPolicyException(
              "pausingStatuses", status, "a closed ticket stops its clocks; it cannot pause");
        }
      }
      this.pausingStatuses = Set.copyOf(statuses);
      return this;
    }

    /**
     * Replaces the warning thresholds: fractions of the target in (0, 1), strictly ascending; may
     * be empty.
     */
    public Builder warningThresholds(double... thresholds) {
      List<Double> list = new ArrayList<>();
      for (int i = 0; i < thresholds.length; i++) {
        double t = thresholds[i];
        if (!(t > 0 && t < 1)) {
          throw new SlaPolicyException(
              "warningThresholds[" + i + "]", t, "must lie strictly between 0 and 1");
        }
        if (i > 0 && t <= thresholds[i - 1]) {
          throw new SlaPolicyException(
              "warningThresholds[" + i + "]", t, "thresholds must be strictly ascending");
        }
        list.add(t);
      }
      this.warningThresholds = List.copyOf(list);
      return this;
    }

    /** Builds the policy. */
    public SlaPolicy build() {
      return new SlaPolicy(this);
    }

    private static Priority requirePriority(Priority priority) {
      if (priority == null) {
        throw new SlaPolicyException("priority", null, "a priority is required");
      }
      return priority;
    }

    private static Category requireCategory(Category category) {
      if (category == null) {
        throw new SlaPolicyException("category", null, "a category is required");
      }
      return category;
    }
  }
}
