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
    CALLBACK
}
