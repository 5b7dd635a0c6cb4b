package io.loopdesk.api.kb;

/**
 * Editorial life cycle of an article. Only {@link #PUBLISHED} articles can reach agents; a new
 * article built with {@link Article#builder(String)} is a {@link #DRAFT} until saved as published.
 */
public enum ArticleStatus {
  /** Being written; never shown to agents. */
  DRAFT,
  /** Approved; shown to agents while its effective period includes the current instant. */
  PUBLISHED,
  /** Withdrawn; kept for history, never shown to agents. */
  ARCHIVED
}
