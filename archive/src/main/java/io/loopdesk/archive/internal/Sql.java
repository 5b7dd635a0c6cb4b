package io.loopdesk.archive.internal;

import io.loopdesk.store.jdbc.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Small JDBC helpers shared by this module's JDBC classes. Stateless, thread-safe. */
public final class Sql {
  private Sql() {}

  /** Work on one connection. */
  public interface Work<T> {
    /**
     * Runs the work.
     *
     * @param c the connection, in auto-commit mode
     * @return the result
     * @throws SQLException if the database fails
     */
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work on a fresh connection; each statement commits on its own.
   *
   * @param dataSource the database
   * @param operation what is done, for the error message
   * @param work the work
   * @param <T> the result type
   * @return the result
   * @throws StorageException naming the operation and SQL state if the database fails
   */
  public static <T> T run(DataSource dataSource, String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException(operation + " failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /**
   * Returns whether an error is a unique or primary key violation (SQL state 23505 on H2 and
   * PostgreSQL).
   *
   * @param e the error
   * @return true for a duplicate key
   */
  public static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /**
   * Sets an instant as epoch second and nano of second.
   *
   * @param ps the statement
   * @param index the first of the two parameter indexes
   * @param at the instant
   * @throws SQLException if the driver fails
   */
  public static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    ps.setLong(index, at.getEpochSecond());
    ps.setInt(index + 1, at.getNano());
  }

  /**
   * Reads an instant from epoch second and nano of second.
   *
   * @param rs the row
   * @param secondColumn the second's column
   * @param nanoColumn the nano's column
   * @return the instant, or null if the second is NULL
   * @throws SQLException if the driver fails
   */
  public static Instant instant(java.sql.ResultSet rs, String secondColumn, String nanoColumn)
      throws SQLException {
    long second = rs.getLong(secondColumn);
    if (rs.wasNull()) {
      return null;
    }
    return Instant.ofEpochSecond(second, rs.getInt(nanoColumn));
  }
}
