package io.loopdesk.improvement;

/** Where an improvement plan stands at a given instant. */
public enum PlanStatus {
  /** Not started, planned end not passed. */
  PLANNED,
  /** Started, planned end not passed. */
  IN_PROGRESS,
  /** Finished; the actual end is recorded. */
  DONE,
  /** Not finished and past its (possibly extended) planned end. */
  DELAYED
}
