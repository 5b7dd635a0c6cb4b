package io.loopdesk.improvement;

import io.loopdesk.api.Checks;
import io.loopdesk.api.DelayRequest;
import io.loopdesk.api.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of an improvement plan at one version.
 *
 * @param id the plan id
 * @param version 1 when created, one more after every accepted change
 * @param title short name, e.g. "Battery batch B-2026-03 swelling"
 * @param rootCause what analysis found
 * @param target the measurable goal, e.g. "battery complaints below 0.1% of sales by June"
 * @param measures what will be done
 * @param department the responsible department
 * @param owner the responsible person
 * @param plannedStart planned start
 * @param plannedEnd planned end, moved only by an approved delay request
 * @param started whether work has started
 * @param actualEnd when it was finished, {@code null} until done
 * @param linkedTickets the feedback tickets the plan answers
 * @param tasks the tasks
 * @param delayRequests every delay request, oldest first
 */
public record ImprovementPlan(
    String id,
    long version,
    String title,
    String rootCause,
    String target,
    List<String> measures,
    String department,
    String owner,
    Instant plannedStart,
    Instant plannedEnd,
    boolean started,
    Instant actualEnd,
    Set<TicketId> linkedTickets,
    List<PlanTask> tasks,
    List<DelayRequest> delayRequests) {

  /** Validates and copies the plan. */
  public ImprovementPlan {
    Checks.text("plan.id", id, Checks.MAX_ID_LENGTH);
    Checks.text("plan.title", title, Checks.MAX_TITLE_LENGTH);
    Checks.text("plan.rootCause", rootCause, Checks.MAX_NOTE_LENGTH);
    Checks.text("plan.target", target, Checks.MAX_REASON_LENGTH);
    measures = List.copyOf(Checks.notNull("plan.measures", measures));
    Checks.text("plan.department", department, Checks.MAX_UNIT_NAME_LENGTH);
    Checks.text("plan.owner", owner, Checks.MAX_ID_LENGTH);
    Checks.notNull("plan.plannedStart", plannedStart);
    Checks.notNull("plan.plannedEnd", plannedEnd);
    if (!plannedEnd.isAfter(plannedStart)) {
      throw new io.loopdesk.api.ValidationException(
          "plan.plannedEnd", plannedEnd, "must be after plannedStart " + plannedStart);
    }
    linkedTickets = Set.copyOf(Checks.notNull("plan.linkedTickets", linkedTickets));
    tasks = List.copyOf(Checks.notNull("plan.tasks", tasks));
    delayRequests = List.copyOf(Checks.notNull("plan.delayRequests", delayRequests));
  }

  /**
   * Returns the status at an instant: done once finished, delayed when past the planned end,
   * otherwise planned or in progress.
   *
   * @param now the instant
   * @return the status
   */
  public PlanStatus statusAt(Instant now) {
    if (actualEnd != null) {
      return PlanStatus.DONE;
    }
    if (now.isAfter(plannedEnd)) {
      return PlanStatus.DELAYED;
    }
    return started ? PlanStatus.IN_PROGRESS : PlanStatus.PLANNED;
  }

  /** Returns the pending delay request, if any. */
  public Optional<DelayRequest> pendingDelay() {
    return delayRequests.stream().filter(d -> d.isPending()).findFirst();
  }

  /** Returns true if every task is done. */
  public boolean allTasksDone() {
    return tasks.stream().allMatch(PlanTask::done);
  }
}
