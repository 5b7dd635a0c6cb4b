package io.loopdesk.sla.calendar;

import io.loopdesk.api.LoopdeskException;
import java.time.LocalDate;

/**
 * Thrown when a question needs the public holidays of a year that the {@link PublicHolidays} data
 * does not cover, for example a deadline that reaches into next year before its holiday notice was
 * loaded. The message names the year, the covered years and what to do: load a newer data file with
 * {@link PublicHolidays#load(java.nio.file.Path)}, or build the calendar with {@link
 * PublicHolidays.BeyondCoverage#WEEKLY_HOURS}.
 */
public class HolidayCoverageException extends LoopdeskException {

  private static final long serialVersionUID = 1L;

  private final LocalDate date;
  private final String region;
  private final transient PublicHolidays.Coverage coverage;

  /**
   * Creates an exception.
   *
   * @param holidays the data that does not cover {@code date}
   * @param date the date asked about
   */
  public HolidayCoverageException(PublicHolidays holidays, LocalDate date) {
    super(
        "no public-holiday data for "
            + date
            + " (year "
            + date.getYear()
            + "): the "
            + holidays.region()
            + " data covers "
            + holidays.coverage()
            + " (as of "
            + holidays.asOf()
            + "; source: "
            + holidays.source()
            + "). Load a newer file in the same format with PublicHolidays.load(path), or build the calendar with"
            + " publicHolidays(data, BeyondCoverage.WEEKLY_HOURS) to use the weekly hours beyond the data");
    this.date = date;
    this.region = holidays.region();
    this.coverage = holidays.coverage();
  }

  /** The date asked about. */
  public LocalDate date() {
    return date;
  }

  /** The region of the data, e.g. {@code CN}. */
  public String region() {
    return region;
  }

  /** The years the data covers. */
  public PublicHolidays.Coverage coverage() {
    return coverage;
  }
}
