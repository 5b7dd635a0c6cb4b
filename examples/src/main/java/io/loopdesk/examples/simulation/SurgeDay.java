package io.loopdesk.examples.simulation;

import io.loopdesk.routing.SurgeSwitch;
import java.util.List;
import java.util.Map;

/**
 * What the surge plan did on the surge day of a {@code --surge} run.
 *
 * @param switches the audited surge switches, oldest first
 * @param routedToOwnQueue core tickets routed to their own queue during surge
 * @param overflowed core tickets overflowed to the standby or partner pool, by pool
 * @param deferred non-core tickets deferred during surge, each with self-service suggestions
 * @param suggestions self-service articles suggested, by article, most suggested first
 * @param waitMessages expected-wait messages given to queued customers during surge (the first few)
 * @param waitMessagesGiven how many expected-wait messages were given during surge
 * @param incident the public-opinion incident's steps, in order
 */
public record SurgeDay(
    List<SurgeSwitch> switches,
    int routedToOwnQueue,
    Map<String, Integer> overflowed,
    int deferred,
    Map<String, Integer> suggestions,
    List<String> waitMessages,
    int waitMessagesGiven,
    List<String> incident) {
  /** Copies the collections. */
  public SurgeDay {
    switches = List.copyOf(switches);
    overflowed = Map.copyOf(overflowed);
    suggestions = Map.copyOf(suggestions);
    waitMessages = List.copyOf(waitMessages);
    incident = List.copyOf(incident);
  }
}
