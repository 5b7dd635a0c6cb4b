package io.loopdesk.api.kb;

/**
 * The search index on disk cannot be read (damaged, truncated or written by an incompatible
 * version). The articles themselves are kept separately, so the index can be rebuilt from them; the
 * message says how.
 */
public final class IndexCorruptedException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * Creates the exception.
   *
   * @param location where the index lives, e.g. a directory path
   * @param message what is wrong and how to recover
   * @param cause the low-level error
   */
  public IndexCorruptedException(String location, String message, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** Returns where the damaged index lives, e.g. a directory path. */
  public String location() {
    return location;
  }
}
