package io.loopdesk.sla;

/**
 * How one SLA target of one ticket ended (or stands, see {@link SlaStatus#result()}): Zendesk's
 * "achieved", "breached" and "achieved late".
 */
public enum SlaResult {
  /** The measured step happened within the target. */
  MET,
  /** The target was exceeded and the step has not happened (yet, or ever: the clock stopped). */
  BREACHED,
  /** The measured step happened, but only after the target was exceeded. */
  MET_LATE
}
