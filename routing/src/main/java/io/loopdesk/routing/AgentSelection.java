package io.loopdesk.routing;

/**
 * An agent chosen for a ticket, with one of their capacity slots reserved.
 *
 * @param agentId the chosen agent
 * @param queue the queue the agent was chosen in
 * @param strategy the strategy that chose them
 * @param reason why, for the audit trail, e.g. {@code LEAST_LOADED: 0 of 3 open tickets}
 */
public record AgentSelection(
    String agentId, String queue, SelectionStrategy strategy, String reason) {}
