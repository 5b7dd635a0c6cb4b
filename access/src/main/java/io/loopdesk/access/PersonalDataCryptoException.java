package io.loopdesk.access;

import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.TicketId;

/**
 * Personal data could not be encrypted or decrypted: the key is unknown, the ciphertext was
 * altered, was sealed with another key or belongs to another ticket. Never contains the data
 * itself.
 */
public final class PersonalDataCryptoException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final TicketId ticketId;

  /**
   * Creates the exception.
   *
   * @param ticketId the ticket concerned
   * @param problem what went wrong
   * @param cause the underlying error, may be null
   */
  public PersonalDataCryptoException(TicketId ticketId, String problem, Throwable cause) {
    super("Personal data of ticket " + ticketId + ": " + problem, cause);
    this.ticketId = ticketId;
  }

  /** Returns the ticket concerned. */
  public TicketId ticketId() {
    return ticketId;
  }
}
