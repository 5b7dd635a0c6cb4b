package io.loopdesk.store.jdbc;

import io.loopdesk.api.LoopdeskException;

/**
 * The database failed or holds data the store cannot read: a lost connection, a missing schema, a
 * value too large for its column, a corrupted row. The operation was rolled back. The message names
 * the operation, the ticket id and the SQL state, never ticket contents; the cause is the driver's
 * exception, whose message may quote values.
 */
public final class StorageException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, without personal data
   * @param cause the underlying exception
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without an underlying cause.
   *
   * @param message what failed, without personal data
   */
  public StorageException(String message) {
    super(message);
  }
}
