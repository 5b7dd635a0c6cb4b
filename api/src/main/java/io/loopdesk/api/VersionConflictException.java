package io.loopdesk.api;

/**
 * Optimistic concurrency failed: the caller acted on a version of the ticket that is no longer the
 * current one, or tried to create a ticket whose id already exists. Nothing was written. Reload the
 * ticket and decide again.
 */
public final class VersionConflictException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket
   * @param expectedVersion the version the caller based its change on ({@code 0} for a create)
   * @param actualVersion the version currently stored ({@code 0} if none)
   */
  public VersionConflictException(TicketId ticketId, long expectedVersion, long actualVersion) {
    super(
        "Ticket "
            + ticketId
            + " was changed concurrently: expected version "
            + expectedVersion
            + " but the stored version is "
            + actualVersion);
    this.ticketId = ticketId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** Returns the ticket whose update was rejected. */
  public TicketId ticketId() {
    return ticketId;
  }

  /** Returns the version the caller expected. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** Returns the version found in the store. */
  public long actualVersion() {
    return actualVersion;
  }
}
