package io.loopdesk.operations;

import io.loopdesk.api.Channel;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Arrivals (tickets opened) per channel and interval, counted from the event trail in the desk's
 * time zone. Intervals start at local midnight and are {@link #interval()} long, so an interval is
 * named by its local start. Immutable and thread-safe. Holds no personal data.
 */
public final class ArrivalCounts {
  private final ZoneId zone;
  private final Duration interval;
  private final Map<Channel, NavigableMap<LocalDateTime, Integer>> counts;
  private final LocalDate firstDay;
  private final LocalDate lastDay;

  private ArrivalCounts(
      ZoneId zone,
      Duration interval,
      Map<Channel, NavigableMap<LocalDateTime, Integer>> counts,
      LocalDate firstDay,
      LocalDate lastDay) {
    this.zone = zone;
    this.interval = interval;
    this.counts = counts;
    this.firstDay = firstDay;
    this.lastDay = lastDay;
  }

  /**
   * Counts the tickets opened ({@link TicketChange.Opened}) per channel and interval; other events
   * are ignored.
   *
   * @param events the events, in any order
   * @param zone the desk's time zone
   * @param interval the interval length: whole minutes that divide a day, e.g. 15 or 30 minutes
   * @return the counts
   * @throws ValidationException naming the field if an argument is null or the interval does not
   *     divide a day
   */
  public static ArrivalCounts fromEvents(
      Iterable<TicketEvent> events, ZoneId zone, Duration interval) {
    if (events == null) {
      throw new ValidationException("events", null, "must not be null");
    }
    checkZoneAndInterval(zone, interval);
    Map<Channel, NavigableMap<LocalDateTime, Integer>> counts = new HashMap<>();
    LocalDate first = null;
    LocalDate last = null;
    for (TicketEvent event : events) {
      if (event == null) {
        throw new ValidationException("events", null, "must not contain null");
      }
      if (event.change() instanceof TicketChange.Opened opened) {
        LocalDateTime start = intervalStart(event.at().atZone(zone).toLocalDateTime(), interval);
        counts
            .computeIfAbsent(opened.channel(), c -> new TreeMap<>())
            .merge(start, 1, Integer::sum);
        LocalDate day = start.toLocalDate();
        first = first == null || day.isBefore(first) ? day : first;
        last = last == null || day.isAfter(last) ? day : last;
      }
    }
    Map<Channel, NavigableMap<LocalDateTime, Integer>> frozen = new HashMap<>();
    counts.forEach((c, m) -> frozen.put(c, Collections.unmodifiableNavigableMap(m)));
    return new ArrivalCounts(zone, interval, Map.copyOf(frozen), first, last);
  }

  static void checkZoneAndInterval(ZoneId zone, Duration interval) {
    if (zone == null) {
      throw new ValidationException("zone", null, "must not be null");
    }
    if (interval == null
        || interval.isNegative()
        || interval.isZero()
        || interval.toSeconds() % 60 != 0
        || interval.toNanos() % 1_000_000_000L != 0
        || interval.compareTo(Duration.ofDays(1)) > 0
        || Duration.ofDays(1).toSeconds() % interval.toSeconds() != 0) {
      throw new ValidationException(
          "interval", interval, "must be whole minutes that divide a day, e.g. PT15M or PT30M");
    }
  }

  static LocalDateTime intervalStart(LocalDateTime local, Duration interval) {
    long minutes = interval.toMinutes();
    long ofDay = local.getHour() * 60L + local.getMinute();
    return local.toLocalDate().atStartOfDay().plusMinutes(ofDay - ofDay % minutes);
  }

  /** Returns the time zone intervals are counted in. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the interval length. */
  public Duration interval() {
    return interval;
  }

  /** Returns the number of intervals in a day. */
  public int intervalsPerDay() {
    return (int) (Duration.ofDays(1).toMinutes() / interval.toMinutes());
  }

  /** Returns the channels with at least one arrival, sorted by name. */
  public Set<Channel> channels() {
    TreeSet<Channel> sorted = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
    sorted.addAll(counts.keySet());
    return Collections.unmodifiableSet(sorted);
  }

  /** Returns the first local day with an arrival, or null if there were none. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** Returns the last local day with an arrival, or null if there were none. */
  public LocalDate lastDay() {
    return lastDay;
  }

  /**
   * Returns the arrivals of a channel in an interval.
   *
   * @param channel the channel
   * @param start the interval's local start
   * @return the count, 0 if none
   */
  public int count(Channel channel, LocalDateTime start) {
    NavigableMap<LocalDateTime, Integer> series = counts.get(channel);
    return series == null ? 0 : series.getOrDefault(start, 0);
  }

  /**
   * Returns the arrivals of all channels in an interval.
   *
   * @param start the interval's local start
   * @return the count
   */
  public int total(LocalDateTime start) {
    int sum = 0;
    for (NavigableMap<LocalDateTime, Integer> series : counts.values()) {
      sum += series.getOrDefault(start, 0);
    }
    return sum;
  }

  /**
   * Returns the arrivals of a channel per interval, intervals without arrivals left out.
   *
   * @param channel the channel
   * @return the counts by local interval start
   */
  public NavigableMap<LocalDateTime, Integer> series(Channel channel) {
    return counts.getOrDefault(channel, Collections.emptyNavigableMap());
  }

  @Override
  public String toString() {
    return "ArrivalCounts["
        + zone
        + ", "
        + interval
        + ", "
        + firstDay
        + ".."
        + lastDay
        + ", channels "
        + channels()
        + "]";
  }
}
