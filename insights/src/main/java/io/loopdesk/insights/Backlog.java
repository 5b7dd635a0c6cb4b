package io.loopdesk.insights;

/**
 * Open tickets at the report instant, by age since opening.
 *
 * @param open all open tickets
 * @param underOneDay opened less than 24 h before
 * @param oneToThreeDays 1 to 3 days old
 * @param threeToSevenDays 3 to 7 days old
 * @param overSevenDays older than 7 days
 */
public record Backlog(long open, long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {}
