package io.loopdesk.sla;

/** What an SLA clock measures. */
public enum SlaMetric {
  /**
   * From the ticket's creation until an agent first engages: the ticket is started, put on wait,
   * replied to (an agent reply to the customer), or resolved (whichever comes first).
   */
  FIRST_RESPONSE,
  /** From the ticket's creation until it is resolved; a reopen resumes the same clock. */
  RESOLUTION,
  /** From the resolution until the first callback attempt is recorded. */
  CALLBACK,
  /**
   * From the oldest customer reply not yet answered until the next agent reply (Zendesk's next
   * reply time); each unanswered customer message starts a new cycle. Never paused: the customer is
   * the one waiting.
   */
  NEXT_REPLY,
  /**
   * The customer hears from the desk at least every target (e.g. a progress update on a complaint
   * within 24 business hours; Zendesk's periodic update time): a cycle runs from the ticket's
   * creation, and again from each agent reply, until the next agent reply; the resolution meets the
   * cycle in force and a reopen starts a new one. Pauses in the policy's pausing statuses.
   */
  PERIODIC_UPDATE,
  /**
   * Zendesk's agent work time: from the ticket's creation until it is resolved, counting only time
   * with the desk; paused while waiting on the customer or on a third party (and in the policy's
   * pausing statuses). A reopen resumes it.
   */
  AGENT_WORK_TIME,
  /**
   * Zendesk's requester wait time: from the ticket's creation until it is resolved, counting all
   * time the customer waits; paused only while waiting on the customer. A reopen resumes it.
   */
  REQUESTER_WAIT_TIME,
  /**
   * An operational level agreement (OLA) of the team (department) the ticket is assigned to: from
   * the assignment to that team until the ticket leaves it (reassigned to another team, resolved)
   * or is closed. A reassignment to another team meets the old team's clock and starts a new one
   * for the new team (as ServiceNow's task SLAs restart on a change of assignment group); a reopen
   * starts a new one for the team that holds the ticket. Its targets are per team ({@link
   * SlaPolicy.Builder#ola}), not per {@link SlaPolicy.Builder#target}; pauses in the policy's
   * pausing statuses. The events of such a clock name the team ({@link SlaEvent#team()}).
   */
  OLA
}
