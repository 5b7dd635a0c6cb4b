package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agents of a desk with their changing state (presence, open tickets, quality score), and the
 * selection of an agent for a ticket in a queue.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li><b>Never over capacity.</b> {@link #reserve} takes a capacity slot atomically with the
 *       choice; an agent with {@code capacity} open tickets is never chosen.
 *   <li><b>Eligibility.</b> Only {@link Presence#ONLINE} agents of the queue, within their working
 *       hours at the given instant, who meet the skill requirement, are chosen.
 *   <li><b>Determinism.</b> The same sequence of calls with the same arguments gives the same
 *       choices; nothing depends on hash order, randomness or the system clock.
 *   <li><b>Speed.</b> Per queue, available agents are kept sorted for each strategy, so a choice
 *       usually inspects a handful of agents, not the whole pool.
 * </ul>
 *
 * <p>Thread-safe: every method is atomic. The strategy can be switched per queue at run time.
 */
public final class AgentPool {
  private static final Comparator<Slot> LOAD_ORDER =
      Comparator.<Slot>comparingInt(s -> s.load)
          .thenComparing(s -> s.lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparingLong(s -> s.lastAssigned)
          .thenComparing(s -> s.agent.id());
  private static final Comparator<Slot> QUALITY_ORDER =
      Comparator.<Slot>comparingDouble(s -> -s.quality).thenComparing(LOAD_ORDER);

  private final Object lock = new Object();
  private final TreeMap<String, Slot> agents = new TreeMap<>();
  private final HashMap<String, QueueIndex> queues = new HashMap<>();
  private final HashMap<String, SelectionStrategy> strategies = new HashMap<>();
  private SelectionStrategy defaultStrategy;
  private long sequence;

  /** Mutable state of one agent; guarded by the pool's lock. */
  private static final class Slot {
    Agent agent;
    Presence presence;
    int load;

    /** The latest instant the agent was chosen at, {@code null} if never. */
    Instant lastAssignedAt;

    /** The sequence number of the call that last chose the agent, 0 if never. */
    long lastAssigned;

    double quality;

    boolean available() {
      return presence == Presence.ONLINE && load < agent.capacity();
    }
  }

  /** Per-queue indexes; guarded by the pool's lock. */
  private static final class QueueIndex {
    final TreeSet<Slot> byLoad = new TreeSet<>(LOAD_ORDER);
    final TreeSet<Slot> byQuality = new TreeSet<>(QUALITY_ORDER);
    final TreeMap<String, Slot> byId = new TreeMap<>();
    final TreeMap<String, Slot> members = new TreeMap<>();
    Map<String, List<Slot>> bySkill;
    String cursor;

    /** Returns the skill index, rebuilt after membership changes. */
    Map<String, List<Slot>> skills() {
      if (bySkill != null) {
        return bySkill;
      }
      Map<String, List<Slot>> index = new HashMap<>();
      for (Slot s : members.values()) {
        for (String skill : s.agent.skills().keySet()) {
          index.computeIfAbsent(skill, k -> new ArrayList<>()).add(s);
        }
      }
      bySkill = index;
      return index;
    }
  }

  private AgentPool(SelectionStrategy defaultStrategy) {
    this.defaultStrategy = defaultStrategy;
  }

  /**
   * Returns an empty pool.
   *
   * @param defaultStrategy the strategy for queues without their own
   * @return the pool
   */
  public static AgentPool create(SelectionStrategy defaultStrategy) {
    return new AgentPool(require("defaultStrategy", defaultStrategy));
  }

  /**
   * Adds an agent, or replaces the profile of a known one (keeping open tickets and quality score).
   *
   * @param agent the profile
   * @param presence the current presence
   * @throws ValidationException if the new capacity is below the agent's open tickets
   */
  public void register(Agent agent, Presence presence) {
    require("agent", agent);
    require("presence", presence);
    synchronized (lock) {
      Slot slot = agents.get(agent.id());
      if (slot == null) {
        slot = new Slot();
        slot.quality = 50;
        agents.put(agent.id(), slot);
      } else {
        if (agent.capacity() < slot.load) {
          throw new ValidationException(
              "agent " + agent.id() + ".capacity",
              agent.capacity(),
              "is below the agent's " + slot.load + " open tickets");
        }
        withdraw(slot);
        leaveQueues(slot);
      }
      slot.agent = agent;
      slot.presence = presence;
      for (String q : agent.queues()) {
        QueueIndex index = queues.computeIfAbsent(q, k -> new QueueIndex());
        index.members.put(agent.id(), slot);
        index.bySkill = null;
      }
      offer(slot);
    }
  }

  /**
   * Removes an agent; their open tickets stay with them in the host.
   *
   * @param agentId the agent
   * @return whether the agent was known
   */
  public boolean remove(String agentId) {
    synchronized (lock) {
      Slot slot = agents.remove(require("agentId", agentId));
      if (slot == null) {
        return false;
      }
      withdraw(slot);
      leaveQueues(slot);
      return true;
    }
  }

  /**
   * Sets an agent's presence.
   *
   * @param agentId the agent
   * @param presence the presence
   */
  public void presence(String agentId, Presence presence) {
    require("presence", presence);
    synchronized (lock) {
      Slot slot = slot(agentId);
      withdraw(slot);
      slot.presence = presence;
      offer(slot);
    }
  }

  /**
   * Records an agent's recent quality score (QA score or CSAT), 0 to 100; new agents start at 50.
   *
   * @param agentId the agent
   * @param score the score
   */
  public void quality(String agentId, double score) {
    if (!(score >= 0 && score <= 100)) {
      throw new ValidationException("quality", score, "must be between 0 and 100");
    }
    synchronized (lock) {
      Slot slot = slot(agentId);
      withdraw(slot);
      slot.quality = score;
      offer(slot);
    }
  }

  /**
   * Switches the strategy of one queue at run time.
   *
   * @param queue the queue
   * @param strategy the strategy
   */
  public void strategy(String queue, SelectionStrategy strategy) {
    RoutingRule.checkName("queue", queue);
    require("strategy", strategy);
    synchronized (lock) {
      strategies.put(queue, strategy);
    }
  }

  /**
   * Switches the strategy of every queue without its own.
   *
   * @param strategy the strategy
   */
  public void defaultStrategy(SelectionStrategy strategy) {
    require("strategy", strategy);
    synchronized (lock) {
      defaultStrategy = strategy;
    }
  }

  /**
   * Returns the strategy used in a queue.
   *
   * @param queue the queue
   * @return its own strategy or the default
   */
  public SelectionStrategy strategyOf(String queue) {
    synchronized (lock) {
      return strategies.getOrDefault(queue, defaultStrategy);
    }
  }

  /**
   * Chooses an agent in a queue and reserves one of their capacity slots.
   *
   * @param queue the queue
   * @param requirement skills and language the agent needs
   * @param at the instant of the choice, for working hours and the time since each agent's last
   *     assignment (see {@link SelectionStrategy})
   * @return the choice, or empty if no agent of the queue is available and qualified
   */
  public Optional<AgentSelection> reserve(String queue, SkillRequirement requirement, Instant at) {
    require("queue", queue);
    require("requirement", requirement);
    require("at", at);
    synchronized (lock) {
      QueueIndex index = queues.get(queue);
      if (index == null) {
        return Optional.empty();
      }
      SelectionStrategy strategy = strategies.getOrDefault(queue, defaultStrategy);
      Slot chosen;
      String why;
      switch (strategy) {
        case SKILL_BASED -> {
          chosen = bestBySkill(index, requirement, at);
          why =
              chosen == null
                  ? null
                  : "skill score " + skillScore(chosen, requirement) + " for " + requirement;
        }
        case ROUND_ROBIN -> {
          chosen = nextInTurn(index, requirement, at);
          why = index.cursor == null ? "first in turn" : "next in turn after " + index.cursor;
        }
        case QUALITY_WEIGHTED -> {
          chosen = first(index.byQuality, requirement, at);
          why = chosen == null ? null : "best quality score " + chosen.quality;
        }
        default -> {
          chosen = first(index.byLoad, requirement, at);
          why = "least loaded";
        }
      }
      if (chosen == null) {
        return Optional.empty();
      }
      String reason =
          strategy
              + ": "
              + why
              + ", "
              + chosen.load
              + " of "
              + chosen.agent.capacity()
              + " open tickets";
      withdraw(chosen);
      chosen.load++;
      if (chosen.lastAssignedAt == null || at.isAfter(chosen.lastAssignedAt)) {
        chosen.lastAssignedAt = at;
      }
      chosen.lastAssigned = ++sequence;
      offer(chosen);
      index.cursor = chosen.agent.id();
      return Optional.of(new AgentSelection(chosen.agent.id(), queue, strategy, reason));
    }
  }

  /**
   * Frees one capacity slot of an agent, e.g. when a ticket is closed or reassigned.
   *
   * @param agentId the agent
   * @throws ValidationException if the agent is unknown or has no open tickets
   */
  public void release(String agentId) {
    synchronized (lock) {
      Slot slot = slot(agentId);
      if (slot.load == 0) {
        throw new ValidationException("agentId", agentId, "has no open tickets to release");
      }
      withdraw(slot);
      slot.load--;
      offer(slot);
    }
  }

  /**
   * Returns an agent's current state.
   *
   * @param agentId the agent
   * @return the state, or empty if unknown
   */
  public Optional<AgentStatus> status(String agentId) {
    synchronized (lock) {
      Slot s = agents.get(agentId);
      return s == null
          ? Optional.empty()
          : Optional.of(new AgentStatus(s.agent, s.presence, s.load, s.quality));
    }
  }

  /** Returns the number of registered agents. */
  public int size() {
    synchronized (lock) {
      return agents.size();
    }
  }

  private Slot slot(String agentId) {
    Slot slot = agents.get(require("agentId", agentId));
    if (slot == null) {
      throw new ValidationException("agentId", null, agentId + " is not a registered agent");
    }
    return slot;
  }

  private static Slot first(TreeSet<Slot> ordered, SkillRequirement req, Instant at) {
    for (Slot s : ordered) {
      if (qualifies(s, req, at)) {
        return s;
      }
    }
    return null;
  }

  private static Slot nextInTurn(QueueIndex index, SkillRequirement req, Instant at) {
    if (index.cursor != null) {
      for (Slot s : index.byId.tailMap(index.cursor, false).values()) {
        if (qualifies(s, req, at)) {
          return s;
        }
      }
      for (Slot s : index.byId.headMap(index.cursor, true).values()) {
        if (qualifies(s, req, at)) {
          return s;
        }
      }
      return null;
    }
    for (Slot s : index.byId.values()) {
      if (qualifies(s, req, at)) {
        return s;
      }
    }
    return null;
  }

  private static Slot bestBySkill(QueueIndex index, SkillRequirement req, Instant at) {
    if (req.minimumLevels().isEmpty()) {
      return first(index.byLoad, req, at);
    }
    List<Slot> candidates = null;
    for (String skill : req.minimumLevels().keySet()) {
      List<Slot> holders = index.skills().getOrDefault(skill, List.of());
      if (candidates == null || holders.size() < candidates.size()) {
        candidates = holders;
      }
    }
    Slot best = null;
    int bestScore = -1;
    for (Slot s : candidates) {
      if (!s.available() || !qualifies(s, req, at)) {
        continue;
      }
      int score = skillScore(s, req);
      if (score > bestScore || (score == bestScore && LOAD_ORDER.compare(s, best) < 0)) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  private static int skillScore(Slot s, SkillRequirement req) {
    int score = 0;
    for (String skill : req.minimumLevels().keySet()) {
      score += s.agent.skillLevel(skill);
    }
    return score;
  }

  private static boolean qualifies(Slot s, SkillRequirement req, Instant at) {
    return req.isMetBy(s.agent) && s.agent.worksAt(at);
  }

  /** Removes the slot from the availability indexes; call before changing any sort key. */
  private void withdraw(Slot slot) {
    for (String q : slot.agent.queues()) {
      QueueIndex index = queues.get(q);
      index.byLoad.remove(slot);
      index.byQuality.remove(slot);
      index.byId.remove(slot.agent.id());
    }
  }

  /** Adds the slot to the availability indexes if it can take a ticket. */
  private void offer(Slot slot) {
    if (!slot.available()) {
      return;
    }
    for (String q : slot.agent.queues()) {
      QueueIndex index = queues.get(q);
      index.byLoad.add(slot);
      index.byQuality.add(slot);
      index.byId.put(slot.agent.id(), slot);
    }
  }

  private void leaveQueues(Slot slot) {
    for (String q : slot.agent.queues()) {
      QueueIndex index = queues.get(q);
      index.members.remove(slot.agent.id());
      index.bySkill = null;
    }
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }
}
