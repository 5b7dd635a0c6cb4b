package io.loopdesk.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * H2-specific durability: the only class that names H2's own types, so that the store loads without
 * H2 on the class path.
 */
final class EmbeddedH2 {
  private EmbeddedH2() {}

  /** Returns H2's pool over a durable file database. */
  static DataSource pool(Path file) {
    try {
      Class.forName("org.h2.jdbcx.JdbcConnectionPool");
    } catch (ClassNotFoundException e) {
      throw new StorageException(
          "The embedded database needs H2 on the class path: add com.h2database:h2", e);
    }
    return org.h2.jdbcx.JdbcConnectionPool.create(
        "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0", "sa", "");
  }

  /** Returns whether the connection's H2 database lives in a file (not in memory). */
  static boolean isFile(Connection c) throws SQLException {
    String url = c.getMetaData().getURL();
    return url != null && !url.startsWith("jdbc:h2:mem:") && !url.contains(":mem:");
  }

  /**
   * Refuses a file database opened with delayed writes. Setting {@code WRITE_DELAY 0} at run time
   * is not enough: in our crash test a database opened with H2's default and switched at run time
   * still lost acknowledged saves, while one opened with {@code ;WRITE_DELAY=0} in its URL lost
   * none.
   */
  static void requireDurableCommits(Connection c) {
    int delay;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      delay = rs.next() ? Integer.parseInt(rs.getString(1).trim()) : -1;
    } catch (SQLException | NumberFormatException e) {
      throw new StorageException(
          "Could not read the H2 setting WRITE_DELAY; open the database with ;WRITE_DELAY=0 in its URL",
          e);
    }
    if (delay != 0) {
      throw new StorageException(
          "The H2 file database runs with WRITE_DELAY="
              + delay
              + ": a crash would lose saves the store already acknowledged."
              + " Open it with ;WRITE_DELAY=0 in the JDBC URL (or use JdbcTicketStore.embeddedH2(path)), or build the store with"
              + " allowDelayedH2Writes(true) to accept that loss");
    }
  }
}
