package io.loopdesk.operations;

/**
 * The Erlang A figures of one interval for a number of agents.
 *
 * @param agents the agents
 * @param erlangs the offered load in Erlangs
 * @param probabilityOfWaiting the share of callers who find every agent busy
 * @param probabilityOfAbandoning the share of callers who hang up before being answered
 * @param serviceLevel the share of all callers answered within the answer time
 * @param averageSpeedOfAnswerSeconds the mean wait of answered callers, in seconds
 * @param averageWaitSeconds the mean time in queue over all callers, answered or not, in seconds
 * @param occupancy the share of agents' time spent handling calls
 */
public record AbandonmentFigures(
    int agents,
    double erlangs,
    double probabilityOfWaiting,
    double probabilityOfAbandoning,
    double serviceLevel,
    double averageSpeedOfAnswerSeconds,
    double averageWaitSeconds,
    double occupancy) {}
