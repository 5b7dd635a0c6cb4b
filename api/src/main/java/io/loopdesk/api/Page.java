package io.loopdesk.api;

import java.util.List;

/**
 * One page of query results.
 *
 * @param items the results on this page, in query order
 * @param hasMore whether more results follow this page
 * @param <T> the result type
 */
public record Page<T>(List<T> items, boolean hasMore) {
  /** Copies the items. */
  public Page {
    items = List.copyOf(Checks.notNull("items", items));
  }
}
