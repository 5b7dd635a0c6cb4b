package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import java.util.List;

/**
 * Articles suggested for a ticket, and a hint when there are none. Immutable.
 *
 * @param hits the suggestions, best first; titles are plain text, snippets are HTML-escaped with
 *     matches wrapped in {@code <em>...</em>}
 * @param notLiveMatches how many articles match the ticket but were left out because they are not
 *     live: still {@link ArticleStatus#DRAFT} (the status of every new article until it is saved as
 *     {@link ArticleStatus#PUBLISHED}), {@link ArticleStatus#ARCHIVED}, or outside their effective
 *     period. Counted only when {@code hits} is empty, otherwise 0.
 */
public record TicketSuggestions(List<Hit> hits, long notLiveMatches) {

  /** Validates and copies the arguments. */
  public TicketSuggestions {
    hits = List.copyOf(Checks.notNull("suggestions.hits", hits));
    if (notLiveMatches < 0) {
      throw new ValidationException(
          "suggestions.notLiveMatches", notLiveMatches, "must not be negative");
    }
  }
}
