package io.loopdesk.examples.simulation;

import java.time.LocalDate;

/**
 * The state of the desk at the end of one simulated day.
 *
 * @param date the day
 * @param working whether it was a working day of the business calendar
 * @param opened tickets opened that day
 * @param closed tickets closed that day
 * @param backlog tickets open at the end of the day
 * @param slaWarnings SLA warnings raised that day
 * @param slaBreaches SLA breaches raised that day
 */
public record DayPoint(
    LocalDate date,
    boolean working,
    int opened,
    int closed,
    int backlog,
    int slaWarnings,
    int slaBreaches) {}
