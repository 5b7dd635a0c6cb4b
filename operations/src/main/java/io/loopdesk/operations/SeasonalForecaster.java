package io.loopdesk.operations;

import io.loopdesk.api.Channel;
import io.loopdesk.api.ValidationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Forecasts arrivals with a seasonal baseline: the expected arrivals of a channel in an interval of
 * a day are the mean (or median) of the arrivals in the same interval of the past days of the same
 * {@link DayClassifier type} within a look-back window (four weeks by default). No trend is fitted.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ArrivalCounts history = ArrivalCounts.fromEvents(events, zone, Duration.ofMinutes(30));
 * ArrivalForecast next = SeasonalForecaster.builder()
 *     .dayClassifier(DayClassifier.workingDays(calendar::isWorkingDay))
 *     .build()
 *     .forecast(history, LocalDate.of(2026, 10, 26), 7);
 * }</pre>
 *
 * <p>If the window holds no day of a forecast day's type, the days of the same weekday are used,
 * and failing those every day of the window. Days of the window without arrivals count as zero, so
 * the history must cover the window (or start within it: days before its first arrival are not
 * used).
 */
public final class SeasonalForecaster {
  /** How the past days of a type are combined. */
  public enum Aggregation {
    /** The arithmetic mean: unbiased for a stable pattern. */
    MEAN,
    /** The median: robust to one odd day (an outage, an unflagged holiday). */
    MEDIAN
  }

  private final int lookBackWeeks;
  private final Aggregation aggregation;
  private final DayClassifier classifier;

  private SeasonalForecaster(Builder b) {
    this.lookBackWeeks = b.lookBackWeeks;
    this.aggregation = b.aggregation;
    this.classifier = b.classifier;
  }

  /** Returns a builder: four weeks, mean, by weekday. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Forecasts every channel of the history for a range of days after it.
   *
   * @param history the past arrivals
   * @param firstDay the first day to forecast; only history before it is used
   * @param days the number of days, 1 to 366
   * @return the forecast
   * @throws ValidationException if an argument is null or out of range, or the history has no day
   *     before {@code firstDay}
   */
  public ArrivalForecast forecast(ArrivalCounts history, LocalDate firstDay, int days) {
    if (history == null || firstDay == null) {
      throw new ValidationException(
          history == null ? "history" : "firstDay", null, "must not be null");
    }
    if (days < 1 || days > 366) {
      throw new ValidationException("days", days, "must be between 1 and 366");
    }
    if (history.firstDay() == null || !history.firstDay().isBefore(firstDay)) {
      throw new ValidationException(
          "history", history.firstDay(), "must have arrivals before " + firstDay);
    }
    LocalDate windowStart = firstDay.minusWeeks(lookBackWeeks);
    if (windowStart.isBefore(history.firstDay())) {
      windowStart = history.firstDay();
    }
    List<LocalDate> window = windowStart.datesUntil(firstDay).toList();
    Map<String, List<LocalDate>> byType = new HashMap<>();
    for (LocalDate d : window) {
      byType.computeIfAbsent(classify(d), k -> new ArrayList<>()).add(d);
    }
    int perDay = history.intervalsPerDay();
    long minutes = history.interval().toMinutes();
    Map<Channel, NavigableMap<LocalDateTime, Double>> expected = new HashMap<>();
    for (Channel channel : history.channels()) {
      NavigableMap<LocalDateTime, Double> series = new TreeMap<>();
      for (int day = 0; day < days; day++) {
        LocalDate target = firstDay.plusDays(day);
        List<LocalDate> sources = sources(target, byType, window);
        for (int slot = 0; slot < perDay; slot++) {
          long offset = slot * minutes;
          double[] values = new double[sources.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = history.count(channel, sources.get(i).atStartOfDay().plusMinutes(offset));
          }
          series.put(target.atStartOfDay().plusMinutes(offset), combine(values));
        }
      }
      expected.put(channel, series);
    }
    return new ArrivalForecast(history.zone(), history.interval(), firstDay, days, expected);
  }

  private String classify(LocalDate date) {
    String type = classifier.classify(date);
    if (type == null) {
      throw new ValidationException("dayClassifier", null, "returned no type for " + date);
    }
    return type;
  }

  private List<LocalDate> sources(
      LocalDate target, Map<String, List<LocalDate>> byType, List<LocalDate> window) {
    List<LocalDate> same = byType.get(classify(target));
    if (same != null) {
      return same;
    }
    List<LocalDate> sameWeekday =
        window.stream().filter(d -> d.getDayOfWeek() == target.getDayOfWeek()).toList();
    return sameWeekday.isEmpty() ? window : sameWeekday;
  }

  private double combine(double[] values) {
    if (aggregation == Aggregation.MEAN) {
      double sum = 0;
      for (double v : values) {
        sum += v;
      }
      return sum / values.length;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  @Override
  public String toString() {
    return "SeasonalForecaster[" + lookBackWeeks + " weeks, " + aggregation + "]";
  }

  /** Builds a {@link SeasonalForecaster}; not thread-safe. */
  public static final class Builder {
    private int lookBackWeeks = 4;
    private Aggregation aggregation = Aggregation.MEAN;
    private DayClassifier classifier = DayClassifier.weekday();

    private Builder() {}

    /**
     * Sets the look-back window.
     *
     * @param weeks 1 to 52 weeks before the first forecast day
     * @return this builder
     */
    public Builder lookBackWeeks(int weeks) {
      if (weeks < 1 || weeks > 52) {
        throw new ValidationException("lookBackWeeks", weeks, "must be between 1 and 52");
      }
      lookBackWeeks = weeks;
      return this;
    }

    /**
     * Sets how past days are combined.
     *
     * @param value mean or median
     * @return this builder
     */
    public Builder aggregation(Aggregation value) {
      if (value == null) {
        throw new ValidationException("aggregation", null, "must not be null");
      }
      aggregation = value;
      return this;
    }

    /**
     * Sets how days are sorted into types.
     *
     * @param value the classifier
     * @return this builder
     */
    public Builder dayClassifier(DayClassifier value) {
      if (value == null) {
        throw new ValidationException("dayClassifier", null, "must not be null");
      }
      classifier = value;
      return this;
    }

    /** Returns the forecaster. */
    public SeasonalForecaster build() {
      return new SeasonalForecaster(this);
    }
  }
}
