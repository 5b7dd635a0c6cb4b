package io.loopdesk.api.kb;

/** Base type of every exception the knowledge base throws on purpose; catch it to handle them all. */
public abstract class KnowledgeBaseException extends RuntimeException {
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
