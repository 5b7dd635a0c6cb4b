package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;

/**
 * An autocomplete proposal for a title prefix.
 *
 * @param articleId the article the title belongs to
 * @param title the full title
 */
public record TitleSuggestion(String articleId, String title) {

  /** Validates the arguments. */
  public TitleSuggestion {
    Checks.notNull("suggestion.articleId", articleId);
    Checks.notNull("suggestion.title", title);
  }
}
