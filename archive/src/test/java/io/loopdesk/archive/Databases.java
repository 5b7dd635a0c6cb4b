package io.loopdesk.archive;

import io.loopdesk.store.jdbc.JdbcSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Test databases: fresh in-memory H2 ones, and the PostgreSQL server named by LOOPDESK_PG_* if any
 * (emptied first).
 */
final class Databases {
  /** Every table Loopdesk's schema creates, this module's included. */
  static final List<String> TABLES =
      List.of(
          "loopdesk_ticket",
          "loopdesk_ticket_event",
          "loopdesk_feed_subscription",
          "loopdesk_outbox",
          "loopdesk_checkpoint_claim",
          "loopdesk_customer_key",
          "loopdesk_erasure_log",
          "loopdesk_archived_ticket");

  private static final AtomicInteger MEMORY_DBS = new AtomicInteger();

  private Databases() {}

  static JdbcConnectionPool h2() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:archive-" + MEMORY_DBS.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
    JdbcSchema.migrate(pool);
    return pool;
  }

  static boolean postgresConfigured() {
    String url = System.getenv("LOOPDESK_PG_URL");
    return url != null && !url.isBlank();
  }

  /** Returns the configured PostgreSQL database, migrated and emptied of every Loopdesk row. */
  static JdbcConnectionPool postgres() {
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(System.getenv("LOOPDESK_PG_URL"));
    pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(16);
    JdbcSchema.migrate(pool);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      for (String table :
          List.of(
              "loopdesk_ticket_event",
              "loopdesk_feed_subscription",
              "loopdesk_outbox",
              "loopdesk_checkpoint_claim",
              "loopdesk_ticket",
              "loopdesk_customer_key",
              "loopdesk_erasure_log",
              "loopdesk_archived_ticket")) {
        st.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test database", e);
    }
    return pool;
  }

  /** Every text of every row of every Loopdesk table, one after the other. */
  static String everything(DataSource ds) {
    StringBuilder out = new StringBuilder();
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              out.append(rs.getString(i)).append('\u0001');
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the test database", e);
    }
    return out.toString();
  }
}
