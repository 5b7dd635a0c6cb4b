package io.loopdesk.operations;

/**
 * The Erlang C figures of one interval for a number of agents.
 *
 * @param agents the agents
 * @param erlangs the offered load in Erlangs
 * @param probabilityOfWaiting the share of calls that wait at all
 * @param serviceLevel the share of calls answered within the target answer time
 * @param averageSpeedOfAnswerSeconds the mean wait over all calls, in seconds (infinite if
 *     overloaded)
 * @param expectedWaitWhenQueuedSeconds the mean wait of calls that wait, in seconds (infinite if
 *     overloaded)
 * @param occupancy the share of agents' time spent handling calls
 */
public record QueueFigures(
    int agents,
    double erlangs,
    double probabilityOfWaiting,
    double serviceLevel,
    double averageSpeedOfAnswerSeconds,
    double expectedWaitWhenQueuedSeconds,
    double occupancy) {}
