package io.loopdesk.api.kb;

/**
 * An article was saved from a stale copy: the version it was based on is not the current one.
 * Reload the article, reapply the change and save again.
 */
public final class ArticleVersionConflictException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  private final String articleId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param articleId the article
   * @param expectedVersion the version the caller based its change on
   * @param actualVersion the version currently stored ({@code 0} when the article does not exist)
   */
  public ArticleVersionConflictException(
      String articleId, long expectedVersion, long actualVersion) {
    super(
        "Article '"
            + articleId
            + "' was changed concurrently: the change is based on version "
            + expectedVersion
            + " but the stored version is "
            + actualVersion);
    this.articleId = articleId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** Returns the article id. */
  public String articleId() {
    return articleId;
  }

  /** Returns the version the rejected change was based on. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** Returns the version currently stored ({@code 0} when the article does not exist). */
  public long actualVersion() {
    return actualVersion;
  }
}
