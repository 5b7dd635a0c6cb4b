package io.loopdesk.dashboard;

import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The period a dashboard shows: tickets opened within it are counted. */
public enum Period {
  /** Since midnight in the desk's zone; charts by hour. */
  TODAY("today"),
  /** The last 7 days; charts by day. */
  LAST_7_DAYS("7d"),
  /** The last 30 days; charts by day. */
  LAST_30_DAYS("30d");

  private final String code;

  Period(String code) {
    this.code = code;
  }

  /** Returns the code used in the URL, e.g. {@code 7d}. */
  public String code() {
    return code;
  }

  /**
   * Returns the first instant of the period.
   *
   * @param now the current instant
   * @param zone the zone whose midnight starts {@link #TODAY}
   * @return the period's start
   */
  public Instant start(Instant now, ZoneId zone) {
    return switch (this) {
      case TODAY -> now.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant();
      case LAST_7_DAYS -> now.minus(Duration.ofDays(7));
      case LAST_30_DAYS -> now.minus(Duration.ofDays(30));
    };
  }

  /** Returns the width of one chart bucket: an hour for {@link #TODAY}, else a day. */
  public ChronoUnit bucket() {
    return this == TODAY ? ChronoUnit.HOURS : ChronoUnit.DAYS;
  }

  /**
   * Reads a period from its code.
   *
   * @param code {@code today}, {@code 7d} or {@code 30d}
   * @return the period
   * @throws ValidationException naming the field {@code period} for any other text
   */
  public static Period parse(String code) {
    for (Period p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    throw new ValidationException(
        "period",
        code == null || code.length() <= 20 ? code : code.substring(0, 20) + "...",
        "must be one of today, 7d, 30d");
  }
}
