package io.loopdesk.sla.calendar;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import io.loopdesk.sla.calendar.internal.CalendarEngine;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, thread-safe business calendar: a weekly schedule of working intervals, date
 * overrides (holidays, part-day holidays, make-up working days) and a time zone, with business-time
 * arithmetic on {@code java.time} types.
 *
 * <p>All operations cost O(log n) in the number of working intervals of a year, independent of the
 * span: working time is precomputed lazily per year and cached. Results are exact to the
 * nanosecond.
 *
 * <pre>{@code
 * BusinessCalendar cal = BusinessCalendar.builder("cn-office", ZoneId.of("Asia/Shanghai"))
 *     .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:30-18:00"))
 *     .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
 *     .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.MONDAY, "make-up day")
 *     .build();
 * Instant due = cal.add(createdAt, Duration.ofHours(16));
 * }</pre>
 *
 * <p>Public holidays: {@link Builder#publicHolidays(PublicHolidays)} lays a region's holidays and
 * make-up working days over the weekly schedule, e.g. {@link ChinaPublicHolidays#builtIn()}; the
 * calendar's own overrides win on the dates they cover. A question whose input or answer falls in a
 * year the data does not cover throws {@link HolidayCoverageException}, unless the calendar was
 * built with {@link PublicHolidays.BeyondCoverage#WEEKLY_HOURS}.
 *
 * <p>Semantics: a working interval includes its start and excludes its end. {@link #add} returns
 * the earliest instant at which the requested working time has elapsed, so a deadline that exhausts
 * an interval is that interval's end. A calendar whose weekly schedule is empty and whose overrides
 * add no working time in the searched direction throws {@link CalendarDefinitionException} with
 * {@code NO_WORKING_TIME} when a deadline is asked.
 */
public final class BusinessCalendar {

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<WorkingInterval>> weekly;
  private final NavigableMap<LocalDate, DateOverride> overrides;
  private final List<DateOverride> ownOverrides;
  private final PublicHolidays publicHolidays;
  private final PublicHolidays.BeyondCoverage beyondCoverage;
  private final CalendarEngine engine;

  private BusinessCalendar(
      Builder builder,
      NavigableMap<LocalDate, DateOverride> overrides,
      List<DateOverride> ownOverrides) {
    this.name = builder.name;
    this.zone = builder.zone;
    this.ownOverrides =
        ownOverrides.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList();
    this.publicHolidays = builder.publicHolidays;
    this.beyondCoverage = builder.beyondCoverage;
    EnumMap<DayOfWeek, List<WorkingInterval>> copy = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      copy.put(day, sortedCopy(builder.weekly.getOrDefault(day, List.of())));
    }
    this.weekly = Collections.unmodifiableMap(copy);
    this.overrides = Collections.unmodifiableNavigableMap(overrides);
    boolean weeklyHasWork = copy.values().stream().anyMatch(list -> !list.isEmpty());
    int firstYear = overrides.isEmpty() ? Integer.MAX_VALUE : overrides.firstKey().getYear();
    int lastYear =
        overrides.isEmpty()
            ? Integer.MIN_VALUE
            : overrides.values().stream().mapToInt(o -> o.to().getYear()).max().orElseThrow();
    this.engine =
        new CalendarEngine(name, zone, this::effectiveHours, weeklyHasWork, firstYear, lastYear);
  }

  /**
   * Starts a builder for a calendar with the given name and zone and, initially, no working time.
   */
  public static Builder builder(String name, ZoneId zone) {
    return new Builder(name).zone(zone);
  }

  /** A calendar that is open around the clock, named {@code 24x7}, in UTC. */
  public static BusinessCalendar twentyFourSeven() {
    return twentyFourSeven(ZoneOffset.UTC);
  }

  /** A calendar that is open around the clock, named {@code 24x7}, in the given zone. */
  public static BusinessCalendar twentyFourSeven(ZoneId zone) {
    return builder("24x7", zone).everyDay(WorkingInterval.allDay()).build();
  }

  /** A builder pre-filled with this calendar's definition. */
  public Builder toBuilder() {
    Builder b = new Builder(name).zone(zone);
    weekly.forEach((day, hours) -> b.weekly.put(day, new ArrayList<>(hours)));
    b.overrides.addAll(ownOverrides);
    b.publicHolidays = publicHolidays;
    b.beyondCoverage = beyondCoverage;
    return b;
  }

  /** The calendar's name, used to refer to it from SLA policies. */
  public String name() {
    return name;
  }

  /** The zone in which the working hours are read. */
  public ZoneId zone() {
    return zone;
  }

  /** The weekly working intervals of {@code day}, sorted by start; empty when closed. */
  public List<WorkingInterval> weeklyHours(DayOfWeek day) {
    return weekly.get(Objects.requireNonNull(day, "day"));
  }

  /** All date overrides, ordered by first date, including those taken from the public holidays. */
  public List<DateOverride> overrides() {
    return List.copyOf(overrides.values());
  }

  /** The calendar's own overrides, without those taken from the public holidays. */
  List<DateOverride> ownOverrides() {
    return ownOverrides;
  }

  /** What the calendar does in years its public holidays do not cover. */
  PublicHolidays.BeyondCoverage beyondCoverage() {
    return beyondCoverage;
  }

  /** The public holidays laid over the weekly schedule, if any. */
  public Optional<PublicHolidays> publicHolidays() {
    return Optional.ofNullable(publicHolidays);
  }

  /**
   * The effective working intervals that start on {@code date}: its override if any, else the
   * weekly hours.
   *
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover {@code
   *     date}
   */
  public List<WorkingInterval> hoursOn(LocalDate date) {
    requireCovered(Objects.requireNonNull(date, "date"));
    return effectiveHours(date);
  }

  private List<WorkingInterval> effectiveHours(LocalDate date) {
    Map.Entry<LocalDate, DateOverride> entry = overrides.floorEntry(date);
    if (entry != null && entry.getValue().covers(date)) {
      return entry.getValue().hours();
    }
    return weekly.get(date.getDayOfWeek());
  }

  /**
   * True when at least one working interval (non-empty after daylight-saving adjustment) starts on
   * {@code date}.
   *
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover {@code
   *     date}
   */
  public boolean isWorkingDay(LocalDate date) {
    requireCovered(Objects.requireNonNull(date, "date"));
    return engine.isWorkingDay(date);
  }

  /**
   * True when {@code instant} is inside a working interval (start inclusive, end exclusive).
   *
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover its
   *     date
   */
  public boolean isWorkingTime(Instant instant) {
    return engine.isWorkingTime(requireCovered(Objects.requireNonNull(instant, "instant")));
  }

  /**
   * {@code instant} itself when it is working time, otherwise the start of the next working
   * interval.
   *
   * @throws CalendarDefinitionException {@code NO_WORKING_TIME} when there is no later working time
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover the
   *     date of {@code instant} or of the answer
   */
  public Instant nextWorkingInstant(Instant instant) {
    return requireCovered(
        engine.nextWorkingInstant(requireCovered(Objects.requireNonNull(instant, "instant"))));
  }

  /**
   * Adds business time: the earliest instant {@code r} such that {@code between(start, r)} equals
   * {@code duration}. Returns {@code start} unchanged for a zero duration.
   *
   * @throws IllegalArgumentException when {@code duration} is negative or longer than 200 years
   * @throws CalendarDefinitionException {@code NO_WORKING_TIME} when the calendar runs out of
   *     working time
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover the
   *     date of {@code start} or of the answer
   */
  public Instant add(Instant start, Duration duration) {
    return requireCovered(
        engine.add(
            requireCovered(Objects.requireNonNull(start, "start")),
            Objects.requireNonNull(duration, "duration")));
  }

  /**
   * The working time in {@code [from, to)}; negative when {@code to} is before {@code from}.
   *
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover both
   *     dates
   */
  public Duration between(Instant from, Instant to) {
    return engine.between(
        requireCovered(Objects.requireNonNull(from, "from")),
        requireCovered(Objects.requireNonNull(to, "to")));
  }

  /**
   * The same local time of day as {@code start} on the {@code days}-th working day after (positive)
   * or before (negative) the local date of {@code start}. The time of day is not moved into working
   * hours; combine with {@link #nextWorkingInstant} when needed. A wall-clock time that falls into
   * a daylight-saving gap is moved forward by the gap's length, as {@link java.time.ZonedDateTime}
   * does.
   *
   * @throws CalendarDefinitionException {@code NO_WORKING_TIME} when the calendar runs out of
   *     working days
   * @throws HolidayCoverageException when the calendar has public holidays that do not cover the
   *     date of {@code start} or of the answer
   */
  public Instant addWorkingDays(Instant start, int days) {
    return requireCovered(
        engine.addWorkingDays(requireCovered(Objects.requireNonNull(start, "start")), days));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BusinessCalendar that
        && name.equals(that.name)
        && zone.equals(that.zone)
        && weekly.equals(that.weekly)
        && overrides.equals(that.overrides)
        && Objects.equals(publicHolidays, that.publicHolidays)
        && beyondCoverage == that.beyondCoverage;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, zone, weekly, overrides, publicHolidays, beyondCoverage);
  }

  @Override
  public String toString() {
    return "BusinessCalendar["
        + name
        + ", "
        + zone
        + ", weekly="
        + weekly
        + ", overrides="
        + overrides.size()
        + (publicHolidays == null
            ? ""
            : ", publicHolidays=" + publicHolidays.region() + " " + publicHolidays.coverage())
        + "]";
  }

  private void requireCovered(LocalDate date) {
    if (publicHolidays != null && beyondCoverage == PublicHolidays.BeyondCoverage.FAIL) {
      publicHolidays.requireCovered(date);
    }
  }

  private Instant requireCovered(Instant instant) {
    if (publicHolidays != null && beyondCoverage == PublicHolidays.BeyondCoverage.FAIL) {
      publicHolidays.requireCovered(LocalDate.ofInstant(instant, zone));
    }
    return instant;
  }

  private static List<WorkingInterval> sortedCopy(List<WorkingInterval> hours) {
    return hours.stream().sorted(WorkingInterval.BY_START).toList();
  }

  /** Builds a {@link BusinessCalendar}; validation happens in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private ZoneId zone;
    private final EnumMap<DayOfWeek, List<WorkingInterval>> weekly = new EnumMap<>(DayOfWeek.class);
    private final List<DateOverride> overrides = new ArrayList<>();
    private final List<MadeUpDay> madeUpLike = new ArrayList<>();
    private PublicHolidays publicHolidays;
    private PublicHolidays.BeyondCoverage beyondCoverage = PublicHolidays.BeyondCoverage.FAIL;

    private Builder(String name) {
      name(name);
    }

    /** Sets the calendar name (non-blank). */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "name", name, "a calendar needs a name");
      }
      this.name = name;
      return this;
    }

    /** Sets the zone. */
    public Builder zone(ZoneId zone) {
      if (zone == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "zone", null, "a calendar needs a zone");
      }
      this.zone = zone;
      return this;
    }

    /**
     * Sets the zone from its id, e.g. {@code Asia/Shanghai}.
     *
     * @throws CalendarDefinitionException {@code UNKNOWN_ZONE} for an unknown or malformed id
     */
    public Builder zone(String zoneId) {
      if (zoneId == null || zoneId.isBlank()) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "zone", zoneId, "a calendar needs a zone");
      }
      try {
        return zone(ZoneId.of(zoneId));
      } catch (DateTimeException e) {
        throw new CalendarDefinitionException(
            Problem.UNKNOWN_ZONE,
            "zone",
            zoneId,
            "not a known time-zone id such as Asia/Shanghai or Europe/London",
            e);
      }
    }

    /** Replaces the working intervals of one weekday (no intervals: closed). */
    public Builder weekly(DayOfWeek day, WorkingInterval... hours) {
      return weekly(day, Arrays.asList(hours));
    }

    /** Replaces the working intervals of one weekday (empty: closed). */
    public Builder weekly(DayOfWeek day, List<WorkingInterval> hours) {
      if (day == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "weekly", null, "weekday is required");
      }
      weekly.put(day, checkedCopy(hours, "weekly." + day));
      return this;
    }

    /** Sets the same working intervals for Monday to Friday. */
    public Builder weekdays(WorkingInterval... hours) {
      for (DayOfWeek day :
          List.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY)) {
        weekly(day, hours);
      }
      return this;
    }

    /** Sets the same working intervals for all seven days. */
    public Builder everyDay(WorkingInterval... hours) {
      for (DayOfWeek day : DayOfWeek.values()) {
        weekly(day, hours);
      }
      return this;
    }

    /** Declares {@code date} a whole-day holiday. */
    public Builder holiday(LocalDate date, String label) {
      return override(new DateOverride(date, date, List.of(), label));
    }

    /** Declares every date in {@code [from, to]} a whole-day holiday, e.g. a holiday week. */
    public Builder holidays(LocalDate from, LocalDate to, String label) {
      return override(new DateOverride(from, to, List.of(), label));
    }

    /**
     * Gives {@code date} its own working hours: a part-day holiday or a make-up working day (调休).
     */
    public Builder workingDay(LocalDate date, String label, WorkingInterval... hours) {
      return override(
          new DateOverride(
              date, date, checkedCopy(Arrays.asList(hours), "overrides." + date), label));
    }

    /**
     * Makes {@code date} a working day with the weekly hours of {@code like} (resolved at {@link
     * #build()}).
     */
    public Builder workingDayLike(LocalDate date, DayOfWeek like, String label) {
      if (date == null || like == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE,
            date == null ? "date" : "like",
            null,
            "a make-up day needs a date and a weekday whose hours it takes");
      }
      madeUpLike.add(new MadeUpDay(date, like, label));
      return this;
    }

    /**
     * Lays public holidays over the weekly schedule: their holidays are closed, their make-up
     * working days work the hours of the first weekday, Monday to Friday, that has working hours
     * (none when no weekday has). The calendar's own overrides win on the dates they cover. A
     * question that reaches a year the data does not cover throws {@link HolidayCoverageException}.
     */
    public Builder publicHolidays(PublicHolidays holidays) {
      return publicHolidays(holidays, PublicHolidays.BeyondCoverage.FAIL);
    }

    /**
     * Like {@link #publicHolidays(PublicHolidays)}, choosing what happens in years the data does
     * not cover.
     */
    public Builder publicHolidays(PublicHolidays holidays, PublicHolidays.BeyondCoverage beyond) {
      if (holidays == null || beyond == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE,
            holidays == null ? "publicHolidays" : "beyondCoverage",
            null,
            "public holidays and what to do beyond their coverage are required");
      }
      this.publicHolidays = holidays;
      this.beyondCoverage = beyond;
      return this;
    }

    /** Adds a date override. */
    public Builder override(DateOverride override) {
      if (override == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, "overrides", null, "override is null");
      }
      overrides.add(override);
      return this;
    }

    /**
     * Validates the definition and builds the calendar.
     *
     * @throws CalendarDefinitionException naming the problem, field and value: overlapping
     *     intervals (also across midnight), conflicting overrides
     */
    public BusinessCalendar build() {
      List<DateOverride> own = new ArrayList<>(overrides);
      for (MadeUpDay like : madeUpLike) {
        LocalDate date = like.date();
        DayOfWeek day = like.hoursOf();
        List<WorkingInterval> hours = weekly.getOrDefault(day, List.of());
        if (hours.isEmpty()) {
          throw new CalendarDefinitionException(
              Problem.NO_WORKING_TIME,
              "overrides." + date + ".like",
              day.toString(),
              "a make-up day takes the hours of a weekday that has working hours");
        }
        own.add(new DateOverride(date, date, hours, like.label()));
      }
      List<DateOverride> all = new ArrayList<>(own);
      all.addAll(publicHolidayOverrides(own));
      for (DayOfWeek day : DayOfWeek.values()) {
        checkNoOverlap(sortedCopy(weekly.getOrDefault(day, List.of())), "weekly." + day);
      }
      for (DayOfWeek day : DayOfWeek.values()) {
        checkSpill(
            sortedCopy(weekly.getOrDefault(day, List.of())),
            sortedCopy(weekly.getOrDefault(day.plus(1), List.of())),
            "weekly." + day + "->" + day.plus(1));
      }
      TreeMap<LocalDate, DateOverride> byDate = new TreeMap<>();
      all.sort((a, b) -> a.from().compareTo(b.from()));
      DateOverride previous = null;
      for (DateOverride o : all) {
        if (previous != null && !o.from().isAfter(previous.to())) {
          throw new CalendarDefinitionException(
              Problem.CONFLICTING_OVERRIDES,
              "overrides." + o.from(),
              o.from() + ".." + o.to(),
              "overlaps the override " + previous.from() + ".." + previous.to());
        }
        checkNoOverlap(o.hours(), "overrides." + o.from());
        byDate.put(o.from(), o);
        previous = o;
      }
      BusinessCalendar calendar = new BusinessCalendar(this, byDate, own);
      for (DateOverride o : all) {
        LocalDate before = o.from().minusDays(1);
        checkSpill(calendar.effectiveHours(before), o.hours(), "overrides." + o.from());
        if (o.to().isAfter(o.from())) {
          checkSpill(o.hours(), o.hours(), "overrides." + o.from());
        }
        checkSpill(o.hours(), calendar.effectiveHours(o.to().plusDays(1)), "overrides." + o.to());
      }
      return calendar;
    }

    /**
     * The public holidays as overrides, leaving out the dates that the calendar's own overrides
     * cover.
     */
    private List<DateOverride> publicHolidayOverrides(List<DateOverride> own) {
      if (publicHolidays == null) {
        return List.of();
      }
      TreeMap<LocalDate, DateOverride> ownByDate = new TreeMap<>();
      own.forEach(o -> ownByDate.put(o.from(), o));
      List<WorkingInterval> workdayHours = List.of();
      for (DayOfWeek day :
          List.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY)) {
        List<WorkingInterval> hours = weekly.getOrDefault(day, List.of());
        if (!hours.isEmpty()) {
          workdayHours = hours;
          break;
        }
      }
      List<DateOverride> result = new ArrayList<>();
      for (PublicHolidays.Entry entry : publicHolidays.entries()) {
        boolean holiday = entry.kind() == PublicHolidays.Kind.HOLIDAY;
        if (!holiday && workdayHours.isEmpty()) {
          continue;
        }
        List<WorkingInterval> hours = holiday ? List.of() : workdayHours;
        LocalDate runStart = null;
        for (LocalDate d = entry.from(); !d.isAfter(entry.to()); d = d.plusDays(1)) {
          Map.Entry<LocalDate, DateOverride> mine = ownByDate.floorEntry(d);
          boolean ownCovers = mine != null && mine.getValue().covers(d);
          if (ownCovers && runStart != null) {
            result.add(new DateOverride(runStart, d.minusDays(1), hours, entry.label()));
            runStart = null;
          } else if (!ownCovers && runStart == null) {
            runStart = d;
          }
        }
        if (runStart != null) {
          result.add(new DateOverride(runStart, entry.to(), hours, entry.label()));
        }
      }
      return result;
    }

    /** A make-up working day whose hours are copied from a weekday when the calendar is built. */
    private record MadeUpDay(LocalDate date, DayOfWeek hoursOf, String label) {}

    private static List<WorkingInterval> checkedCopy(List<WorkingInterval> hours, String field) {
      if (hours == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE, field, null, "use an empty list for closed");
      }
      for (int i = 0; i < hours.size(); i++) {
        if (hours.get(i) == null) {
          throw new CalendarDefinitionException(
              Problem.MISSING_VALUE, field + "[" + i + "]", null, "working interval is null");
        }
      }
      return List.copyOf(hours);
    }

    private static void checkNoOverlap(List<WorkingInterval> sorted, String field) {
      for (int i = 1; i < sorted.size(); i++) {
        WorkingInterval before = sorted.get(i - 1);
        WorkingInterval current = sorted.get(i);
        if (current.startSecondOfDay() < before.endSecondOfDay()) {
          throw new CalendarDefinitionException(
              Problem.OVERLAPPING_INTERVALS,
              field,
              before + " and " + current,
              "working intervals of one day must not overlap");
        }
      }
    }

    private static void checkSpill(
        List<WorkingInterval> day, List<WorkingInterval> nextDay, String field) {
      if (day.isEmpty() || nextDay.isEmpty()) {
        return;
      }
      WorkingInterval last = day.get(day.size() - 1);
      long spill = last.endSecondOfDay() - 86_400L;
      WorkingInterval first = nextDay.get(0);
      if (spill > first.startSecondOfDay()) {
        throw new CalendarDefinitionException(
            Problem.OVERLAPPING_INTERVALS,
            field,
            last + " and " + first,
            "a shift crossing midnight overlaps the next day's first working interval");
      }
    }
  }
}
