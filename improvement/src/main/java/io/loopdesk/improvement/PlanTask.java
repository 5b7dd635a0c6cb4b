package io.loopdesk.improvement;

import io.loopdesk.api.Checks;
import java.time.Instant;

/**
 * One task of a plan.
 *
 * @param id the task id, unique within the plan
 * @param title what is to be done
 * @param owner who does it
 * @param due when it is due
 * @param done whether it is finished
 */
public record PlanTask(String id, String title, String owner, Instant due, boolean done) {
  /** Longest task title. */
  public static final int MAX_TITLE_LENGTH = 500;

  /** Validates the task. */
  public PlanTask {
    Checks.text("task.id", id, Checks.MAX_ID_LENGTH);
    Checks.text("task.title", title, MAX_TITLE_LENGTH);
    Checks.text("task.owner", owner, Checks.MAX_ID_LENGTH);
    Checks.notNull("task.due", due);
  }
}
