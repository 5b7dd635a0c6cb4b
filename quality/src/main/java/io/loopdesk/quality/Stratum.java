package io.loopdesk.quality;

/**
 * A group of tickets sampled at its own rate. A ticket belongs to the applicable stratum with the
 * highest rate.
 */
public enum Stratum {
  /** Tickets of experienced agents with an ordinary complaint record. */
  REGULAR,
  /** Tickets of agents in their first months. */
  NEW_AGENT,
  /** Tickets of agents with many recent complaints. */
  HIGH_COMPLAINT,
  /** Tickets finished during a campaign (promotion, launch) period. */
  CAMPAIGN
}
