package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
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
 * @param notLiveMatches how many articles match the text and filters but were left out because they
 *     are not live: still {@link ArticleStatus#DRAFT} (the status of every new article until it is
 *     saved as {@link ArticleStatus#PUBLISHED}), {@link ArticleStatus#ARCHIVED}, or outside their
 *     effective period. Counted only when a {@link Visibility#LIVE} search found nothing, otherwise
 *     0; a non-zero value usually means "publish the article"
 */
public record SearchResult(
    long totalHits,
    boolean totalHitsExact,
    List<Hit> hits,
    Facets facets,
    int page,
    int pageSize,
    long notLiveMatches) {

  /** Matches up to this number are always counted exactly. */
  public static final int EXACT_COUNT_LIMIT = 1000;

  /** Validates and copies the arguments. */
  public SearchResult {
    if (totalHits < 0) {
      throw new ValidationException("result.totalHits", totalHits, "must not be negative");
    }
    hits = List.copyOf(Checks.notNull("result.hits", hits));
    Checks.notNull("result.facets", facets);
    if (notLiveMatches < 0) {
      throw new ValidationException(
          "result.notLiveMatches", notLiveMatches, "must not be negative");
    }
  }

  /**
   * Creates a result without a count of hidden matches, as before that count existed.
   *
   * @param totalHits see the record description
   * @param totalHitsExact see the record description
   * @param hits see the record description
   * @param facets see the record description
   * @param page see the record description
   * @param pageSize see the record description
   */
  public SearchResult(
      long totalHits,
      boolean totalHitsExact,
      List<Hit> hits,
      Facets facets,
      int page,
      int pageSize) {
    this(totalHits, totalHitsExact, hits, facets, page, pageSize, 0);
  }

  /**
   * Tells whether a further page exists (reachable pages are limited by {@link
   * SearchRequest#MAX_PAGE}).
   */
  public boolean hasNextPage() {
    return (long) (page + 1) * pageSize < totalHits;
  }
}
