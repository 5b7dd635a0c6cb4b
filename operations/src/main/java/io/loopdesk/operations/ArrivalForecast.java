package io.loopdesk.operations;

import io.loopdesk.api.Channel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/** Expected arrivals per channel and interval over a range of days. Immutable and thread-safe. */
public final class ArrivalForecast {
  private final ZoneId zone;
  private final Duration interval;
  private final LocalDate firstDay;
  private final int days;
  private final Map<Channel, NavigableMap<LocalDateTime, Double>> expected;

  ArrivalForecast(
      ZoneId zone,
      Duration interval,
      LocalDate firstDay,
      int days,
      Map<Channel, NavigableMap<LocalDateTime, Double>> expected) {
    this.zone = zone;
    this.interval = interval;
    this.firstDay = firstDay;
    this.days = days;
    this.expected = Map.copyOf(expected);
  }

  /** Returns the time zone of the interval starts. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the interval length. */
  public Duration interval() {
    return interval;
  }

  /** Returns the first forecast day. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** Returns the number of forecast days. */
  public int days() {
    return days;
  }

  /** Returns the forecast channels, sorted by name. */
  public Set<Channel> channels() {
    TreeSet<Channel> sorted = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
    sorted.addAll(expected.keySet());
    return Collections.unmodifiableSet(sorted);
  }

  /** Returns every interval start of the forecast range, in order. */
  public List<LocalDateTime> intervals() {
    int perDay = (int) (Duration.ofDays(1).toMinutes() / interval.toMinutes());
    LocalDateTime start = firstDay.atStartOfDay();
    return java.util.stream.IntStream.range(0, perDay * days)
        .mapToObj(i -> start.plusMinutes(i * interval.toMinutes()))
        .toList();
  }

  /**
   * Returns the expected arrivals of a channel in an interval.
   *
   * @param channel the channel
   * @param start the interval's local start
   * @return the expected count, 0 for a channel or interval outside the forecast
   */
  public double expected(Channel channel, LocalDateTime start) {
    NavigableMap<LocalDateTime, Double> series = expected.get(channel);
    return series == null ? 0 : series.getOrDefault(start, 0.0);
  }

  /**
   * Returns the expected arrivals of some channels in an interval.
   *
   * @param channels the channels to add up
   * @param start the interval's local start
   * @return the expected count
   */
  public double expected(Set<Channel> channels, LocalDateTime start) {
    double sum = 0;
    for (Channel c : channels) {
      sum += expected(c, start);
    }
    return sum;
  }

  /**
   * Returns the expected arrivals of all channels in an interval.
   *
   * @param start the interval's local start
   * @return the expected count
   */
  public double total(LocalDateTime start) {
    return expected(expected.keySet(), start);
  }

  @Override
  public String toString() {
    return "ArrivalForecast["
        + firstDay
        + " +"
        + days
        + " days, "
        + interval
        + ", channels "
        + channels()
        + "]";
  }
}
