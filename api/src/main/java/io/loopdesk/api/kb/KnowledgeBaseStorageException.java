package io.loopdesk.api.kb;

/**
 * Articles or the index could not be read or written (I/O failure, disk full, damaged article
 * store, store already opened by another process).
 */
public final class KnowledgeBaseStorageException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and where
   * @param cause the low-level error, may be {@code null}
   */
  public KnowledgeBaseStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
