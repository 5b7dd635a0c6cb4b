package io.loopdesk.routing;

import io.loopdesk.api.Assignment;
import java.util.Optional;

/**
 * A routing decision together with the agent chosen in its queue.
 *
 * @param decision where the rules sent the ticket and why
 * @param agent the agent chosen, with a capacity slot reserved; empty if the ticket was not routed
 *     or no agent was available
 */
public record RoutingResult(RoutingDecision decision, Optional<AgentSelection> agent) {

  /** Longest reason an {@link Assignment} accepts. */
  static final int MAX_REASON = 1000;

  /**
   * Returns the assignment to record on the ticket, present when an agent was chosen. Its reason is
   * {@link #reason()}, shortened to fit, so the routing decision shows in the ticket's audit trail.
   */
  public Optional<Assignment> assignment() {
    String reason = reason();
    String fitted =
        reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    return agent.flatMap(
        a -> decision.target().map(t -> Assignment.of(a.agentId(), t.department(), fitted)));
  }

  /** Returns the full audit text: the rules that fired and why, then how the agent was chosen. */
  public String reason() {
    String rules = decision.explanation();
    if (decision.target().isEmpty()) {
      return rules;
    }
    RuleAction.AssignTo t = decision.target().get();
    return agent
        .map(
            a -> rules + " | agent " + a.agentId() + " in queue " + t.queue() + " by " + a.reason())
        .orElse(
            rules
                + " | no available agent in queue "
                + t.queue()
                + " with "
                + decision.requirement());
  }
}
