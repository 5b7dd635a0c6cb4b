package io.loopdesk.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of business-time arithmetic over random calendars: random weekly intervals (including
 * shifts crossing midnight), random holidays, part-day overrides and make-up days, and random zones
 * including daylight-saving zones with one-hour and half-hour shifts. Windows are placed around DST
 * transitions.
 */
class BusinessCalendarProperties {

  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Asia/Shanghai",
          "America/New_York",
          "Europe/London",
          "Australia/Lord_Howe",
          "America/St_Johns",
          "Asia/Kolkata",
          "Europe/Berlin");

  /** Dates near daylight-saving transitions in 2026 for the zones above, plus ordinary dates. */
  private static final List<LocalDate> BASES =
      List.of(
          LocalDate.of(2026, 3, 5),
          LocalDate.of(2026, 3, 26),
          LocalDate.of(2026, 4, 2),
          LocalDate.of(2026, 10, 1),
          LocalDate.of(2026, 10, 22),
          LocalDate.of(2026, 10, 29),
          LocalDate.of(2026, 6, 15),
          LocalDate.of(2026, 12, 24));

  private static final int WINDOW_DAYS = 28;

  @Provide
  Arbitrary<CalendarSpec> calendars() {
    Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
    Arbitrary<Boolean> roundTheClock = Arbitraries.integers().between(0, 9).map(i -> i == 0);
    Arbitrary<Integer> dayStart = Arbitraries.of(0, 60, 90, 120, 180);
    Arbitrary<List<List<int[]>>> days = dayHours().list().ofSize(7);
    Arbitrary<List<int[]>> overrideSeeds =
        Arbitraries.integers().between(0, 40).array(int[].class).ofSize(3).list().ofMaxSize(5);
    Arbitrary<List<List<int[]>>> overrideHours = dayHours().list().ofSize(5);
    return Combinators.combine(zones, roundTheClock, dayStart, days, overrideSeeds, overrideHours)
        .as(BusinessCalendarProperties::spec);
  }

  /**
   * 0..3 sorted, disjoint intervals with boundaries on a 15-minute grid within 24 hours; {@link
   * #spec} shifts them by the calendar's day start so that shifts may cross midnight without
   * overlapping the next day.
   */
  private static Arbitrary<List<int[]>> dayHours() {
    return Arbitraries.integers()
        .between(0, 96)
        .set()
        .ofMaxSize(6)
        .map(
            set -> {
              List<Integer> cuts = new ArrayList<>(set);
              cuts.sort(null);
              List<int[]> hours = new ArrayList<>();
              for (int i = 0; i + 1 < cuts.size(); i += 2) {
                hours.add(new int[] {cuts.get(i) * 15, cuts.get(i + 1) * 15});
              }
              return hours;
            });
  }

  private static List<int[]> shift(List<int[]> hours, int dayStart) {
    return hours.stream()
        .map(h -> new int[] {h[0] + dayStart, h[1] + dayStart})
        .filter(h -> h[0] < 1440)
        .toList();
  }

  private static CalendarSpec spec(
      ZoneId zone,
      boolean roundTheClock,
      int dayStart,
      List<List<int[]>> days,
      List<int[]> overrideSeeds,
      List<List<int[]>> overrideHours) {
    Map<DayOfWeek, List<int[]>> weekly = new EnumMap<>(DayOfWeek.class);
    boolean any = false;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<int[]> hours =
          roundTheClock ? List.of(new int[] {0, 1440}) : shift(days.get(day.ordinal()), dayStart);
      weekly.put(day, hours);
      any |= !hours.isEmpty();
    }
    if (!any) {
      weekly.put(DayOfWeek.MONDAY, List.of(new int[] {540, 1020}));
    }
    List<CalendarSpec.OverrideSpec> overrides = new ArrayList<>();
    LocalDate origin = BASES.get(0).withDayOfYear(1);
    for (int i = 0; i < overrideSeeds.size(); i++) {
      int[] seed = overrideSeeds.get(i);
      LocalDate from = BASES.get(seed[0] % BASES.size()).plusDays(seed[1] % 20 - 3);
      int length = 1 + seed[2] % 4;
      List<int[]> hours = seed[2] % 2 == 0 ? List.of() : overrideHours.get(i);
      hours =
          roundTheClock
              ? hours.stream().filter(h -> h[1] <= 1440).toList()
              : shift(hours, dayStart);
      CalendarSpec.OverrideSpec candidate = new CalendarSpec.OverrideSpec(from, length, hours);
      boolean clashes =
          overrides.stream()
              .anyMatch(
                  o -> !candidate.from().isAfter(o.to()) && !o.from().isAfter(candidate.to()));
      if (!clashes && !from.isBefore(origin)) {
        overrides.add(candidate);
      }
    }
    return new CalendarSpec(zone, weekly, overrides);
  }

  @Property(tries = 250)
  void addAndBetweenAgreeWithMinuteSteppingReference(
      @ForAll("calendars") CalendarSpec spec,
      @ForAll @IntRange(max = 7) int baseIndex,
      @ForAll @IntRange(max = 14 * 1440) int startMinute,
      @ForAll @DoubleRange(max = 1.0) double fraction,
      @ForAll @IntRange(max = 14 * 1440) int otherMinute) {
    BusinessCalendar calendar = spec.toCalendar();
    LocalDate base = BASES.get(baseIndex);
    ReferenceCalendar reference = new ReferenceCalendar(spec, base, WINDOW_DAYS);
    Instant t = base.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(startMinute * 60L);
    Instant other = base.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(otherMinute * 60L);
    Instant horizon =
        base.atStartOfDay(ZoneId.of("UTC")).toInstant().plus(Duration.ofDays(WINDOW_DAYS));

    assertEquals(reference.isWorkingTime(t), calendar.isWorkingTime(t), "isWorkingTime " + t);
    assertEquals(
        t.isBefore(other) ? reference.between(t, other) : reference.between(other, t).negated(),
        calendar.between(t, other),
        "between " + t + " " + other);

    Instant next = reference.nextWorkingInstant(t);
    if (next != null && next.isBefore(horizon)) {
      assertEquals(next, calendar.nextWorkingInstant(t), "nextWorkingInstant " + t);
    }

    long available = reference.between(t, horizon).toMinutes();
    Duration d = Duration.ofMinutes((long) Math.floor(available * fraction));
    assertEquals(reference.add(t, d), calendar.add(t, d), "add " + t + " " + d);
  }

  @Property(tries = 300)
  void addIsAdditive(
      @ForAll("calendars") CalendarSpec spec,
      @ForAll @IntRange(max = 7) int baseIndex,
      @ForAll @LongRange(max = 40L * 86_400) long startSecond,
      @ForAll @LongRange(max = 2L * 365 * 86_400_000_000_000L) long aNanos,
      @ForAll @LongRange(max = 30L * 86_400_000_000_000L) long bNanos) {
    BusinessCalendar calendar = spec.toCalendar();
    Instant t =
        BASES.get(baseIndex).atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(startSecond);
    Duration a = Duration.ofNanos(aNanos);
    Duration b = Duration.ofNanos(bNanos);
    assertEquals(calendar.add(t, a.plus(b)), calendar.add(calendar.add(t, a), b));
  }

  @Property(tries = 300)
  void betweenInvertsAddAndDeadlinesLandInWorkingTimeOrAtAnIntervalEnd(
      @ForAll("calendars") CalendarSpec spec,
      @ForAll @IntRange(max = 7) int baseIndex,
      @ForAll @LongRange(max = 40L * 86_400_000_000_000L) long startNanos,
      @ForAll @LongRange(min = 1, max = 400L * 86_400_000_000_000L) long durationNanos) {
    BusinessCalendar calendar = spec.toCalendar();
    Instant t =
        BASES.get(baseIndex).atStartOfDay(ZoneId.of("UTC")).toInstant().plusNanos(startNanos);
    Duration d = Duration.ofNanos(durationNanos);
    Instant deadline = calendar.add(t, d);
    assertEquals(d, calendar.between(t, deadline));
    assertEquals(d.negated(), calendar.between(deadline, t));
    boolean inWorkingTime = calendar.isWorkingTime(deadline);
    boolean atIntervalEnd = !inWorkingTime && calendar.isWorkingTime(deadline.minusNanos(1));
    assertTrue(inWorkingTime || atIntervalEnd, "deadline " + deadline);
    assertTrue(
        calendar.isWorkingTime(deadline.minusNanos(1)), "earliest: the instant before is consumed");
  }

  @Property(tries = 300)
  void betweenIsAdditiveAndNextWorkingInstantSkipsNoWorkingTime(
      @ForAll("calendars") CalendarSpec spec,
      @ForAll @IntRange(max = 7) int baseIndex,
      @ForAll @LongRange(max = 400L * 86_400_000_000_000L) long aNanos,
      @ForAll @LongRange(max = 400L * 86_400_000_000_000L) long bNanos,
      @ForAll @LongRange(max = 400L * 86_400_000_000_000L) long cNanos) {
    BusinessCalendar calendar = spec.toCalendar();
    Instant base = BASES.get(baseIndex).atStartOfDay(ZoneId.of("UTC")).toInstant();
    Instant a = base.plusNanos(aNanos);
    Instant b = base.plusNanos(bNanos);
    Instant c = base.plusNanos(cNanos);
    assertEquals(calendar.between(a, c), calendar.between(a, b).plus(calendar.between(b, c)));
    Instant next = calendar.nextWorkingInstant(a);
    assertTrue(calendar.isWorkingTime(next), "next working instant " + next);
    assertEquals(java.time.Duration.ZERO, calendar.between(a, next));
    assertTrue(!next.isBefore(a));
  }

  @Property(tries = 200)
  void addWorkingDaysCountsWorkingDates(
      @ForAll("calendars") CalendarSpec spec,
      @ForAll @IntRange(max = 7) int baseIndex,
      @ForAll @LongRange(max = 20L * 86_400) long startSecond,
      @ForAll @IntRange(min = -15, max = 15) int n) {
    BusinessCalendar calendar = spec.toCalendar();
    Instant t =
        BASES.get(baseIndex).atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(startSecond);
    Instant result = calendar.addWorkingDays(t, n);
    LocalDate from = LocalDate.ofInstant(t, spec.zone());
    LocalDate to = LocalDate.ofInstant(result, spec.zone());
    int step = n >= 0 ? 1 : -1;
    int counted = 0;
    LocalDate d = from;
    while (counted < Math.abs(n)) {
      d = d.plusDays(step);
      if (spec.isWorkingDay(d)) {
        counted++;
      }
    }
    assertEquals(d, to);
    assertEquals(spec.isWorkingDay(d), calendar.isWorkingDay(d));
  }

  @Property(tries = 100)
  void jsonAndYamlDefinitionsRoundTrip(@ForAll("calendars") CalendarSpec spec) {
    BusinessCalendar calendar = spec.toCalendar();
    assertEquals(calendar, CalendarDefinitions.fromJson(CalendarDefinitions.toJson(calendar)));
    assertEquals(calendar, CalendarDefinitions.fromYaml(CalendarDefinitions.toYaml(calendar)));
  }
}
