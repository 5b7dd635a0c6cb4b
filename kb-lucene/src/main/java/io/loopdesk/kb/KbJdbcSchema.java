package io.loopdesk.kb;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
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
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The database schema of a shared knowledge base ({@link LuceneKnowledgeBase.Builder#database}) as
 * versioned SQL migration scripts, and an opt-in way to apply them; the same approach as the ticket
 * store's {@code JdbcSchema}, with its own history table so the two never collide.
 *
 * <p>Hosts with their own migration tool run the scripts from {@link Dialect#migrationLocation()}
 * (named the way Flyway expects, {@code V1__...sql}; give them their own history table, their
 * version numbers restart at 1). Hosts without one call {@link #migrate(DataSource)} at start-up,
 * or set {@link LuceneKnowledgeBase.Builder#migrateSchema(boolean)}: it records the versions it
 * applied in {@code loopdesk_kb_schema_history} and applies only the missing ones. Concurrent
 * callers are serialised by an advisory lock on PostgreSQL and by a lock in this JVM on H2 (an
 * embedded H2 database belongs to one process).
 */
public final class KbJdbcSchema {
  /** The migrations in order; script {@code i} creates schema version {@code i + 1}. */
  static final List<String> SCRIPTS = List.of("V1__kb_articles.sql");

  private static final long ADVISORY_LOCK = 0x4c4b42536368656dL;
  private static final Object H2_LOCK = new Object();

  /** The databases the shared knowledge base supports; they differ only in their scripts. */
  public enum Dialect {
    /** H2 2.x, embedded in memory or in a file, or in server mode. */
    H2("h2"),
    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
      this.folder = folder;
    }

    /**
     * Returns the class path folder of this dialect's scripts, e.g. {@code
     * db/loopdesk-kb/postgresql}.
     */
    public String migrationLocation() {
      return "db/loopdesk-kb/" + folder;
    }

    /**
     * Recognises the database behind a connection.
     *
     * @throws KnowledgeBaseStorageException if it is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection connection) {
      String product;
      try {
        product = connection.getMetaData().getDatabaseProductName();
      } catch (SQLException e) {
        throw new KnowledgeBaseStorageException(
            "Cannot read the database product name (SQL state " + e.getSQLState() + ")", e);
      }
      String normalised = product == null ? "" : product.toLowerCase(Locale.ROOT);
      if (normalised.equals("h2")) {
        return H2;
      }
      if (normalised.contains("postgresql")) {
        return POSTGRESQL;
      }
      throw new KnowledgeBaseStorageException(
          "Unsupported database '" + product + "': the knowledge base supports H2 and PostgreSQL",
          null);
    }
  }

  private KbJdbcSchema() {}

  /** Returns the schema version this library needs. */
  public static int currentVersion() {
    return SCRIPTS.size();
  }

  /**
   * Creates or upgrades the schema to {@link #currentVersion()}, applying only missing migrations.
   *
   * @param dataSource the database
   * @return the versions applied by this call, empty if the schema was up to date
   * @throws KnowledgeBaseStorageException if a script fails; on PostgreSQL nothing of it remains
   */
  public static List<Integer> migrate(DataSource dataSource) {
    if (dataSource == null) {
      throw new ValidationException("dataSource", null, "must not be null");
    }
    try (Connection c = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(c);
      if (dialect == Dialect.H2) {
        synchronized (H2_LOCK) {
          return inTransaction(c, dialect);
        }
      }
      return inTransaction(c, dialect);
    } catch (SQLException e) {
      throw new KnowledgeBaseStorageException(
          "Knowledge base schema migration failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static List<Integer> inTransaction(Connection c, Dialect dialect) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      List<Integer> applied = migrate(c, dialect);
      c.commit();
      return applied;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static List<Integer> migrate(Connection c, Dialect dialect) throws SQLException {
    try (Statement st = c.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        st.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
      }
      st.execute(
          "CREATE TABLE IF NOT EXISTS loopdesk_kb_schema_history ("
              + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL, "
              + "installed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
    }
    Set<Integer> present = new HashSet<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version FROM loopdesk_kb_schema_history")) {
      while (rs.next()) {
        present.add(rs.getInt(1));
      }
    }
    for (int v : present) {
      if (v > SCRIPTS.size()) {
        throw new KnowledgeBaseStorageException(
            "The database has knowledge base schema version "
                + v
                + " but this library knows only up to "
                + SCRIPTS.size()
                + "; upgrade Loopdesk",
            null);
      }
    }
    List<Integer> applied = new ArrayList<>();
    for (int i = 0; i < SCRIPTS.size(); i++) {
      int version = i + 1;
      if (present.contains(version)) {
        continue;
      }
      for (String statement :
          statements(read(dialect.migrationLocation() + "/" + SCRIPTS.get(i)))) {
        try (Statement st = c.createStatement()) {
          st.execute(statement);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO loopdesk_kb_schema_history (version, script) VALUES (?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, SCRIPTS.get(i));
        ps.executeUpdate();
      }
      applied.add(version);
    }
    return List.copyOf(applied);
  }

  /**
   * Returns the SQL text of a migration script.
   *
   * @param dialect the database
   * @param version the schema version, 1..{@link #currentVersion()}
   * @return the script
   */
  public static String script(Dialect dialect, int version) {
    if (dialect == null) {
      throw new ValidationException("dialect", null, "must not be null");
    }
    if (version < 1 || version > SCRIPTS.size()) {
      throw new ValidationException("version", version, "must be between 1 and " + SCRIPTS.size());
    }
    return read(dialect.migrationLocation() + "/" + SCRIPTS.get(version - 1));
  }

  private static String read(String resource) {
    try (InputStream in = KbJdbcSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new KnowledgeBaseStorageException(
            "Migration script " + resource + " is missing from the class path", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KnowledgeBaseStorageException("Cannot read migration script " + resource, e);
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
