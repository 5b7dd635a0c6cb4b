package io.loopdesk.improvement;

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
  /** Validates the task. */
  public PlanTask {
    PlanChecks.text("task.id", id, 64);
    PlanChecks.text("task.title", title, 500);
    PlanChecks.text("task.owner", owner, 64);
    PlanChecks.notNull("task.due", due);
  }
}
