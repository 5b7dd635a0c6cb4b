package io.loopdesk.routing;

/**
 * A snapshot of an agent's state in an {@link AgentPool}.
 *
 * @param agent the profile
 * @param presence the presence
 * @param openTickets the reserved capacity slots, never more than {@code agent.capacity()}
 * @param quality the recent quality score, 0 to 100
 */
public record AgentStatus(Agent agent, Presence presence, int openTickets, double quality) {}
