package io.loopdesk.routing;

/**
 * How {@link AgentPool} picks among the available agents of a queue who meet the skill requirement.
 * Every strategy is deterministic: ties are broken by fewer open tickets, then by the longest time
 * since the agent's last assignment, then by agent id.
 */
public enum SelectionStrategy {
  /** Skill first: the highest sum of levels in the required skills (for hard problems). */
  SKILL_BASED,
  /** Idle first: the fewest open tickets, then the longest idle (to balance load). */
  LEAST_LOADED,
  /** The next agent after the one last chosen in this queue, in agent-id order. */
  ROUND_ROBIN,
  /** The best recent quality score (QA score or CSAT, 0 to 100). */
  QUALITY_WEIGHTED
}
