package io.loopdesk.api.kb;

import io.loopdesk.api.Checks;
import java.util.Set;

/**
 * One ranked search result.
 *
 * @param articleId the article id
 * @param version the article version that matched
 * @param title the title, HTML-escaped and with matched words wrapped in {@code <em>...</em>} when
 *     a {@link SearchRequest} asked for highlighting, otherwise the plain, unescaped title (always
 *     plain in {@link KnowledgeBase#suggestForTicket ticket suggestions})
 * @param snippet the best passage(s) of the body, HTML-escaped with matches wrapped in {@code
 *     <em>...</em>}; empty when a search did not ask for highlighting; always present in ticket
 *     suggestions
 * @param kind the article kind
 * @param categories the article tags
 * @param product the product, {@code ""} for every product
 * @param score relevance score; only comparable within one result
 * @param usageCount how many tickets reported this article as used to resolve them
 */
public record Hit(
    String articleId,
    long version,
    String title,
    String snippet,
    ArticleKind kind,
    Set<String> categories,
    String product,
    float score,
    long usageCount) {

  /** Validates and copies the arguments. */
  public Hit {
    Checks.notNull("hit.articleId", articleId);
    Checks.notNull("hit.title", title);
    Checks.notNull("hit.snippet", snippet);
    Checks.notNull("hit.kind", kind);
    categories = Set.copyOf(Checks.notNull("hit.categories", categories));
    Checks.notNull("hit.product", product);
  }
}
