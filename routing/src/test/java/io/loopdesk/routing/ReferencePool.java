package io.loopdesk.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The selection rules of {@link AgentPool} written as plainly as possible: scan every agent,
 * filter, sort. The oracle for model-based property tests and the baseline of the benchmark. Not
 * thread-safe.
 */
public final class ReferencePool {
  static final class State {
    Agent agent;
    Presence presence;
    int load;
    Instant lastAssignedAt;
    long lastAssigned;
    double quality = 50;
  }

  final Map<String, State> agents = new TreeMap<>();
  final Map<String, SelectionStrategy> strategies = new TreeMap<>();
  final Map<String, String> cursors = new TreeMap<>();
  SelectionStrategy defaultStrategy;
  long sequence;

  public ReferencePool(SelectionStrategy defaultStrategy) {
    this.defaultStrategy = defaultStrategy;
  }

  public void register(Agent agent, Presence presence) {
    State s = agents.computeIfAbsent(agent.id(), k -> new State());
    s.agent = agent;
    s.presence = presence;
  }

  public Optional<String> reserve(String queue, SkillRequirement req, Instant at) {
    SelectionStrategy strategy = strategies.getOrDefault(queue, defaultStrategy);
    List<State> eligible = new ArrayList<>();
    for (State s : agents.values()) {
      if (s.agent.queues().contains(queue)
          && s.presence == Presence.ONLINE
          && s.load < s.agent.capacity()
          && s.agent.worksAt(at)
          && req.isMetBy(s.agent)) {
        eligible.add(s);
      }
    }
    Comparator<State> byLoad =
        Comparator.<State>comparingInt(s -> s.load)
            .thenComparing(s -> s.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(s -> s.lastAssigned)
            .thenComparing(s -> s.agent.id());
    State chosen;
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    switch (strategy) {
      case SKILL_BASED -> {
        Comparator<State> bySkill =
            Comparator.<State>comparingInt(s -> -score(s, req)).thenComparing(byLoad);
        chosen =
            req.minimumLevels().isEmpty()
                ? eligible.stream().min(byLoad).get()
                : eligible.stream().min(bySkill).get();
      }
      case QUALITY_WEIGHTED ->
          chosen =
              eligible.stream()
                  .min(Comparator.<State>comparingDouble(s -> -s.quality).thenComparing(byLoad))
                  .get();
      case ROUND_ROBIN -> {
        String cursor = cursors.get(queue);
        chosen =
            eligible.stream()
                .filter(s -> cursor == null || s.agent.id().compareTo(cursor) > 0)
                .findFirst()
                .orElse(eligible.get(0));
      }
      default -> chosen = eligible.stream().min(byLoad).get();
    }
    cursors.put(queue, chosen.agent.id());
    chosen.load++;
    if (chosen.lastAssignedAt == null || at.isAfter(chosen.lastAssignedAt)) {
      chosen.lastAssignedAt = at;
    }
    chosen.lastAssigned = ++sequence;
    return Optional.of(chosen.agent.id());
  }

  /** Sets an agent's quality score. */
  public void quality(String agentId, double score) {
    agents.get(agentId).quality = score;
  }

  /** Frees one slot of an agent. */
  public void release(String agentId) {
    agents.get(agentId).load--;
  }

  private static int score(State s, SkillRequirement req) {
    return req.minimumLevels().keySet().stream().mapToInt(k -> s.agent.skillLevel(k)).sum();
  }
}
