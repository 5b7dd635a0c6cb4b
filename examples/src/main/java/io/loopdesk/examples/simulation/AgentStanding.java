package io.loopdesk.examples.simulation;

import java.util.List;
import java.util.OptionalDouble;

/**
 * An agent measured against the handbook's standards over the whole run.
 *
 * @param agent the agent's id
 * @param tickets tickets last assigned to the agent
 * @param satisfiedRate share of callback ratings of 4 or 5
 * @param firstContactResolution first-contact resolution
 * @param qaScore mean QA score of the agent's reviewed tickets
 * @param shortfalls the standards the agent is below, empty when none
 */
public record AgentStanding(
    String agent,
    long tickets,
    OptionalDouble satisfiedRate,
    OptionalDouble firstContactResolution,
    OptionalDouble qaScore,
    List<String> shortfalls) {
  /** Copies the list. */
  public AgentStanding {
    shortfalls = List.copyOf(shortfalls);
  }
}
