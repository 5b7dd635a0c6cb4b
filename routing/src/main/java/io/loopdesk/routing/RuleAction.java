package io.loopdesk.routing;

import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What a fired {@link RoutingRule} does to the routing decision. Immutable. */
public sealed interface RuleAction {

  /**
   * Sends the ticket to a department and one of its queues; agents are then chosen in the queue.
   *
   * @param department the owning department, recorded on the ticket's assignment
   * @param queue the queue agents are selected from
   */
  record AssignTo(String department, String queue) implements RuleAction {
    /** Validates the target. */
    public AssignTo {
      RoutingRule.checkName("department", department);
      RoutingRule.checkName("queue", queue);
    }
  }

  /**
   * Sets the priority, whatever it was.
   *
   * @param priority the new priority
   */
  record SetPriority(Priority priority) implements RuleAction {
    /** Validates the priority. */
    public SetPriority {
      if (priority == null) {
        throw new ValidationException("setPriority", null, "must not be null");
      }
    }
  }

  /**
   * Makes the priority more urgent by some steps, never past {@link Priority#P0}.
   *
   * @param steps 1 to 3
   */
  record RaisePriority(int steps) implements RuleAction {
    /** Validates the steps. */
    public RaisePriority {
      if (steps < 1 || steps > 3) {
        throw new ValidationException("raisePriority", steps, "must be between 1 and 3");
      }
    }
  }

  /**
   * Adds tags to the decision, e.g. for reporting or for the host's UI.
   *
   * @param tags the tags, not empty, none blank
   */
  record AddTags(Set<String> tags) implements RuleAction {
    /** Validates and copies the tags. */
    public AddTags {
      if (tags == null || tags.isEmpty()) {
        throw new ValidationException("addTags", tags, "must name at least one tag");
      }
      for (String tag : tags) {
        RoutingRule.checkName("tag", tag);
      }
      tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }
  }

  /**
   * Requires skills of the selected agent (skill-first routing for hard problems).
   *
   * @param minimumLevels skill name to the lowest acceptable level (1 to {@value
   *     Agent#MAX_SKILL_LEVEL})
   */
  record RequireSkills(Map<String, Integer> minimumLevels) implements RuleAction {
    /** Validates and copies the requirement. */
    public RequireSkills {
      if (minimumLevels == null || minimumLevels.isEmpty()) {
        throw new ValidationException(
            "requireSkills", minimumLevels, "must name at least one skill");
      }
      for (Map.Entry<String, Integer> e : minimumLevels.entrySet()) {
        RoutingRule.checkName("skill", e.getKey());
        Agent.checkLevel("requireSkills." + e.getKey(), e.getValue());
      }
      minimumLevels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(minimumLevels));
    }
  }
}
