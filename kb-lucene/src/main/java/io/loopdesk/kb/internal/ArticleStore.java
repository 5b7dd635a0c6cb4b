package io.loopdesk.kb.internal;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleNotFoundException;
import io.loopdesk.api.kb.ArticleVersionConflictException;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The source of truth of a knowledge base: every version of every article and every usage record,
 * plus an ordered change feed from which the search index is kept up to date and rebuilt. Two
 * implementations: {@link ArticleRepository} (JSON-lines journal or memory, one process) and {@link
 * JdbcArticleStore} (a database shared by several processes).
 *
 * <p>Every write appends one change per article to the feed, at consecutive positions 1, 2, 3 ... A
 * reader that has applied every change up to position {@code p} and then applies {@link
 * #changesSince(long, int) changesSince(p)} misses nothing. Implementations are thread-safe;
 * failures are {@link KnowledgeBaseStorageException}.
 */
public interface ArticleStore extends AutoCloseable {

  /** An article's current version and how many tickets it helped resolve: what the index holds. */
  record Indexable(Article article, long usageCount) {}

  /**
   * Changes after a position.
   *
   * @param articleIds the ids of the articles changed, each once, in the order of their first
   *     change
   * @param lastPosition the position of the last change read; equal to the requested position when
   *     there was none
   */
  record Changes(List<String> articleIds, long lastPosition) {}

  /** Returns the current version of an article, or {@code null}. */
  Article current(String id);

  /** Returns all versions of an article, oldest first, empty when unknown. */
  List<Article> history(String id);

  /** Returns how many tickets an article helped resolve. */
  long usageCount(String id);

  /** Returns the number of articles. */
  int size();

  /** Returns where the articles live, for messages: a file, {@code "memory"} or a database. */
  String location();

  /**
   * Identifies this store's change feed: an index built from another feed (another database, a
   * journal instead of a database) must be rebuilt rather than caught up.
   */
  String feedId();

  /**
   * Tells whether other processes write to this store too, so that the index must poll the feed.
   */
  boolean shared();

  /**
   * Checks that each article's version is the stored one and stores the next versions, all or
   * nothing.
   *
   * @param articles distinct ids, fully validated
   * @param savedAt the save time of the new versions
   * @return the stored versions, in the given order
   * @throws ArticleVersionConflictException when an article changed since it was read
   */
  List<Article> save(List<Article> articles, Instant savedAt);

  /**
   * Records that an article helped resolve a ticket.
   *
   * @return true when the pair is new
   * @throws ArticleNotFoundException when no article has that id
   */
  boolean recordUsage(String articleId, String ticketId);

  /** Returns the position of the last change, 0 when there was none. */
  long lastPosition();

  /**
   * Reads the changes after a position.
   *
   * @param position the last position already applied
   * @param max at most this many changes are read
   * @return the changes, or {@code null} when the feed no longer holds the changes right after
   *     {@code position} (pruned): the reader must rebuild
   */
  Changes changesSince(long position, int max);

  /**
   * Returns what the index holds for some articles.
   *
   * @param ids article ids; unknown ones are skipped
   */
  List<Indexable> indexable(Collection<String> ids);

  /** Passes the current version of every article, with its usage count, to the consumer. */
  void forEachCurrent(Consumer<Indexable> consumer);

  @Override
  void close();
}
