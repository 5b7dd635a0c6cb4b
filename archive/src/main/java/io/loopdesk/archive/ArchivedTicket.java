package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.api.Checks;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * The archive's record of one archived ticket; holds no personal data.
 *
 * @param ticketId the ticket
 * @param version the ticket version that was archived; a ticket that changed since is live again
 * @param customerId the ticket's customer (the CRM reference, not personal data)
 * @param closedAt when the ticket was closed
 * @param archivedAt when it was archived
 * @param archivedBy the instance or job that archived it, 1-200 characters
 */
public record ArchivedTicket(
    TicketId ticketId,
    long version,
    String customerId,
    Instant closedAt,
    Instant archivedAt,
    String archivedBy) {

  /** Validates the record. */
  public ArchivedTicket {
    Checks.notNull("ticketId", ticketId);
    if (version < 1) {
      throw new ValidationException("version", version, "must be at least 1");
    }
    CustomerKeyRecord.requireCustomerId(customerId);
    Checks.notNull("closedAt", closedAt);
    Checks.notNull("archivedAt", archivedAt);
    if (archivedBy == null
        || archivedBy.isBlank()
        || archivedBy.length() > 200
        || archivedBy.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(
          "archivedBy", archivedBy, "must be 1-200 characters without control characters");
    }
  }

  /**
   * Returns whether this record covers a ticket at a version: the ticket was archived at that
   * version.
   *
   * @param ticketVersion the ticket's current version
   * @return true if the ticket is archived as it is now
   */
  public boolean covers(long ticketVersion) {
    return version == ticketVersion;
  }
}
