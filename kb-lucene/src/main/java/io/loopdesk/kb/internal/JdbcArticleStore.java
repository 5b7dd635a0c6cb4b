package io.loopdesk.kb.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleNotFoundException;
import io.loopdesk.api.kb.ArticleVersionConflictException;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Articles, versions and usage in a database shared by every instance of a knowledge base (H2 or
 * PostgreSQL, schema {@code db/loopdesk-kb/<dialect>/V*.sql}). The database is the source of truth
 * for {@link #current}, {@link #history}, {@link #usageCount} and {@link #size}; each instance's
 * search index follows the change feed ({@code loopdesk_kb_change}).
 *
 * <p><b>Writes.</b> {@link #save} runs one transaction: per article, in id order (so that two
 * writers lock rows in the same order and cannot deadlock), an insert of the current row for
 * version 1 or a conditional update {@code WHERE version = expected}, and the insert of the version
 * row; an existing id or a changed version rolls everything back and throws {@link
 * ArticleVersionConflictException} with the version now stored. Last, it takes its feed positions
 * and inserts the change rows.
 *
 * <p><b>Gap-free feed.</b> A sequence would hand out positions before commit: a transaction that
 * took position 7 may commit after one that took 8, and a reader that saw 8 and trusts it as a
 * high-water mark would skip 7 forever. Here a writer takes its positions by updating the single
 * row of {@code loopdesk_kb_change_head} as the last statement of its transaction; the row lock is
 * held until commit, so the next writer gets the next positions only after this one's rows are
 * committed and visible. Positions therefore become visible in order and without gaps, and a reader
 * that applied position {@code p} reads {@code position > p} and misses nothing. The price is that
 * writers serialise on that row for the few milliseconds between their last statement and their
 * commit; editorial writes are rare, so this is cheaper and simpler than re-reading a safety
 * window. A transaction that rolls back also rolls back its head update, so positions have no
 * holes; a hole after the reader's position means that old rows were deleted (hosts may prune the
 * feed), and the reader rebuilds its index from the articles.
 *
 * <p>Needs read-committed isolation or stronger (the default of both databases). Borrows one
 * connection per call from the data source. Thread-safe.
 */
