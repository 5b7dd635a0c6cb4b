package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of matching articles per kind, category tag and product, each ordered by descending count
 * (ties by name). Counts cover every match of the query, not only the returned page.
 *
 * @param byKind matches per kind (kinds without matches are absent)
 * @param byCategory matches per category tag (an article with two tags counts for both)
 * @param byProduct matches per product (articles for every product are not counted here)
 */
public record Facets(
    Map<ArticleKind, Long> byKind, Map<String, Long> byCategory, Map<String, Long> byProduct) {

  /** No counts at all, e.g. when facets were not requested. */
  public static final Facets EMPTY = new Facets(Map.of(), Map.of(), Map.of());

  /** Validates and copies the maps, keeping their iteration order. */
  public Facets {
    byKind = copy("facets.byKind", byKind);
    byCategory = copy("facets.byCategory", byCategory);
    byProduct = copy("facets.byProduct", byProduct);
  }

  private static <K> Map<K, Long> copy(String field, Map<K, Long> map) {
    Checks.notNull(field, map);
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
