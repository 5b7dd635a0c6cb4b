package io.loopdesk.insights;

/**
 * <a href="package-summary.html#backlog">Open tickets</a> at the report instant, by age since
 * opening in the buckets of the <a href="package-summary.html#backlog-ageing">KPI glossary</a>
 * (each includes its lower bound and excludes its upper one).
 *
 * @param open all open tickets
 * @param underOneDay age under 24 h
 * @param oneToThreeDays age from 24 h to under 72 h
 * @param threeToSevenDays age from 72 h to under 168 h
 * @param overSevenDays age 168 h (7 days) or more
 */
public record Backlog(
    long open, long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {}
