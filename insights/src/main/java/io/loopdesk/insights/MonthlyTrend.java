package io.loopdesk.insights;

import java.time.YearMonth;
import java.util.OptionalDouble;

/**
 * One month of a KPI trend.
 *
 * @param month the month (tickets count in the month they were opened)
 * @param value the KPI's value that month
 * @param changeFromPreviousMonth relative change against the previous month with a value, e.g. 0.25
 *     for +25%; empty for the first month or when the previous value is zero
 */
public record MonthlyTrend(
    YearMonth month, OptionalDouble value, OptionalDouble changeFromPreviousMonth) {}
