package io.loopdesk.sla.calendar.internal;

import io.loopdesk.sla.calendar.CalendarDefinitionException;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Answers business-time questions for one calendar in time independent of the span length.
 *
 * <p>Working time is precomputed lazily, one local calendar year at a time ({@link YearBlock}): the
 * year's working intervals as epoch seconds with prefix sums of working seconds. A question is
 * answered by a binary search inside at most a few year blocks, plus one constant step per
 * additional year crossed. Year blocks are cached in lock-free arrays; a block is immutable once
 * published, so the engine is thread-safe.
 *
 * <p>Wall-clock to instant rule (daylight saving): an interval runs from the first instant at which
 * the wall clock reaches its start to the last instant at which the wall clock still shows a time
 * before its end. So a boundary inside a gap maps to the transition instant, a start inside an
 * overlap uses the earlier offset and an end inside an overlap the later offset (an end exactly at
 * the overlap's first wall-clock time ends at its first occurrence). Intervals that become empty
 * are dropped; intervals that touch or overlap after conversion are merged.
 */
public final class CalendarEngine {

  static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** Earliest supported local year. */
  public static final int MIN_YEAR = 1;

  /** Latest supported local year. */
  public static final int MAX_YEAR = 9_999;

  private static final long MEAN_YEAR_SECONDS = 31_556_952L;

  /** Longest duration accepted by {@link #add}, so that nanosecond arithmetic cannot overflow. */
  private static final Duration MAX_DURATION = Duration.ofDays(200L * 366);

  private final String calendarName;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final Function<LocalDate, List<WorkingInterval>> hoursOn;
  private final boolean weeklyHasWork;
  private final int firstOverrideYear;
  private final int lastOverrideYear;

  /**
   * Year blocks in chunks of a century, allocated on first use: two plain array reads per lookup.
   */
  private final AtomicReferenceArray<AtomicReferenceArray<YearBlock>> centuries =
      new AtomicReferenceArray<>((MAX_YEAR + 1) / 100 + 1);

  private volatile YearBlock recent;

  /**
   * Creates an engine.
   *
   * @param calendarName used in error messages
   * @param zone the calendar's zone
   * @param hoursOn the effective working intervals of a date (overrides applied)
   * @param weeklyHasWork whether the weekly schedule has any working time
   * @param firstOverrideYear first year touched by a date override (ignored when {@code
   *     weeklyHasWork})
   * @param lastOverrideYear last year touched by a date override (ignored when {@code
   *     weeklyHasWork})
   */
  public CalendarEngine(
      String calendarName,
      ZoneId zone,
      Function<LocalDate, List<WorkingInterval>> hoursOn,
      boolean weeklyHasWork,
      int firstOverrideYear,
      int lastOverrideYear) {
    this.calendarName = calendarName;
    this.zone = zone;
    this.rules = zone.getRules();
    this.hoursOn = hoursOn;
    this.weeklyHasWork = weeklyHasWork;
    this.firstOverrideYear = firstOverrideYear;
    this.lastOverrideYear = lastOverrideYear;
  }

  /** True when {@code t} lies inside a working interval (start inclusive, end exclusive). */
  public boolean isWorkingTime(Instant t) {
    long s = t.getEpochSecond();
    YearBlock b = blockOf(s);
    int i = b.lastStartAtOrBefore(s);
    if (i >= 0) {
      return s < b.ends[i];
    }
    YearBlock p = block(b.year - 1);
    return p.size() > 0 && s < p.ends[p.size() - 1];
  }

  /** {@code t} itself when it is working time, otherwise the start of the next working interval. */
  public Instant nextWorkingInstant(Instant t) {
    long s = t.getEpochSecond();
    YearBlock b = blockOf(s);
    int i = b.lastStartAtOrBefore(s);
    if (i >= 0 && s < b.ends[i]) {
      return t;
    }
    if (i < 0) {
      YearBlock p = block(b.year - 1);
      if (p.size() > 0 && s < p.ends[p.size() - 1]) {
        return t;
      }
    }
    int j = i + 1;
    while (j >= b.size()) {
      b = nextBlock(b);
      j = 0;
    }
    return Instant.ofEpochSecond(b.starts[j]);
  }

  /**
   * The earliest instant {@code r} with {@code between(t, r) == d}; {@code t} itself when {@code d}
   * is zero. A result that exhausts a working interval is that interval's end, not the next
   * interval's start.
   */
  public Instant add(Instant t, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + d);
    }
    if (d.isZero()) {
      return t;
    }
    if (d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be at most " + MAX_DURATION + ": " + d);
    }
    long s = t.getEpochSecond();
    YearBlock b = blockOf(s);
    long pos;
    int i = b.lastStartAtOrBefore(s);
    if (i < 0) {
      YearBlock p = block(b.year - 1);
      int last = p.size() - 1;
      if (last >= 0 && s < p.ends[last]) {
        b = p;
        pos = (p.cumulative[last] + s - p.starts[last]) * NANOS_PER_SECOND + t.getNano();
      } else {
        pos = 0;
      }
    } else if (s >= b.ends[i]) {
      pos = b.cumulative[i + 1] * NANOS_PER_SECOND;
    } else {
      pos = (b.cumulative[i] + s - b.starts[i]) * NANOS_PER_SECOND + t.getNano();
    }
    long target = pos + d.toNanos();
    long total = b.totalNanos();
    while (target > total) {
      target -= total;
      b = nextBlock(b);
      total = b.totalNanos();
    }
    long q = target / NANOS_PER_SECOND;
    long r = target % NANOS_PER_SECOND;
    int j = b.firstCumulativeAtLeast(r == 0 ? q : q + 1) - 1;
    return Instant.ofEpochSecond(b.starts[j] + (q - b.cumulative[j]), r);
  }

  /** Working time in {@code [a, b)}; negative when {@code b} is before {@code a}. */
  public Duration between(Instant a, Instant b) {
    int cmp = a.compareTo(b);
    if (cmp == 0) {
      return Duration.ZERO;
    }
    if (cmp > 0) {
      return between(b, a).negated();
    }
    YearBlock[] holder = new YearBlock[1];
    long pa = position(a, holder);
    YearBlock ba = holder[0];
    long pb = position(b, holder);
    YearBlock bb = holder[0];
    if (ba.year == bb.year) {
      return Duration.ofNanos(pb - pa);
    }
    long seconds = 0;
    for (int y = ba.year + 1; y < bb.year; y++) {
      seconds += block(y).totalSeconds();
    }
    return Duration.ofSeconds(seconds).plusNanos(ba.totalNanos() - pa).plusNanos(pb);
  }

  /**
   * The same wall-clock time as {@code t} on the {@code n}-th working day after (n &gt; 0) or
   * before (n &lt; 0) the local date of {@code t}; {@code t} itself when {@code n == 0}. A working
   * day is a date on which at least one working interval starts.
   */
  public Instant addWorkingDays(Instant t, long n) {
    if (n == 0) {
      return t;
    }
    ZonedDateTime zoned = t.atZone(zone);
    LocalDate date = zoned.toLocalDate();
    long day = date.toEpochDay();
    YearBlock b = block(date.getYear());
    long k;
    if (n > 0) {
      k = b.workingDaysBefore(day + 1) - 1 + n;
      while (k >= b.workingDays.length) {
        k -= b.workingDays.length;
        b = nextBlock(b);
      }
    } else {
      k = b.workingDaysBefore(day) + n;
      while (k < 0) {
        b = previousBlock(b);
        k += b.workingDays.length;
      }
    }
    LocalDateTime target = LocalDate.ofEpochDay(b.workingDays[(int) k]).atTime(zoned.toLocalTime());
    return ZonedDateTime.ofLocal(target, zone, zoned.getOffset()).toInstant();
  }

  /** True when at least one working interval of non-zero length starts on {@code date}. */
  public boolean isWorkingDay(LocalDate date) {
    YearBlock b = block(date.getYear());
    return Arrays.binarySearch(b.workingDays, date.toEpochDay()) >= 0;
  }

  /**
   * Working-time position of {@code t} in nanoseconds from the start of the returned year block.
   */
  private long position(Instant t, YearBlock[] blockOut) {
    long s = t.getEpochSecond();
    YearBlock b = blockOf(s);
    int i = b.lastStartAtOrBefore(s);
    if (i < 0) {
      YearBlock p = block(b.year - 1);
      int last = p.size() - 1;
      if (last >= 0 && s < p.ends[last]) {
        blockOut[0] = p;
        return (p.cumulative[last] + s - p.starts[last]) * NANOS_PER_SECOND + t.getNano();
      }
      blockOut[0] = b;
      return 0;
    }
    blockOut[0] = b;
    if (s >= b.ends[i]) {
      return b.cumulative[i + 1] * NANOS_PER_SECOND;
    }
    return (b.cumulative[i] + s - b.starts[i]) * NANOS_PER_SECOND + t.getNano();
  }

  private YearBlock blockOf(long epochSecond) {
    YearBlock r = recent;
    if (r != null && epochSecond >= r.fromEpochSecond && epochSecond < r.toEpochSecond) {
      return r;
    }
    long guess = Math.floorDiv(epochSecond, MEAN_YEAR_SECONDS) + 1970;
    if (guess < MIN_YEAR - 1 || guess > MAX_YEAR + 1) {
      throw outOfRange(guess);
    }
    YearBlock b = block((int) guess);
    while (epochSecond < b.fromEpochSecond) {
      b = block(b.year - 1);
    }
    while (epochSecond >= b.toEpochSecond) {
      b = block(b.year + 1);
    }
    recent = b;
    return b;
  }

  private YearBlock nextBlock(YearBlock b) {
    YearBlock next = b.next;
    if (next != null) {
      return next;
    }
    if (!weeklyHasWork && b.year >= lastOverrideYear) {
      throw noWorkingTime("after");
    }
    next = block(b.year + 1);
    b.next = next;
    return next;
  }

  private YearBlock previousBlock(YearBlock b) {
    if (!weeklyHasWork && b.year <= firstOverrideYear) {
      throw noWorkingTime("before");
    }
    return block(b.year - 1);
  }

  private CalendarDefinitionException noWorkingTime(String direction) {
    return new CalendarDefinitionException(
        CalendarDefinitionException.Problem.NO_WORKING_TIME,
        "weekly",
        calendarName,
        "calendar '"
            + calendarName
            + "' has no working time "
            + direction
            + " the requested instant: its weekly schedule is empty and no override adds working hours there");
  }

  private static IllegalArgumentException outOfRange(long year) {
    return new IllegalArgumentException(
        "instant outside the supported years " + MIN_YEAR + ".." + MAX_YEAR + ": " + year);
  }

  YearBlock block(int year) {
    if (year < MIN_YEAR - 1 || year > MAX_YEAR + 1) {
      throw outOfRange(year);
    }
    AtomicReferenceArray<YearBlock> century = centuries.get(year / 100);
    if (century == null) {
      centuries.compareAndSet(year / 100, null, new AtomicReferenceArray<>(100));
      century = centuries.get(year / 100);
    }
    YearBlock b = century.get(year % 100);
    if (b == null) {
      // racing threads may build the same immutable block twice; one of them wins and all use it
      century.compareAndSet(year % 100, null, build(year));
      b = century.get(year % 100);
    }
    return b;
  }

  private YearBlock build(int year) {
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate next = first.plusYears(1);
    long from = first.atStartOfDay(zone).toEpochSecond();
    long to = next.atStartOfDay(zone).toEpochSecond();
    LongList starts = new LongList(512);
    LongList ends = new LongList(512);
    LongList days = new LongList(384);
    for (LocalDate d = first; d.isBefore(next); d = d.plusDays(1)) {
      List<WorkingInterval> hours = Objects.requireNonNull(hoursOn.apply(d), "hours");
      if (hours.isEmpty()) {
        continue;
      }
      LocalDateTime midnight = d.atStartOfDay();
      boolean worked = false;
      for (WorkingInterval w : hours) {
        long s = startEpochSecond(midnight.plusSeconds(w.startSecondOfDay()));
        long e = endEpochSecond(midnight.plusSeconds(w.endSecondOfDay()));
        if (e <= s) {
          continue;
        }
        worked = true;
        int n = starts.size();
        if (n > 0 && s <= ends.get(n - 1)) {
          ends.set(n - 1, Math.max(ends.get(n - 1), e));
        } else {
          starts.add(s);
          ends.add(e);
        }
      }
      if (worked) {
        days.add(d.toEpochDay());
      }
    }
    return new YearBlock(year, from, to, starts.toArray(), ends.toArray(), days.toArray());
  }

  private long startEpochSecond(LocalDateTime wallClock) {
    if (rules.isFixedOffset()) {
      return wallClock.toEpochSecond(rules.getOffset(Instant.EPOCH));
    }
    ZoneOffsetTransition transition = rules.getTransition(wallClock);
    if (transition == null) {
      return wallClock.toEpochSecond(rules.getOffset(wallClock));
    }
    return transition.isGap()
        ? transition.toEpochSecond()
        : wallClock.toEpochSecond(transition.getOffsetBefore());
  }

  private long endEpochSecond(LocalDateTime wallClock) {
    if (rules.isFixedOffset()) {
      return wallClock.toEpochSecond(rules.getOffset(Instant.EPOCH));
    }
    ZoneOffsetTransition transition = rules.getTransition(wallClock);
    if (transition == null) {
      ZoneOffset offset = rules.getOffset(wallClock);
      return wallClock.toEpochSecond(offset);
    }
    if (transition.isGap()) {
      return transition.toEpochSecond();
    }
    boolean atOverlapStart = wallClock.equals(transition.getDateTimeAfter());
    return wallClock.toEpochSecond(
        atOverlapStart ? transition.getOffsetBefore() : transition.getOffsetAfter());
  }

  /** Minimal growable array of primitive longs. */
  private static final class LongList {
    private long[] values;
    private int size;

    LongList(int capacity) {
      values = new long[capacity];
    }

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    long get(int index) {
      return values[index];
    }

    void set(int index, long value) {
      values[index] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
