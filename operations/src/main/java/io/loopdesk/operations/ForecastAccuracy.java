package io.loopdesk.operations;

import io.loopdesk.api.Channel;
import io.loopdesk.api.ValidationException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * The error of a forecast against what then arrived, over a set of (channel, interval) points.
 *
 * <ul>
 *   <li>{@code wape}: weighted absolute percentage error, {@code sum |f - a| / sum a}; robust to
 *       intervals with few or no arrivals.
 *   <li>{@code mape}: mean of {@code |f - a| / a} over the points with arrivals ({@code
 *       mapePoints}); undefined where nothing arrived and inflated by small counts, so prefer WAPE
 *       for intervals.
 *   <li>{@code bias}: {@code (sum f - sum a) / sum a}; positive when the forecast is too high.
 *   <li>{@code poissonNoiseWape}: the WAPE a perfect forecast would still show if arrivals are
 *       Poisson with the forecast means, {@code sum E|X - f| / sum f}, {@code X ~ Poisson(f)}. The
 *       part of {@code wape} above it is what a better model could remove.
 * </ul>
 *
 * @param points the number of (channel, interval) points compared
 * @param actualTotal the arrivals
 * @param forecastTotal the forecast arrivals
 * @param wape the weighted absolute percentage error, as a fraction
 * @param mape the mean absolute percentage error over points with arrivals, as a fraction
 * @param mapePoints the points with arrivals
 * @param bias the relative bias, as a fraction
 * @param poissonNoiseWape the expected WAPE of a perfect forecast under Poisson noise
 */
public record ForecastAccuracy(
    int points,
    long actualTotal,
    double forecastTotal,
    double wape,
    double mape,
    int mapePoints,
    double bias,
    double poissonNoiseWape) {

  /**
   * Compares every channel of the forecast with the arrivals, each (channel, interval) a point.
   *
   * @param forecast the forecast
   * @param actual the arrivals over (at least) the forecast range, counted with the same interval
   * @return the accuracy
   */
  public static ForecastAccuracy perChannel(ArrivalForecast forecast, ArrivalCounts actual) {
    check(forecast, actual);
    return perChannel(forecast, actual, forecast.channels());
  }

  /**
   * Compares some channels of the forecast with the arrivals, each (channel, interval) a point.
   *
   * @param forecast the forecast
   * @param actual the arrivals
   * @param channels the channels to compare
   * @return the accuracy
   */
  public static ForecastAccuracy perChannel(
      ArrivalForecast forecast, ArrivalCounts actual, Set<Channel> channels) {
    check(forecast, actual);
    Sums s = new Sums();
    for (Channel c : channels) {
      for (LocalDateTime start : forecast.intervals()) {
        s.add(forecast.expected(c, start), actual.count(c, start));
      }
    }
    return s.result();
  }

  /**
   * Compares the forecast of all channels together with all arrivals, one point per interval.
   *
   * @param forecast the forecast
   * @param actual the arrivals
   * @return the accuracy
   */
  public static ForecastAccuracy totals(ArrivalForecast forecast, ArrivalCounts actual) {
    check(forecast, actual);
    Sums s = new Sums();
    for (LocalDateTime start : forecast.intervals()) {
      s.add(forecast.total(start), actual.total(start));
    }
    return s.result();
  }

  /**
   * Returns the mean absolute deviation of a Poisson variable from its mean λ, {@code 2 e^-λ
   * λ^(k+1) / k!} with {@code k = floor(λ)}.
   *
   * @param lambda the mean, at least 0
   * @return {@code E|X - λ|}
   */
  public static double poissonMeanAbsoluteDeviation(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new ValidationException("lambda", lambda, "must be a finite number of at least 0");
    }
    if (lambda == 0) {
      return 0;
    }
    long k = (long) Math.floor(lambda);
    double logFactorial = 0;
    for (long i = 2; i <= k; i++) {
      logFactorial += Math.log(i);
    }
    return Math.exp(Math.log(2) - lambda + (k + 1) * Math.log(lambda) - logFactorial);
  }

  /**
   * Returns a one-line summary, e.g. {@code WAPE 21.3% (Poisson noise 19.8%), MAPE 35.0%, bias
   * -1.2%}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "WAPE %.1f%% (Poisson noise %.1f%%), MAPE %.1f%% over %d of %d points, bias %+.1f%%,"
            + " %d arrivals, %.0f forecast",
        wape * 100,
        poissonNoiseWape * 100,
        mape * 100,
        mapePoints,
        points,
        bias * 100,
        actualTotal,
        forecastTotal);
  }

  private static void check(ArrivalForecast forecast, ArrivalCounts actual) {
    if (forecast == null || actual == null) {
      throw new ValidationException(
          forecast == null ? "forecast" : "actual", null, "must not be null");
    }
    if (!forecast.interval().equals(actual.interval()) || !forecast.zone().equals(actual.zone())) {
      throw new ValidationException(
          "actual.interval", actual.interval(), "must equal the forecast's interval and zone");
    }
  }

  private static final class Sums {
    int points;
    long actual;
    double forecast;
    double absError;
    double ape;
    int apePoints;
    double noise;

    void add(double f, int a) {
      points++;
      actual += a;
      forecast += f;
      absError += Math.abs(f - a);
      if (a > 0) {
        ape += Math.abs(f - a) / a;
        apePoints++;
      }
      noise += poissonMeanAbsoluteDeviation(f);
    }

    ForecastAccuracy result() {
      double wape =
          actual == 0 ? (absError == 0 ? 0 : Double.POSITIVE_INFINITY) : absError / actual;
      double bias =
          actual == 0
              ? (forecast == 0 ? 0 : Double.POSITIVE_INFINITY)
              : (forecast - actual) / actual;
      double mape = apePoints == 0 ? 0 : ape / apePoints;
      double noiseWape = forecast == 0 ? 0 : noise / forecast;
      return new ForecastAccuracy(points, actual, forecast, wape, mape, apePoints, bias, noiseWape);
    }
  }
}