public final class JdbcArticleStore implements ArticleStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int MAX_ATTEMPTS = 3;
  private static final int IN_CHUNK = 100;

  private final DataSource dataSource;
  private final String feedId;
  private final String location;

  private JdbcArticleStore(DataSource dataSource, String feedId, String location) {
    this.dataSource = dataSource;
    this.feedId = feedId;
    this.location = location;
  }

  /**
   * Opens the store on a database that has the schema.
   *
   * @param dataSource the database, ideally a connection pool
   * @return the store
   * @throws KnowledgeBaseStorageException when the database is unreachable or lacks the schema
   */
  public static JdbcArticleStore open(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String location = describe(c.getMetaData());
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT feed_id FROM loopdesk_kb_change_head WHERE id = 1")) {
        if (!rs.next()) {
          throw new KnowledgeBaseStorageException(
              "The knowledge base tables in "
                  + location
                  + " lack their change head row; the schema was not created by KbJdbcSchema",
              null);
        }
        return new JdbcArticleStore(dataSource, "jdbc:" + rs.getString(1), location);
      } catch (SQLException e) {
        throw new KnowledgeBaseStorageException(
            "The database "
                + location
                + " has no knowledge base schema (SQL state "
                + e.getSQLState()
                + "); run KbJdbcSchema.migrate or set migrateSchema(true)",
            e);
      }
    } catch (SQLException e) {
      throw new KnowledgeBaseStorageException(
          "Cannot connect to the knowledge base database (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /** The database product and URL without parameters (which may hold credentials). */
  private static String describe(DatabaseMetaData metaData) throws SQLException {
    String url = String.valueOf(metaData.getURL());
    int cut = url.length();
    for (char stop : new char[] {'?', ';'}) {
      int at = url.indexOf(stop);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return metaData.getDatabaseProductName() + " database " + url.substring(0, cut);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Article current(String id) {
    return query(
        "read an article",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT article FROM loopdesk_kb_article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? read(rs.getString(1)) : null;
            }
          }
        });
  }

  @Override
  public List<Article> history(String id) {
    return query(
        "read an article's history",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT article FROM loopdesk_kb_article_version WHERE id = ? ORDER BY version")) {
            ps.setString(1, id);
            List<Article> versions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                versions.add(read(rs.getString(1)));
              }
            }
            return List.copyOf(versions);
          }
        });
  }

  @Override
  public long usageCount(String id) {
    return query(
        "count usage",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM loopdesk_kb_usage WHERE article_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public int size() {
    return query(
        "count articles",
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM loopdesk_kb_article")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public String feedId() {
    return feedId;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public long lastPosition() {
    return query("read the change feed", JdbcArticleStore::headPosition);
  }

  private static long headPosition(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT head_position FROM loopdesk_kb_change_head WHERE id = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Reads the head first, then the rows: every row up to the head read is committed, so when the
   * head is ahead of {@code position} the row right after it must be there, unless it was pruned.
   */
  @Override
  public Changes changesSince(long position, int max) {
    return query(
        "read the change feed",
        c -> {
          long head = headPosition(c);
          if (head <= position) {
            return new Changes(List.of(), position);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT change_position, article_id FROM loopdesk_kb_change WHERE change_position > ? ORDER BY change_position")) {
            ps.setMaxRows(max);
            ps.setLong(1, position);
            Set<String> ids = new LinkedHashSet<>();
            long last = position;
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long next = rs.getLong(1);
                if (next != last + 1) {
                  return null;
                }
                ids.add(rs.getString(2));
                last = next;
              }
            }
            return last == position ? null : new Changes(List.copyOf(ids), last);
          }
        });
  }

  @Override
  public List<Indexable> indexable(Collection<String> ids) {
    List<String> all = new ArrayList<>(ids);
    return query(
        "read articles to index",
        c -> {
          List<Indexable> out = new ArrayList<>(all.size());
          for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String sql =
                "SELECT a.article, (SELECT COUNT(*) FROM loopdesk_kb_usage u WHERE u.article_id = a.id)"
                    + " FROM loopdesk_kb_article a WHERE a.id IN ("
                    + "?,".repeat(chunk.size() - 1)
                    + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
              for (int i = 0; i < chunk.size(); i++) {
                ps.setString(i + 1, chunk.get(i));
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(new Indexable(read(rs.getString(1)), rs.getLong(2)));
                }
              }
            }
          }
          return out;
        });
  }

  @Override
  public void forEachCurrent(Consumer<Indexable> consumer) {
    query(
        "read every article",
        c -> {
          boolean autoCommit = c.getAutoCommit();
          // PostgreSQL streams with a cursor only inside a transaction
          c.setAutoCommit(false);
          try (Statement st = c.createStatement()) {
            st.setFetchSize(500);
            try (ResultSet rs =
                st.executeQuery(
                    "SELECT a.article, COALESCE(u.uses, 0) FROM loopdesk_kb_article a"
                        + " LEFT JOIN (SELECT article_id, COUNT(*) AS uses FROM loopdesk_kb_usage GROUP BY article_id) u"
                        + " ON u.article_id = a.id")) {
              while (rs.next()) {
                consumer.accept(new Indexable(read(rs.getString(1)), rs.getLong(2)));
              }
            }
            c.commit();
          } finally {
            c.setAutoCommit(autoCommit);
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- writes

  @Override
  public List<Article> save(List<Article> articles, Instant savedAt) {
    List<Article> stored = new ArrayList<>(articles.size());
    for (Article article : articles) {
      stored.add(article.withVersion(article.version() + 1, savedAt));
    }
    List<Article> lockOrder = new ArrayList<>(stored);
    lockOrder.sort(Comparator.comparing(Article::id));
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          String conflict = writeVersions(c, lockOrder);
          if (conflict != null) {
            c.rollback();
            throw conflict(conflict, articles);
          }
          appendChanges(c, lockOrder.stream().map(Article::id).toList());
          c.commit();
          return stored;
        } catch (SQLException e) {
          c.rollback();
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            // a concurrent writer created one of the new articles first
            throw conflictAmong(articles, e);
          }
          if (attempt < MAX_ATTEMPTS && isTransient(e)) {
            ArticleVersionConflictException lost = firstChanged(articles);
            if (lost != null) {
              throw lost;
            }
            continue;
          }
          throw failure("save articles", e);
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw failure("save articles", e);
      }
    }
  }

  /**
   * Writes current and version rows; returns the id of the first article whose version moved on.
   */
  private static String writeVersions(Connection c, List<Article> stored) throws SQLException {
    try (PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO loopdesk_kb_article (id, version, article) VALUES (?, ?, ?)");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE loopdesk_kb_article SET version = ?, article = ? WHERE id = ? AND version = ?");
        PreparedStatement version =
            c.prepareStatement(
                "INSERT INTO loopdesk_kb_article_version (id, version, saved_second, saved_nano, article)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      for (Article article : stored) {
        String json = ArticleJson.write(article);
        if (article.version() == 1) {
          insert.setString(1, article.id());
          insert.setLong(2, 1);
          insert.setString(3, json);
          insert.executeUpdate();
        } else {
          update.setLong(1, article.version());
          update.setString(2, json);
          update.setString(3, article.id());
          update.setLong(4, article.version() - 1);
          if (update.executeUpdate() != 1) {
            return article.id();
          }
        }
        version.setString(1, article.id());
        version.setLong(2, article.version());
        version.setLong(3, article.updatedAt().getEpochSecond());
        version.setInt(4, article.updatedAt().getNano());
        version.setString(5, json);
        version.addBatch();
      }
      version.executeBatch();
    }
    return null;
  }

  /**
   * Takes the next positions under the head row's lock (held until commit, see the class comment)
   * and appends one change row per article.
   */
  private static void appendChanges(Connection c, List<String> articleIds) throws SQLException {
    try (PreparedStatement head =
        c.prepareStatement(
            "UPDATE loopdesk_kb_change_head SET head_position = head_position + ? WHERE id = 1")) {
      head.setInt(1, articleIds.size());
      head.executeUpdate();
    }
    long last = headPosition(c);
    long position = last - articleIds.size();
    try (PreparedStatement change =
        c.prepareStatement(
            "INSERT INTO loopdesk_kb_change (change_position, article_id) VALUES (?, ?)")) {
      for (String id : articleIds) {
        change.setLong(1, ++position);
        change.setString(2, id);
        change.addBatch();
      }
      change.executeBatch();
    }
  }

  @Override
  public boolean recordUsage(String articleId, String ticketId) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          try (PreparedStatement exists =
              c.prepareStatement("SELECT 1 FROM loopdesk_kb_article WHERE id = ?")) {
            exists.setString(1, articleId);
            try (ResultSet rs = exists.executeQuery()) {
              if (!rs.next()) {
                c.rollback();
                throw new ArticleNotFoundException(articleId);
              }
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO loopdesk_kb_usage (article_id, ticket_id) VALUES (?, ?)")) {
            insert.setString(1, articleId);
            insert.setString(2, ticketId);
            insert.executeUpdate();
          }
          appendChanges(c, List.of(articleId));
          c.commit();
          return true;
        } catch (SQLException e) {
          c.rollback();
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return false;
          }
          if (attempt < MAX_ATTEMPTS && isTransient(e)) {
            continue;
          }
          throw failure("record usage", e);
        } finally {
          c.setAutoCommit(autoCommit);
        }
      } catch (SQLException e) {
        throw failure("record usage", e);
      }
    }
  }

  /**
   * Serialization failure, deadlock, H2's lock timeout and concurrent update: safe to try again.
   */
  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("40") || state.equals("HYT00") || state.equals("90131"));
  }

  private ArticleVersionConflictException conflict(String id, List<Article> articles) {
    long expected =
        articles.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().version();
    Article now = current(id);
    return new ArticleVersionConflictException(id, expected, now == null ? 0 : now.version());
  }

  private RuntimeException conflictAmong(List<Article> articles, SQLException cause) {
    ArticleVersionConflictException changed = firstChanged(articles);
    return changed != null ? changed : failure("save articles", cause);
  }

  /** The first article whose stored version is no longer the one the caller started from. */
  private ArticleVersionConflictException firstChanged(List<Article> articles) {
    Map<String, Long> stored = new HashMap<>();
    for (Indexable current : indexable(articles.stream().map(Article::id).toList())) {
      stored.put(current.article().id(), current.article().version());
    }
    for (Article article : articles) {
      long now = stored.getOrDefault(article.id(), 0L);
      if (now != article.version()) {
        return new ArticleVersionConflictException(article.id(), article.version(), now);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- plumbing

  /** Work on one borrowed connection. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T query(String action, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(action, e);
    }
  }

  private KnowledgeBaseStorageException failure(String action, SQLException e) {
    return new KnowledgeBaseStorageException(
        "Cannot " + action + " in " + location + " (SQL state " + e.getSQLState() + ")", e);
  }

  private Article read(String json) {
    try {
      return ArticleJson.read(json);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new KnowledgeBaseStorageException(
          "An article stored in " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // the data source belongs to the host
  }
}
