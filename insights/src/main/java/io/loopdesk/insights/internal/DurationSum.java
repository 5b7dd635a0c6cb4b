package io.loopdesk.insights.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;

/**
 * An exact sum of durations in nanoseconds, kept in 128 bits: up to 10^10 durations of any length a
 * {@link Duration} can hold add up without overflow. The mean is the exact sum divided by the
 * count, truncated toward zero to the nanosecond. Not thread-safe.
 */
final class DurationSum {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final BigInteger BIG_NANOS_PER_SECOND = BigInteger.valueOf(NANOS_PER_SECOND);

  /** Upper 64 bits of the two's-complement total. */
  private long high;

  /** Lower 64 bits of the total, read as unsigned. */
  private long low;

  /** Adds one duration. */
  void add(Duration d) {
    long seconds = d.getSeconds();
    addWide(Math.multiplyHigh(seconds, NANOS_PER_SECOND), seconds * NANOS_PER_SECOND);
    addWide(0, d.getNano());
  }

  private void addWide(long addHigh, long addLow) {
    long sum = low + addLow;
    long carry = Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
    low = sum;
    high += addHigh + carry;
  }

  /** Returns the exact total in nanoseconds. */
  BigInteger totalNanos() {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  /**
   * Returns the mean of {@code count} added durations, truncated toward zero to the nanosecond.
   *
   * @param count how many durations were added
   * @return the mean, empty when {@code count} is zero
   */
  Optional<Duration> mean(long count) {
    if (count == 0) {
      return Optional.empty();
    }
    BigInteger[] secondsAndNanos =
        totalNanos().divide(BigInteger.valueOf(count)).divideAndRemainder(BIG_NANOS_PER_SECOND);
    return Optional.of(
        Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue()));
  }
}
