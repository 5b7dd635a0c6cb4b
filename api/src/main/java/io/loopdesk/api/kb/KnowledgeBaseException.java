package io.loopdesk.api.kb;

import io.loopdesk.api.LoopdeskException;

/**
 * Base type of the knowledge base's own failures (missing article, query syntax, corrupt index).
 * Bad arguments are {@link io.loopdesk.api.ValidationException}s, as everywhere in Loopdesk; catch
 * {@link LoopdeskException} to handle both.
 */
public abstract class KnowledgeBaseException extends LoopdeskException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that explains the problem to a developer.
   *
   * @param message the explanation
   */
  protected KnowledgeBaseException(String message) {
    super(message);
  }

  /**
   * Creates an exception caused by another one.
   *
   * @param message the explanation
   * @param cause the underlying cause
   */
  protected KnowledgeBaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
