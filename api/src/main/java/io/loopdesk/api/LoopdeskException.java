package io.loopdesk.api;

/** Base type of every exception Loopdesk throws on purpose; catch it to handle them all. */
public abstract class LoopdeskException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that explains the problem to a developer.
   *
   * @param message the explanation, never null
   */
  protected LoopdeskException(String message) {
    super(message);
  }

  /**
   * Creates an exception caused by another one.
   *
   * @param message the explanation, never null
   * @param cause the underlying cause
   */
  protected LoopdeskException(String message, Throwable cause) {
    super(message, cause);
  }
}
