package io.loopdesk.api.kb;

/** No article has the given id. */
public final class ArticleNotFoundException extends KnowledgeBaseException {
  private static final long serialVersionUID = 1L;

  private final String articleId;

  /**
   * Creates the exception.
   *
   * @param articleId the id that was looked up
   */
  public ArticleNotFoundException(String articleId) {
    super("No article with id '" + articleId + "'");
    this.articleId = articleId;
  }

  /** Returns the id that was looked up. */
  public String articleId() {
    return articleId;
  }
}
