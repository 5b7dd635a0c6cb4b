package io.loopdesk.api.kb;

import io.loopdesk.api.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A searchable knowledge base of articles with version history. Implementations are thread-safe:
 * searches run concurrently with each other and with writes, and a write is visible to every search
 * that starts after the writing method returned.
 *
 * <p>"Live" means published and effective at the instant of the knowledge base's clock; agents only
 * ever see live articles. Methods throw {@link ValidationException} for bad arguments, {@link
 * KnowledgeBaseStorageException} for I/O failures and {@link IllegalStateException} after {@link
 * #close()}.
 */
public interface KnowledgeBase extends AutoCloseable {

  /**
   * Stores the next version of an article (or its first version) and makes it searchable. The
   * status is stored as given: an article built with {@link Article#builder(String)} is a {@link
   * ArticleStatus#DRAFT}, found only by searches with {@link Visibility#ALL}, until a version with
   * {@link ArticleStatus#PUBLISHED} is saved ({@link Article.Builder#published()}).
   *
   * @param article the new content; its {@link Article#version()} must be the version currently
   *     stored ({@code 0} for a new article)
   * @return the stored version, with version number and save time assigned
   * @throws ArticleVersionConflictException when the article changed since {@code article} was read
   */
  Article save(Article article);

  /**
   * Stores many articles at once, e.g. an import; much faster than calling {@link #save(Article)}
   * in a loop. Either every article is checked and stored or, on a version conflict, none is.
   *
   * @param articles the articles, at most one per id
   * @return the stored versions in the same order
   * @throws ArticleVersionConflictException when any article changed since it was read
   */
  List<Article> saveAll(Collection<Article> articles);

  /**
   * Returns the current version of an article whatever its status.
   *
   * @param articleId the id
   * @return the current version, or empty when no article has that id
   */
  Optional<Article> get(String articleId);

  /**
   * Returns every stored version of an article, oldest first.
   *
   * @param articleId the id
   * @return the versions, empty when no article has that id
   */
  List<Article> history(String articleId);

  /**
   * Searches articles.
   *
   * @param request what to search for
   * @return one page of ranked hits with facet counts
   * @throws QuerySyntaxException only when the request asked for {@link QuerySyntax#ADVANCED} and
   *     the text is malformed
   */
  SearchResult search(SearchRequest request);

  /**
   * Suggests live articles that help with a ticket, from its problem description and product. The
   * description can be long and noisy; its most telling words are used. Articles for that product
   * or for every product are considered, and articles often used to resolve tickets rank higher.
   * Drafts, archived articles and articles outside their effective period are never suggested; use
   * {@link #suggestionsForTicket} to learn whether such articles matched.
   *
   * @param problemDescription what the customer reported, at most {@value
   *     SearchRequest#MAX_TEXT_LENGTH} characters
   * @param product the ticket's product, {@code ""} when unknown
   * @param limit how many suggestions, 1 to {@value SearchRequest#MAX_PAGE_SIZE}
   * @return the suggestions, best first, with plain titles and highlighted snippets
   */
  List<Hit> suggestForTicket(String problemDescription, String product, int limit);

  /**
   * Same as {@link #suggestForTicket}, and when nothing live matched, how many articles that are
   * not live (e.g. unpublished drafts) would have. Implementations that cannot count report 0.
   *
   * @param problemDescription what the customer reported, at most {@value
   *     SearchRequest#MAX_TEXT_LENGTH} characters
   * @param product the ticket's product, {@code ""} when unknown
   * @param limit how many suggestions, 1 to {@value SearchRequest#MAX_PAGE_SIZE}
   * @return the suggestions and the count of hidden matches
   */
  default TicketSuggestions suggestionsForTicket(
      String problemDescription, String product, int limit) {
    return new TicketSuggestions(suggestForTicket(problemDescription, product, limit), 0);
  }

  /**
   * Records that an article was used to resolve a ticket; each (article, ticket) pair counts once.
   * Frequently used articles rank higher in {@link #search} and {@link #suggestForTicket}.
   *
   * @param articleId the article that helped
   * @param ticketId the ticket it helped resolve
   * @return true when this pair was new, false when it had already been recorded
   * @throws ArticleNotFoundException when no article has that id
   */
  boolean recordUsage(String articleId, String ticketId);

  /**
   * Returns how many distinct tickets an article was used to resolve.
   *
   * @param articleId the article
   * @return the usage count, 0 for unknown articles
   */
  long usageCount(String articleId);

  /**
   * Proposes titles of live articles that start with, or contain a word starting with, the prefix.
   *
   * @param prefix what the agent typed so far, 1 to 100 characters
   * @param limit how many proposals, 1 to {@value SearchRequest#MAX_PAGE_SIZE}
   * @return the proposals, best first
   */
  List<TitleSuggestion> autocompleteTitles(String prefix, int limit);

  /**
   * Discards the search index and builds it again from the stored articles. Searches keep working
   * on the old index until the new one is complete.
   *
   * @return how many articles were indexed
   */
  int rebuildIndex();

  /** Number of stored articles, whatever their status. */
  int size();

  /**
   * Flushes pending work and releases files and memory; later calls throw {@link
   * IllegalStateException}.
   */
  @Override
  void close();
}
