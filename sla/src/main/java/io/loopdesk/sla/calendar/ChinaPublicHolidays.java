package io.loopdesk.sla.calendar;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The public holidays and make-up working days (调休) of mainland China, built in: every date of the
 * General Office of the State Council's (国务院办公厅) holiday notices from 2007 to the latest year
 * shipped ({@link #coverage()}), ready to lay over any {@link BusinessCalendar}:
 *
 * <pre>{@code
 * BusinessCalendar office = BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
 *     .weekdays(WorkingInterval.parse("09:00-18:00"))
 *     .publicHolidays(ChinaPublicHolidays.builtIn())
 *     .build();
 * }</pre>
 *
 * <p>The State Council publishes next year's notice around November. Until a Loopdesk release ships
 * it, load the notice's dates from a file in the same format with {@link #load(Path)}: copy the
 * built-in file ({@code io/loopdesk/sla/calendar/cn-public-holidays.txt} in this jar), add the new
 * year's lines and raise its {@code coverage}. A calendar asked about a year outside the coverage
 * throws {@link HolidayCoverageException} unless it was built with {@link
 * PublicHolidays.BeyondCoverage#WEEKLY_HOURS}.
 *
 * <p>The built-in dates were converted from the npm package chinese-days (MIT licence, Copyright
 * (c) 2024 Yawei sun); {@link #source()} says which version. Thread-safe.
 */
public final class ChinaPublicHolidays {

  /** The region tag of mainland China's data. */
  public static final String REGION = "CN";

  private static final String RESOURCE = "cn-public-holidays.txt";

  private ChinaPublicHolidays() {}

  /** The built-in data, read once from the jar. */
  public static PublicHolidays builtIn() {
    return BuiltIn.DATA;
  }

  /** The whole years the built-in data covers. */
  public static PublicHolidays.Coverage coverage() {
    return builtIn().coverage();
  }

  /** Where the built-in data comes from. */
  public static String source() {
    return builtIn().source();
  }

  /** The date up to which the built-in data follows the published notices. */
  public static LocalDate asOf() {
    return builtIn().asOf();
  }

  /**
   * Reads newer data for mainland China from a UTF-8 file in the built-in format.
   *
   * @throws CalendarDefinitionException when the content is malformed or its region is not {@value
   *     #REGION}
   * @throws UncheckedIOException when the file cannot be read
   */
  public static PublicHolidays load(Path file) {
    return requireRegion(PublicHolidays.load(file));
  }

  /**
   * Reads newer data for mainland China from a UTF-8 stream in the built-in format; does not close
   * it.
   *
   * @throws CalendarDefinitionException when the content is malformed or its region is not {@value
   *     #REGION}
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static PublicHolidays load(InputStream in) {
    return requireRegion(PublicHolidays.load(in));
  }

  private static PublicHolidays requireRegion(PublicHolidays holidays) {
    if (!holidays.region().equals(REGION)) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          "region",
          holidays.region(),
          "expected the mainland China data, region " + REGION);
    }
    return holidays;
  }

  /** Loads the built-in data on first use. */
  private static final class BuiltIn {
    static final PublicHolidays DATA = read();

    private static PublicHolidays read() {
      try (InputStream in = ChinaPublicHolidays.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the built-in public-holiday data " + RESOURCE + " is missing from the jar");
        }
        return requireRegion(PublicHolidays.load(in));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the built-in public-holiday data " + RESOURCE, e);
      }
    }
  }
}
