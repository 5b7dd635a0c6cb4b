package io.loopdesk.store.jdbc;

import io.loopdesk.api.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The JDBC store's schema as versioned SQL migration scripts, and an opt-in way to apply them.
 *
 * <p>Hosts with their own migration tool run the scripts from {@link
 * JdbcDialect#migrationLocation()} (named the way Flyway expects, {@code V1__...sql}) and never
 * call {@link #migrate}. Hosts without one call {@link #migrate(DataSource)} at start-up: it
 * records the versions it applied in {@code loopdesk_schema_history} and applies only the missing
 * ones. On PostgreSQL concurrent callers are serialised by an advisory lock; on H2 call it from one
 * process.
 */
public final class JdbcSchema {
  /** The migrations in order; script {@code i} creates schema version {@code i + 1}. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__loopdesk_tickets.sql",
          "V2__write_id_and_leaner_indexes.sql",
          "V3__event_feed.sql",
          "V4__outbox.sql",
          "V5__checkpoint_claims.sql",
          "V6__customer_keys_and_archive.sql");

  /** The statements that rebuild every index of schema version {@link #currentVersion()}. */
  private static final Map<JdbcDialect, List<String>> REBUILD =
      Map.of(
          JdbcDialect.H2,
          List.of(
              "ALTER TABLE loopdesk_ticket_event DROP CONSTRAINT loopdesk_ticket_event_pk",
              "ALTER TABLE loopdesk_ticket_event ADD CONSTRAINT loopdesk_ticket_event_pk PRIMARY KEY (ticket_id, version)",
              "DROP INDEX loopdesk_ticket_order_ix",
              "DROP INDEX loopdesk_ticket_status_due_ix",
              "DROP INDEX loopdesk_ticket_assignee_ix",
              "DROP INDEX loopdesk_ticket_customer_ix",
              "ALTER TABLE loopdesk_ticket DROP CONSTRAINT loopdesk_ticket_pk",
              "ALTER TABLE loopdesk_ticket ADD CONSTRAINT loopdesk_ticket_pk PRIMARY KEY (id)",
              "CREATE INDEX loopdesk_ticket_order_ix ON loopdesk_ticket (created_second, created_nano, id_order)",
              "CREATE INDEX loopdesk_ticket_status_due_ix ON loopdesk_ticket (status, due_second, due_nano)",
              "CREATE INDEX loopdesk_ticket_assignee_ix ON loopdesk_ticket (assignee_key)",
              "CREATE INDEX loopdesk_ticket_customer_ix ON loopdesk_ticket (customer_key)",
              "DROP INDEX loopdesk_ticket_event_feed_ix",
              "CREATE INDEX loopdesk_ticket_event_feed_ix ON loopdesk_ticket_event (feed_tx, feed_seq)",
              "ALTER TABLE loopdesk_feed_subscription DROP CONSTRAINT loopdesk_feed_subscription_pk",
              "ALTER TABLE loopdesk_feed_subscription ADD CONSTRAINT loopdesk_feed_subscription_pk PRIMARY KEY (name)",
              "ALTER TABLE loopdesk_outbox DROP CONSTRAINT loopdesk_outbox_pk",
              "ALTER TABLE loopdesk_outbox ADD CONSTRAINT loopdesk_outbox_pk PRIMARY KEY (id)",
              "ALTER TABLE loopdesk_checkpoint_claim DROP CONSTRAINT loopdesk_checkpoint_claim_pk",
              "ALTER TABLE loopdesk_checkpoint_claim ADD CONSTRAINT loopdesk_checkpoint_claim_pk PRIMARY KEY (claim_key)",
              "ALTER TABLE loopdesk_customer_key DROP CONSTRAINT loopdesk_customer_key_pk",
              "ALTER TABLE loopdesk_customer_key ADD CONSTRAINT loopdesk_customer_key_pk PRIMARY KEY (customer_id)",
              "ALTER TABLE loopdesk_erasure_log DROP CONSTRAINT loopdesk_erasure_log_pk",
              "ALTER TABLE loopdesk_erasure_log ADD CONSTRAINT loopdesk_erasure_log_pk PRIMARY KEY (customer_id, ticket_id)",
              "DROP INDEX loopdesk_archived_ticket_customer_ix",
              "ALTER TABLE loopdesk_archived_ticket DROP CONSTRAINT loopdesk_archived_ticket_pk",
              "ALTER TABLE loopdesk_archived_ticket ADD CONSTRAINT loopdesk_archived_ticket_pk PRIMARY KEY (ticket_id)",
              "CREATE INDEX loopdesk_archived_ticket_customer_ix ON loopdesk_archived_ticket (customer_id)"),
          JdbcDialect.POSTGRESQL,
          List.of(
              "REINDEX TABLE loopdesk_ticket",
              "REINDEX TABLE loopdesk_ticket_event",
              "REINDEX TABLE loopdesk_feed_subscription",
              "REINDEX TABLE loopdesk_outbox",
              "REINDEX TABLE loopdesk_checkpoint_claim",
              "REINDEX TABLE loopdesk_customer_key",
              "REINDEX TABLE loopdesk_erasure_log",
              "REINDEX TABLE loopdesk_archived_ticket"));

  private static final long ADVISORY_LOCK = 0x4c6f6f706465736bL;

  private JdbcSchema() {}

  /** Returns the schema version this library needs. */
  public static int currentVersion() {
    return SCRIPTS.size();
  }

  /**
   * Creates or upgrades the schema to {@link #currentVersion()}, applying only missing migrations.
   *
   * @param dataSource the database
   * @return the versions applied by this call, empty if the schema was up to date
   * @throws StorageException if a script fails; on PostgreSQL nothing of it remains
   */
  public static List<Integer> migrate(DataSource dataSource) {
    return inTransaction(dataSource, "Schema migration", c -> migrate(c, JdbcDialect.of(c)));
  }

  /** Work on one connection inside a transaction. */
  private interface TransactionWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction on one connection of the data source: commits it, or rolls it back
   * and rethrows, and restores the connection's auto-commit mode.
   *
   * @throws StorageException naming the operation and the SQL state if the database fails
   */
  private static <T> T inTransaction(
      DataSource dataSource, String operation, TransactionWork<T> work) {
    if (dataSource == null) {
      throw new ValidationException("dataSource", null, "must not be null");
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StorageException(operation + " failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static List<Integer> migrate(Connection c, JdbcDialect dialect) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (dialect == JdbcDialect.POSTGRESQL) {
        st.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
      }
      st.execute(
          "CREATE TABLE IF NOT EXISTS loopdesk_schema_history ("
              + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
              + "installed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }
    Set<Integer> present = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM loopdesk_schema_history")) {
      while (rs.next()) {
        present.add(rs.getInt(1));
      }
    }
    for (int v : present) {
      if (v > SCRIPTS.size()) {
        throw new StorageException(
            "The database has Loopdesk schema version "
                + v
                + " but this library knows only up to "
                + SCRIPTS.size()
                + "; upgrade Loopdesk");
      }
    }
    List<Integer> applied = new ArrayList<>();
    for (int i = 0; i < SCRIPTS.size(); i++) {
      int version = i + 1;
      if (present.contains(version)) {
        continue;
      }
      String script = SCRIPTS.get(i);
      for (String statement : statements(read(dialect.migrationLocation() + "/" + script))) {
        try (Statement st = c.createStatement()) {
          st.execute(statement);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO loopdesk_schema_history (version, script) VALUES (?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, script);
        ps.executeUpdate();
      }
      applied.add(version);
    }
    return List.copyOf(applied);
  }

  /**
   * Rebuilds every index of the Loopdesk tables from the table rows. Call it when an H2 file
   * database is opened after its process was killed: H2 2.3 occasionally reopens such a database
   * with an index that misses rows its table holds (the README of this module has the details). On
   * PostgreSQL it runs {@code REINDEX}. It locks the tables while it runs and takes time in
   * proportion to their size; run it before the store is used.
   *
   * @param dataSource the database, at the current schema version
   * @throws StorageException if the database is unsupported or a statement fails; on PostgreSQL
   *     nothing of it remains
   */
  public static void rebuildIndexes(DataSource dataSource) {
    inTransaction(
        dataSource,
        "Rebuilding the indexes",
        c -> {
          try (Statement st = c.createStatement()) {
            for (String sql : REBUILD.get(JdbcDialect.of(c))) {
              st.execute(sql);
            }
          }
          return null;
        });
  }

  /**
   * Returns the SQL text of a migration script.
   *
   * @param dialect the database
   * @param version the schema version, 1..{@link #currentVersion()}
   * @return the script
   */
  public static String script(JdbcDialect dialect, int version) {
    if (dialect == null) {
      throw new ValidationException("dialect", null, "must not be null");
    }
    if (version < 1 || version > SCRIPTS.size()) {
      throw new ValidationException("version", version, "must be between 1 and " + SCRIPTS.size());
    }
    return read(dialect.migrationLocation() + "/" + SCRIPTS.get(version - 1));
  }

  private static String read(String resource) {
    // through the class, not its loader: on the module path db/loopdesk/... is a package of this
    // module,
    // which a class loader may not read from outside but the module itself may
    try (InputStream in = JdbcSchema.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new StorageException(
            "Migration script " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("Cannot read migration script " + resource, e);
    }
  }

  /** Splits a script into statements: drops comment lines, splits at semicolons ending a line. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        result.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
