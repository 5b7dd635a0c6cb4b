package io.loopdesk.operations;

import io.loopdesk.api.ValidationException;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Sorts days into types that share an arrival pattern; a forecast for a day averages the past days
 * of the same type. Implementations must be pure functions of the date.
 */
@FunctionalInterface
public interface DayClassifier {
  /** The type of every non-working day in the calendar-aware classifiers. */
  String NON_WORKING = "NON_WORKING";

  /** The type of every working day in {@link #workingOrNot(Predicate)}. */
  String WORKING = "WORKING";

  /**
   * Returns the type of a day.
   *
   * @param date the day
   * @return its type, not null
   */
  String classify(LocalDate date);

  /**
   * Returns the classic seasonal classifier: the day of the week.
   *
   * @return the classifier
   */
  static DayClassifier weekday() {
    return date -> date.getDayOfWeek().name();
  }

  /**
   * Returns a calendar-aware classifier: working days by their day of the week, every non-working
   * day (weekend, public holiday) as {@link #NON_WORKING}. A holiday then does not drag down the
   * forecast of its weekday, and a make-up working day is not forecast like a weekend.
   *
   * @param isWorkingDay the calendar, e.g. {@code businessCalendar::isWorkingDay}
   * @return the classifier
   */
  static DayClassifier workingDays(Predicate<LocalDate> isWorkingDay) {
    Predicate<LocalDate> working = require(isWorkingDay);
    return date -> working.test(date) ? date.getDayOfWeek().name() : NON_WORKING;
  }

  /**
   * Returns the coarsest calendar-aware classifier: {@link #WORKING} or {@link #NON_WORKING}. It
   * pools the most days, so it has the least noise when working days do differ little.
   *
   * @param isWorkingDay the calendar
   * @return the classifier
   */
  static DayClassifier workingOrNot(Predicate<LocalDate> isWorkingDay) {
    Predicate<LocalDate> working = require(isWorkingDay);
    return date -> working.test(date) ? WORKING : NON_WORKING;
  }

  private static Predicate<LocalDate> require(Predicate<LocalDate> value) {
    if (value == null) {
      throw new ValidationException("isWorkingDay", null, "must not be null");
    }
    return value;
  }
}
