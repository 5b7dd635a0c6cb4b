package io.loopdesk.quality;

/**
 * An agent's quality record.
 *
 * @param agentId the agent
 * @param reviews scorecards recorded
 * @param averageTotal mean of the scorecards' totals, 0 without reviews
 * @param consecutiveFailures failing scorecards in a row, most recent last
 * @param flaggedForRetraining whether the agent must be retrained
 */
public record AgentQualityStatus(
    String agentId,
    int reviews,
    double averageTotal,
    int consecutiveFailures,
    boolean flaggedForRetraining) {}
