package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import io.loopdesk.sla.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An agent's profile for routing: queues served, skills with levels, languages, capacity (how many
 * open tickets at once) and working hours. Immutable; the changing state (presence, open tickets,
 * quality score) lives in the {@link AgentPool}. Holds no personal data: the id is an employee id.
 */
public final class Agent {
  /** Highest skill level. */
  public static final int MAX_SKILL_LEVEL = 10;

  /** Largest capacity. */
  public static final int MAX_CAPACITY = 1_000;

  private final String id;
  private final Set<String> queues;
  private final Map<String, Integer> skills;
  private final Set<String> languages;
  private final int capacity;
  private final BusinessCalendar workingHours;

  private Agent(Builder b) {
    this.id = b.id;
    if (b.queues.isEmpty()) {
      throw new ValidationException(
          "agent " + id + ".queues", "[]", "must name at least one queue");
    }
    this.queues = Collections.unmodifiableSortedSet(new TreeSet<>(b.queues));
    this.skills = Collections.unmodifiableSortedMap(new TreeMap<>(b.skills));
    this.languages = Collections.unmodifiableSortedSet(new TreeSet<>(b.languages));
    this.capacity = b.capacity;
    this.workingHours = b.workingHours;
  }

  /**
   * Returns a builder.
   *
   * @param id the agent's user id (employee id), 1-64 characters
   * @return the builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns a builder initialised with this profile. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.queues.addAll(queues);
    b.skills.putAll(skills);
    b.languages.addAll(languages);
    b.capacity = capacity;
    b.workingHours = workingHours;
    return b;
  }

  /** Returns the id. */
  public String id() {
    return id;
  }

  /** Returns the queues the agent serves, sorted. */
  public Set<String> queues() {
    return queues;
  }

  /** Returns skills and levels, sorted by skill. */
  public Map<String, Integer> skills() {
    return skills;
  }

  /**
   * Returns the level in a skill.
   *
   * @param skill the skill
   * @return the level, 0 if the agent lacks it
   */
  public int skillLevel(String skill) {
    Integer level = skills.get(skill);
    return level == null ? 0 : level;
  }

  /** Returns the languages the agent speaks, sorted. */
  public Set<String> languages() {
    return languages;
  }

  /** Returns how many open tickets the agent may hold at once. */
  public int capacity() {
    return capacity;
  }

  /** Returns the working hours, empty if the agent may be selected at any time. */
  public Optional<BusinessCalendar> workingHours() {
    return Optional.ofNullable(workingHours);
  }

  /**
   * Returns true if the instant is within the agent's working hours (always, without a calendar).
   *
   * @param at the instant
   * @return whether the agent works then
   */
  public boolean worksAt(Instant at) {
    return workingHours == null || workingHours.isWorkingTime(at);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Agent a
        && a.id.equals(id)
        && a.queues.equals(queues)
        && a.skills.equals(skills)
        && a.languages.equals(languages)
        && a.capacity == capacity
        && java.util.Objects.equals(a.workingHours, workingHours);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Agent["
        + id
        + ", queues="
        + queues
        + ", skills="
        + skills
        + ", languages="
        + languages
        + ", capacity="
        + capacity
        + (workingHours == null ? "" : ", hours=" + workingHours.name())
        + "]";
  }

  static int checkLevel(String field, Integer level) {
    if (level == null || level < 1 || level > MAX_SKILL_LEVEL) {
      throw new ValidationException(
          field, level, "must be a level between 1 and " + MAX_SKILL_LEVEL);
    }
    return level;
  }

  /** Builds an {@link Agent}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private final Set<String> queues = new TreeSet<>();
    private final Map<String, Integer> skills = new LinkedHashMap<>();
    private final Set<String> languages = new TreeSet<>();
    private int capacity = 1;
    private BusinessCalendar workingHours;

    private Builder(String id) {
      if (id == null || id.isBlank() || id.length() > 64) {
        throw new ValidationException("agent.id", id, "must be 1-64 characters, not blank");
      }
      this.id = id;
    }

    /** Adds queues the agent serves. */
    public Builder queues(String... values) {
      for (String q : values) {
        queues.add(RoutingRule.checkName("agent " + id + ".queue", q));
      }
      return this;
    }

    /** Sets a skill level, 1 to {@value Agent#MAX_SKILL_LEVEL}. */
    public Builder skill(String skill, int level) {
      skills.put(
          RoutingRule.checkName("agent " + id + ".skill", skill),
          checkLevel("agent " + id + ".skill " + skill, level));
      return this;
    }

    /** Adds languages, e.g. {@code zh}, {@code en}. */
    public Builder languages(String... values) {
      for (String l : values) {
        languages.add(RoutingRule.checkName("agent " + id + ".language", l));
      }
      return this;
    }

    /** Sets the capacity, 1 to {@value Agent#MAX_CAPACITY} (default 1). */
    public Builder capacity(int value) {
      if (value < 1 || value > MAX_CAPACITY) {
        throw new ValidationException(
            "agent " + id + ".capacity", value, "must be between 1 and " + MAX_CAPACITY);
      }
      capacity = value;
      return this;
    }

    /** Sets the working hours, or null for always. */
    public Builder workingHours(BusinessCalendar value) {
      workingHours = value;
      return this;
    }

    /**
     * Returns the profile.
     *
     * @throws ValidationException if no queue is named
     */
    public Agent build() {
      return new Agent(this);
    }
  }
}
