package io.loopdesk.kb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Test databases for the shared knowledge base: fresh H2 ones, and the PostgreSQL server named by
 * LOOPDESK_PG_*.
 */
final class KbDatabases {
  /** Environment variable with the JDBC URL of a PostgreSQL database the tests may empty. */
  static final String PG_URL = "LOOPDESK_PG_URL";

  private static final AtomicInteger MEMORY_DBS = new AtomicInteger();

  private KbDatabases() {}

  /** Returns a pooled, new, empty in-memory H2 database with the knowledge base schema. */
  static JdbcConnectionPool h2Memory() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:loopdesk-kb-" + MEMORY_DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "");
    pool.setMaxConnections(32);
    KbJdbcSchema.migrate(pool);
    return pool;
  }

  /** Returns whether a PostgreSQL server was configured through the environment. */
  static boolean postgresConfigured() {
    String url = System.getenv(PG_URL);
    return url != null && !url.isBlank();
  }

  /** Returns a pool over the configured PostgreSQL database, with the schema and no articles. */
  static JdbcConnectionPool postgres() {
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(System.getenv(PG_URL));
    pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    KbJdbcSchema.migrate(pool);
    empty(pool);
    return pool;
  }

  /**
   * Deletes every article, version, usage record and change, and gives the feed a new id, as if the
   * database were new (indexes built before are rebuilt, not caught up).
   */
  static void empty(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_kb_change");
      st.executeUpdate("DELETE FROM loopdesk_kb_usage");
      st.executeUpdate("DELETE FROM loopdesk_kb_article_version");
      st.executeUpdate("DELETE FROM loopdesk_kb_article");
      st.executeUpdate(
          "UPDATE loopdesk_kb_change_head SET head_position = 0, feed_id = '"
              + java.util.UUID.randomUUID()
              + "' WHERE id = 1");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database", e);
    }
  }

  /** Shuts an in-memory H2 database down and closes its pool. */
  static void shutdown(JdbcConnectionPool pool) {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot shut H2 down", e);
    } finally {
      pool.dispose();
    }
  }
}
