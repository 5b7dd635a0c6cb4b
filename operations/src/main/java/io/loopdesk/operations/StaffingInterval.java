package io.loopdesk.operations;

import java.time.LocalDateTime;

/**
 * The staffing of one interval: the forecast arrivals, the agents Erlang C requires on the phones
 * for the target, the agents to schedule once shrinkage is allowed for, and the figures those
 * agents give.
 *
 * @param start the interval's local start
 * @param arrivals the forecast arrivals of the staffed channels
 * @param requiredAgents the agents needed handling contacts (0 when nothing is expected)
 * @param scheduledAgents the agents to schedule: required divided by {@code 1 - shrinkage}, rounded
 *     up
 * @param figures the Erlang C figures with the required agents, or null when nothing is expected
 */
public record StaffingInterval(
    LocalDateTime start,
    double arrivals,
    int requiredAgents,
    int scheduledAgents,
    QueueFigures figures) {}
