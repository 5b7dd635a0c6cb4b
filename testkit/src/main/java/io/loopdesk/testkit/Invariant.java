package io.loopdesk.testkit;

/** The library invariants the command-sequence model checks after every step. */
public enum Invariant {
  /**
   * No ticket enters a closing status without a satisfactory callback that no later work voided,
   * per the lifecycle's {@link io.loopdesk.core.ClosedLoopRule}.
   */
  CLOSED_LOOP,
  /**
   * Every accepted command raises the version by exactly one, and the history holds versions 1..n.
   */
  VERSIONS,
  /**
   * A command at a stale version is refused with a {@link
   * io.loopdesk.api.VersionConflictException}, and one at the current version is not.
   */
  STALE_VERSION_REFUSED,
  /**
   * The desk accepts only what the lifecycle allows, and moves to the lifecycle's target status.
   */
  LIFECYCLE,
  /** A command matching a declared {@link Prohibition} is refused. */
  PROHIBITION,
  /** A refused command throws a {@link io.loopdesk.api.LoopdeskException} and changes nothing. */
  REJECTION,
  /**
   * The stored ticket equals the one the last accepted command returned, and replaying its stored
   * events equals it.
   */
  REPLAY_EQUALS_STATE,
  /**
   * Every stored event links to the one before under the desk's {@link
   * io.loopdesk.core.HistoryChain}.
   */
  HISTORY_CHAIN,
  /**
   * SLA clocks: no deadline before its clock's start, no negative or impossible elapsed time, no
   * time counted while paused.
   */
  SLA_CLOCK,
  /**
   * Conversations: a customer reply to a ticket waiting on the customer resumes it exactly when the
   * desk resumes on customer replies and the lifecycle and its guards allow {@code RESUME}, and
   * otherwise leaves the status as it was; internal notes never reach the customer's {@link
   * io.loopdesk.sla.CustomerProgress} view, which shows every agent and customer reply.
   */
  CONVERSATION
}
