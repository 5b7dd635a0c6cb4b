package io.loopdesk.api.kb;

/**
 * An autocomplete proposal for a title prefix.
 *
 * @param articleId the article the title belongs to
 * @param title the full title
 */
public record TitleSuggestion(String articleId, String title) {

  /** Validates the arguments. */
  public TitleSuggestion {
    KbChecks.notNull("suggestion.articleId", articleId);
    KbChecks.notNull("suggestion.title", title);
  }
}
