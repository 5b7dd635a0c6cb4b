package io.loopdesk.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/** Test databases: fresh H2 ones, and the PostgreSQL server named by LOOPDESK_PG_* if any. */
final class Databases {
  /** Environment variable with the JDBC URL of a PostgreSQL database the tests may empty. */
  static final String PG_URL = "LOOPDESK_PG_URL";

  private static final AtomicInteger MEMORY_DBS = new AtomicInteger();

  private Databases() {}

  /** Returns a pooled, new, empty in-memory H2 database. */
  static JdbcConnectionPool h2Memory() {
    return JdbcConnectionPool.create(
        "jdbc:h2:mem:loopdesk-" + MEMORY_DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** Returns the JDBC URL of a file H2 database at {@code path} (without the .mv.db suffix). */
  static String h2FileUrl(Path path) {
    return "jdbc:h2:file:" + path.toAbsolutePath();
  }

  /** Returns a pool over a durable file H2 database, opened as the store requires. */
  static JdbcConnectionPool h2File(Path path) {
    return JdbcConnectionPool.create(h2FileUrl(path) + ";WRITE_DELAY=0", "sa", "");
  }

  /** Returns whether a PostgreSQL server was configured through the environment. */
  static boolean postgresConfigured() {
    String url = System.getenv(PG_URL);
    return url != null && !url.isBlank();
  }

  /** Returns a pool over the configured PostgreSQL database, if one is configured. */
  static Optional<JdbcConnectionPool> postgres() {
    if (!postgresConfigured()) {
      return Optional.empty();
    }
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(System.getenv(PG_URL));
    pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    return Optional.of(pool);
  }

  /** Deletes every ticket and event. */
  static void empty(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_ticket_event");
      st.executeUpdate("DELETE FROM loopdesk_feed_subscription");
      st.executeUpdate("DELETE FROM loopdesk_checkpoint_claim");
      st.executeUpdate("DELETE FROM loopdesk_ticket");
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
