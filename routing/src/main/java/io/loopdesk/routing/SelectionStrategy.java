package io.loopdesk.routing;

/**
 * How {@link AgentPool} picks among the available agents of a queue who meet the skill requirement.
 * Every strategy is deterministic: ties are broken by fewer open tickets, then by the longest time
 * since the agent's last assignment, then by agent id. An agent's last assignment is the latest
 * {@code at} instant passed to {@link AgentPool#reserve} that chose them, in any queue; an agent
 * never chosen has waited longest, and between equal instants the earlier call has waited longer.
 */
public enum SelectionStrategy {
  /** Skill first: the highest sum of levels in the required skills (for hard problems). */
  SKILL_BASED,
  /** Idle first: the fewest open tickets, then the longest idle (to balance load). */
  LEAST_LOADED,
  /**
   * The next agent, in agent-id order and wrapping around, after the agent last chosen in this
   * queue by any strategy (the first agent if none was chosen yet).
   */
  ROUND_ROBIN,
  /** The best recent quality score (QA score or CSAT, 0 to 100). */
  QUALITY_WEIGHTED
}
