package io.loopdesk.sla.calendar.internal;

/**
 * Precomputed working time of one local calendar year: the working intervals that start on a date
 * of that year as sorted, disjoint epoch-second ranges, their cumulative working seconds (prefix
 * sums) and the epoch days that are working days. Immutable; shared between threads.
 */
final class YearBlock {

  final int year;

  /** Epoch second of the start of January 1st of {@link #year} in the calendar's zone. */
  final long fromEpochSecond;

  /** Epoch second of the start of January 1st of the following year. */
  final long toEpochSecond;

  final long[] starts;
  final long[] ends;

  /**
   * {@code cumulative[i]} = working seconds of intervals {@code 0..i-1}; length {@code
   * starts.length + 1}.
   */
  final long[] cumulative;

  /** Sorted epoch days of this year's working days. */
  final long[] workingDays;

  /** Working time of the whole year in nanoseconds. */
  final long totalNanos;

  /**
   * The following year's block once looked up, so that long spans walk years without a cache
   * lookup. Written racily: blocks are immutable with final fields, so a reader sees either null
   * (and looks it up) or a fully constructed block.
   */
  YearBlock next;

  YearBlock(
      int year,
      long fromEpochSecond,
      long toEpochSecond,
      long[] starts,
      long[] ends,
      long[] workingDays) {
    this.year = year;
    this.fromEpochSecond = fromEpochSecond;
    this.toEpochSecond = toEpochSecond;
    this.starts = starts;
    this.ends = ends;
    this.workingDays = workingDays;
    this.cumulative = new long[starts.length + 1];
    for (int i = 0; i < starts.length; i++) {
      cumulative[i + 1] = cumulative[i] + (ends[i] - starts[i]);
    }
    this.totalNanos = cumulative[starts.length] * CalendarEngine.NANOS_PER_SECOND;
  }

  int size() {
    return starts.length;
  }

  long totalSeconds() {
    return cumulative[starts.length];
  }

  long totalNanos() {
    return totalNanos;
  }

  /** Index of the last interval starting at or before {@code epochSecond}, or -1. */
  int lastStartAtOrBefore(long epochSecond) {
    int low = 0;
    int high = starts.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (starts[mid] <= epochSecond) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return low - 1;
  }

  /**
   * Smallest k in [1, size] with {@code cumulative[k] >= seconds}; requires 0 < seconds <= total.
   */
  int firstCumulativeAtLeast(long seconds) {
    int low = 1;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] >= seconds) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** Number of working days strictly before {@code epochDay} in this year. */
  int workingDaysBefore(long epochDay) {
    int low = 0;
    int high = workingDays.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (workingDays[mid] < epochDay) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
