package io.loopdesk.sla.calendar;

import io.loopdesk.sla.calendar.CalendarDefinitionException.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public holidays and make-up working days (调休) of one region for a range of whole years, with
 * the source and date of the data: an overlay for any {@link BusinessCalendar} ({@link
 * BusinessCalendar.Builder#publicHolidays(PublicHolidays)}). Immutable and thread-safe.
 *
 * <p>Read from a small text format, the same as the built-in data of {@link ChinaPublicHolidays}:
 *
 * <pre>
 * # comment
 * format: loopdesk-holidays/1
 * region: CN
 * source: State Council General Office notices 2007-2026
 * as-of: 2026-05-08
 * coverage: 2007..2026
 * 2026-10-01..2026-10-07 off National Day (国庆节)
 * 2026-10-10 work National Day (国庆节)
 * </pre>
 *
 * Header lines ({@code key: value}) come before the dates. Each date line gives one date or an
 * inclusive range, {@code off} for a public holiday (closed all day) or {@code work} for a make-up
 * working day, and a label. Every date must lie in a covered year; dates not listed keep a
 * calendar's weekly hours. Questions about a date outside the covered years fail with {@link
 * HolidayCoverageException} instead of guessing.
 */
public final class PublicHolidays {

  /** The format tag the {@code format} header must carry. */
  public static final String FORMAT = "loopdesk-holidays/1";

  private static final int MAX_LINES = 100_000;
  private static final int MAX_LINE_LENGTH = 1_000;
  private static final int MAX_RANGE_DAYS = 366;
  private static final int MAX_COVERED_YEARS = 500;
  private static final List<String> HEADERS =
      List.of("format", "region", "source", "as-of", "coverage");

  /** What a listed date is. */
  public enum Kind {
    /** A public holiday: closed all day, whatever the weekday. */
    HOLIDAY,
    /** A make-up working day (调休): a normal working day although it falls on a weekend. */
    MAKE_UP_WORKING_DAY
  }

  /**
   * What a {@link BusinessCalendar} does when a computation reaches a year the data does not cover.
   */
  public enum BeyondCoverage {
    /**
     * Throw {@link HolidayCoverageException}: no deadline is computed on unknown holidays (the
     * default).
     */
    FAIL,
    /** Use the calendar's weekly hours, as if the uncovered years had no public holidays. */
    WEEKLY_HOURS
  }

  /**
   * One date or inclusive date range of one kind.
   *
   * @param from first date
   * @param to last date, not before {@code from}
   * @param kind holiday or make-up working day
   * @param label what the notice calls it, e.g. {@code National Day (国庆节)}; never null
   */
  public record Entry(LocalDate from, LocalDate to, Kind kind, String label) {

    /** Validates the components. */
    public Entry {
      if (from == null || to == null || kind == null) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE,
            from == null ? "from" : to == null ? "to" : "kind",
            null,
            "an entry needs its dates and kind");
      }
      if (to.isBefore(from)) {
        throw new CalendarDefinitionException(
            Problem.END_BEFORE_START,
            "to",
            to.toString(),
            "the last date must not be before the first date " + from);
      }
      label = label == null ? "" : label;
    }

    /** True when {@code date} lies within {@code [from, to]}. */
    public boolean covers(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  /**
   * The whole calendar years the data covers.
   *
   * @param first first covered year
   * @param last last covered year, not before {@code first}
   */
  public record Coverage(Year first, Year last) {

    /** Validates the components. */
    public Coverage {
      if (first == null || last == null || last.isBefore(first)) {
        throw new CalendarDefinitionException(
            Problem.MALFORMED_VALUE,
            "coverage",
            first + ".." + last,
            "coverage needs a first year and a last year not before it");
      }
    }

    /** True when the year of {@code date} is covered. */
    public boolean contains(LocalDate date) {
      int year = date.getYear();
      return year >= first.getValue() && year <= last.getValue();
    }

    /** The text form, e.g. {@code 2007..2026}. */
    @Override
    public String toString() {
      return first + ".." + last;
    }
  }

  private final String region;
  private final String source;
  private final LocalDate asOf;
  private final Coverage coverage;
  private final List<Entry> entries;
  private final NavigableMap<LocalDate, Entry> byFirstDate;

  private PublicHolidays(
      String region, String source, LocalDate asOf, Coverage coverage, List<Entry> entries) {
    this.region = region;
    this.source = source;
    this.asOf = asOf;
    this.coverage = coverage;
    TreeMap<LocalDate, Entry> sorted = new TreeMap<>();
    entries.forEach(entry -> sorted.put(entry.from(), entry));
    this.byFirstDate = Collections.unmodifiableNavigableMap(sorted);
    this.entries = List.copyOf(sorted.values());
  }

  /**
   * Reads data in the format described in the class documentation from a UTF-8 file.
   *
   * @throws CalendarDefinitionException naming the line, when the content is malformed
   * @throws UncheckedIOException when the file cannot be read
   */
  public static PublicHolidays load(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public-holiday data from " + file, e);
    }
  }

  /**
   * Reads data in the format described in the class documentation from a UTF-8 stream; does not
   * close it.
   *
   * @throws CalendarDefinitionException naming the line, when the content is malformed
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static PublicHolidays load(InputStream in) {
    Objects.requireNonNull(in, "in");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public-holiday data", e);
    }
  }

  /** The region the data is for, e.g. {@code CN}. */
  public String region() {
    return region;
  }

  /** Where the data comes from, e.g. the official notices and the dataset they were taken from. */
  public String source() {
    return source;
  }

  /** The date up to which the data follows the published notices. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The whole calendar years the data covers. */
  public Coverage coverage() {
    return coverage;
  }

  /** All entries, ordered by first date. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entry that lists {@code date}, or empty for an ordinary day.
   *
   * @throws HolidayCoverageException when the year of {@code date} is not covered
   */
  public Optional<Entry> entryOn(LocalDate date) {
    requireCovered(Objects.requireNonNull(date, "date"));
    Map.Entry<LocalDate, Entry> floor = byFirstDate.floorEntry(date);
    return floor != null && floor.getValue().covers(date)
        ? Optional.of(floor.getValue())
        : Optional.empty();
  }

  /**
   * True when {@code date} is a public holiday.
   *
   * @throws HolidayCoverageException when the year of {@code date} is not covered
   */
  public boolean isHoliday(LocalDate date) {
    return entryOn(date).map(entry -> entry.kind() == Kind.HOLIDAY).orElse(false);
  }

  /**
   * True when {@code date} is a make-up working day.
   *
   * @throws HolidayCoverageException when the year of {@code date} is not covered
   */
  public boolean isMakeUpWorkingDay(LocalDate date) {
    return entryOn(date).map(entry -> entry.kind() == Kind.MAKE_UP_WORKING_DAY).orElse(false);
  }

  /**
   * Checks that the year of {@code date} is covered.
   *
   * @throws HolidayCoverageException when it is not
   */
  public void requireCovered(LocalDate date) {
    if (!coverage.contains(date)) {
      throw new HolidayCoverageException(this, date);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicHolidays that
        && region.equals(that.region)
        && source.equals(that.source)
        && asOf.equals(that.asOf)
        && coverage.equals(that.coverage)
        && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, source, asOf, coverage, entries);
  }

  @Override
  public String toString() {
    return "PublicHolidays["
        + region
        + ", "
        + coverage
        + ", as of "
        + asOf
        + ", "
        + entries.size()
        + " entries]";
  }

  private static PublicHolidays parse(BufferedReader reader) throws IOException {
    Map<String, String> headers = new HashMap<>();
    List<String[]> dateLines = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (number > MAX_LINES) {
        throw malformed(number, "", "more than " + MAX_LINES + " lines");
      }
      if (line.length() > MAX_LINE_LENGTH) {
        throw malformed(number, line, "a line has at most " + MAX_LINE_LENGTH + " characters");
      }
      String text = line.strip();
      if (number == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1).strip();
      }
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      if (Character.isDigit(text.charAt(0))) {
        dateLines.add(new String[] {String.valueOf(number), text});
        continue;
      }
      int colon = text.indexOf(':');
      String key = colon < 0 ? text : text.substring(0, colon).strip();
      if (colon < 0 || !HEADERS.contains(key)) {
        throw malformed(
            number,
            text,
            "expected a header ("
                + String.join(", ", HEADERS)
                + ") as 'key: value' or a date line 'yyyy-MM-dd[..yyyy-MM-dd] off|work label'");
      }
      if (!dateLines.isEmpty()) {
        throw malformed(number, text, "headers come before the date lines");
      }
      if (headers.put(key, text.substring(colon + 1).strip()) != null) {
        throw malformed(number, text, "the header '" + key + "' is given twice");
      }
    }
    for (String key : HEADERS) {
      if (headers.getOrDefault(key, "").isEmpty()) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE,
            key,
            null,
            "public-holiday data needs the header '" + key + ": ...'");
      }
    }
    if (!headers.get("format").equals(FORMAT)) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE, "format", headers.get("format"), "expected " + FORMAT);
    }
    LocalDate asOf = parseDate(headers.get("as-of"), "as-of");
    Coverage coverage = parseCoverage(headers.get("coverage"));
    List<Entry> entries = new ArrayList<>();
    for (String[] dateLine : dateLines) {
      entries.add(parseEntry(Integer.parseInt(dateLine[0]), dateLine[1], coverage));
    }
    checkNoOverlap(entries);
    checkEveryYearListed(entries, coverage);
    return new PublicHolidays(
        headers.get("region"), headers.get("source"), asOf, coverage, entries);
  }

  private static Entry parseEntry(int number, String text, Coverage coverage) {
    String[] parts = text.split("\\s+", 3);
    if (parts.length < 2) {
      throw malformed(number, text, "expected 'yyyy-MM-dd[..yyyy-MM-dd] off|work label'");
    }
    String[] range = parts[0].split("\\.\\.", -1);
    if (range.length > 2) {
      throw malformed(number, text, "a range is written 2026-10-01..2026-10-07");
    }
    LocalDate from = parseDate(range[0], "line " + number);
    LocalDate to = range.length == 2 ? parseDate(range[1], "line " + number) : from;
    if (to.isBefore(from)) {
      throw malformed(number, text, "the range ends before it starts");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
      throw malformed(number, text, "a range is at most " + MAX_RANGE_DAYS + " days long");
    }
    if (!coverage.contains(from) || !coverage.contains(to)) {
      throw malformed(number, text, "every date must lie in the covered years " + coverage);
    }
    Kind kind =
        switch (parts[1]) {
          case "off" -> Kind.HOLIDAY;
          case "work" -> Kind.MAKE_UP_WORKING_DAY;
          default ->
              throw malformed(
                  number, text, "the kind is 'off' (holiday) or 'work' (make-up working day)");
        };
    return new Entry(from, to, kind, parts.length == 3 ? parts[2].strip() : "");
  }

  private static void checkNoOverlap(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> a.from().compareTo(b.from()));
    for (int i = 1; i < sorted.size(); i++) {
      Entry before = sorted.get(i - 1);
      Entry current = sorted.get(i);
      if (!current.from().isAfter(before.to())) {
        throw new CalendarDefinitionException(
            Problem.CONFLICTING_OVERRIDES,
            "entries",
            current.from() + ".." + current.to(),
            "overlaps " + before.from() + ".." + before.to());
      }
    }
  }

  private static void checkEveryYearListed(List<Entry> entries, Coverage coverage) {
    for (int year = coverage.first().getValue(); year <= coverage.last().getValue(); year++) {
      int y = year;
      if (entries.stream().noneMatch(e -> e.from().getYear() <= y && e.to().getYear() >= y)) {
        throw new CalendarDefinitionException(
            Problem.MISSING_VALUE,
            "coverage",
            coverage.toString(),
            "the year " + y + " is covered but lists no date; lower the coverage or add its dates");
      }
    }
  }

  private static Coverage parseCoverage(String text) {
    String[] years = text.split("\\.\\.", -1);
    try {
      if (years.length == 2) {
        Year first = Year.of(Integer.parseInt(years[0].strip()));
        Year last = Year.of(Integer.parseInt(years[1].strip()));
        if (!last.isBefore(first) && last.getValue() - first.getValue() < MAX_COVERED_YEARS) {
          return new Coverage(first, last);
        }
      }
    } catch (RuntimeException e) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          "coverage",
          abbreviate(text),
          "expected whole years such as 2007..2026",
          e);
    }
    throw new CalendarDefinitionException(
        Problem.MALFORMED_VALUE,
        "coverage",
        abbreviate(text),
        "expected whole years such as 2007..2026, first not after last, at most "
            + MAX_COVERED_YEARS
            + " years");
  }

  private static LocalDate parseDate(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CalendarDefinitionException(
          Problem.MALFORMED_VALUE,
          field,
          abbreviate(text),
          "expected a date such as 2026-10-01",
          e);
    }
  }

  private static CalendarDefinitionException malformed(int number, String line, String detail) {
    return new CalendarDefinitionException(
        Problem.MALFORMED_VALUE, "line " + number, abbreviate(line), detail);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
