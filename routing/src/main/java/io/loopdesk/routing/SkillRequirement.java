package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an agent must be able to do to take a ticket: skills at minimum levels and, optionally, a
 * language. Immutable.
 *
 * @param minimumLevels skill name to lowest acceptable level, may be empty
 * @param language the language the agent must speak, or null for any
 */
public record SkillRequirement(Map<String, Integer> minimumLevels, String language) {
  /** No requirement: any available agent of the queue qualifies. */
  public static final SkillRequirement NONE = new SkillRequirement(Map.of(), null);

  /** Validates and copies. */
  public SkillRequirement {
    if (minimumLevels == null) {
      throw new ValidationException("minimumLevels", null, "must not be null");
    }
    for (Map.Entry<String, Integer> e : minimumLevels.entrySet()) {
      RoutingRule.checkName("skill", e.getKey());
      Agent.checkLevel("skill " + e.getKey(), e.getValue());
    }
    minimumLevels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(minimumLevels));
    if (language != null && language.isBlank()) {
      throw new ValidationException("language", language, "must not be blank");
    }
  }

  /**
   * Returns a requirement of one skill.
   *
   * @param skill the skill
   * @param level the minimum level
   * @return the requirement
   */
  public static SkillRequirement skill(String skill, int level) {
    return new SkillRequirement(Map.of(skill, level), null);
  }

  /** Returns the required language, if any. */
  public Optional<String> requiredLanguage() {
    return Optional.ofNullable(language);
  }

  /** Returns a copy that also requires a language. */
  public SkillRequirement withLanguage(String value) {
    return new SkillRequirement(minimumLevels, value);
  }

  /** Returns true if an agent's profile meets the requirement. */
  public boolean isMetBy(Agent agent) {
    if (language != null && !agent.languages().contains(language)) {
      return false;
    }
    for (Map.Entry<String, Integer> e : minimumLevels.entrySet()) {
      if (agent.skillLevel(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "skills " + minimumLevels + (language == null ? "" : ", language " + language);
  }
}
