package io.loopdesk.access;

import io.loopdesk.api.LoopdeskException;

/**
 * A customer's data key could not be created, unwrapped or rewrapped: the master key is unknown,
 * the wrapped key was altered, or the customer was erased and new personal data cannot be sealed
 * for them. Names the customer id (not personal data), never a key.
 */
public final class CustomerKeyException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  private final String customerId;

  /**
   * Creates the exception.
   *
   * @param customerId the customer concerned
   * @param problem what went wrong
   * @param cause the underlying error, may be null
   */
  public CustomerKeyException(String customerId, String problem, Throwable cause) {
    super("Data key of customer " + customerId + ": " + problem, cause);
    this.customerId = customerId;
  }

  /** Returns the customer concerned. */
  public String customerId() {
    return customerId;
  }
}
