package io.loopdesk.quality;

import io.loopdesk.api.ValidationException;

/**
 * What sampling needs to know about an agent.
 *
 * @param agentId the agent
 * @param newAgent whether the agent is still in the new-agent period
 * @param recentComplaints complaints against the agent in the recent period the host chooses
 */
public record AgentProfile(String agentId, boolean newAgent, int recentComplaints) {
  /** Validates the profile. */
  public AgentProfile {
    if (agentId == null || agentId.isBlank()) {
      throw new ValidationException("agentId", agentId, "must not be blank");
    }
    if (recentComplaints < 0) {
      throw new ValidationException("recentComplaints", recentComplaints, "must not be negative");
    }
  }
}
