package io.loopdesk.sla;

/** Where one SLA clock of a ticket stands. */
public enum SlaClockState {
  /** Business time is being counted. */
  RUNNING,
  /** The ticket is in a pausing status; no time is counted. */
  PAUSED,
  /**
   * The measured step happened (e.g. the ticket was resolved); see {@link SlaStatus#breached()} for
   * whether in time.
   */
  MET,
  /** The clock no longer applies: the ticket closed, or re-classification removed the target. */
  STOPPED
}
