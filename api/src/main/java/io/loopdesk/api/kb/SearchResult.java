package io.loopdesk.api.kb;

import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many articles matched in all
 * @param hits the requested page, best first
 * @param facets counts by kind, category and product ({@link Facets#EMPTY} when not requested)
 * @param page the zero-based page number
 * @param pageSize the requested page size
 */
public record SearchResult(long totalHits, List<Hit> hits, Facets facets, int page, int pageSize) {

  /** Validates and copies the arguments. */
  public SearchResult {
    if (totalHits < 0) {
      throw new KbValidationException("result.totalHits", totalHits, "must not be negative");
    }
    hits = List.copyOf(KbChecks.notNull("result.hits", hits));
    KbChecks.notNull("result.facets", facets);
  }

  /** Tells whether a further page exists. */
  public boolean hasNextPage() {
    return (long) (page + 1) * pageSize < totalHits;
  }
}
