package io.loopdesk.api.kb;

import io.loopdesk.api.ValidationException;
import java.util.List;

/**
 * One page of search results.
 *
 * @param totalHits how many articles matched in all; exact when {@code totalHitsExact}, otherwise a
 *     lower bound (engines may stop counting beyond {@value #EXACT_COUNT_LIMIT} matches when no
 *     facets were requested, to answer faster)
 * @param totalHitsExact whether {@code totalHits} is the exact count
 * @param hits the requested page, best first
 * @param facets counts by kind, category and product ({@link Facets#EMPTY} when not requested)
 * @param page the zero-based page number
 * @param pageSize the requested page size
 */
public record SearchResult(
    long totalHits, boolean totalHitsExact, List<Hit> hits, Facets facets, int page, int pageSize) {

  /** Matches up to this number are always counted exactly. */
  public static final int EXACT_COUNT_LIMIT = 1000;

  /** Validates and copies the arguments. */
  public SearchResult {
    if (totalHits < 0) {
      throw new ValidationException("result.totalHits", totalHits, "must not be negative");
    }
    hits = List.copyOf(KbChecks.notNull("result.hits", hits));
    KbChecks.notNull("result.facets", facets);
  }

  /** Tells whether a further page exists (reachable pages are limited by {@link SearchRequest#MAX_PAGE}). */
  public boolean hasNextPage() {
    return (long) (page + 1) * pageSize < totalHits;
  }
}
