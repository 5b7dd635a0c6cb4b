package io.loopdesk.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the JDBC store supports; they differ only in their migration scripts. */
public enum JdbcDialect {
  /** H2 2.x, embedded in memory or in a file. */
  H2("h2"),
  /** PostgreSQL 12 or later. */
  POSTGRESQL("postgresql");

  private final String folder;

  JdbcDialect(String folder) {
    this.folder = folder;
  }

  /**
   * Returns the class path folder of this dialect's migration scripts, e.g. {@code
   * db/loopdesk/postgresql}; point Flyway's {@code locations} at {@code classpath:} plus this.
   */
  public String migrationLocation() {
    return "db/loopdesk/" + folder;
  }

  /**
   * Recognises the database behind a connection.
   *
   * @param connection an open connection
   * @return the dialect
   * @throws StorageException if the database is not one Loopdesk supports
   */
  public static JdbcDialect of(Connection connection) {
    String product;
    try {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new StorageException(
          "Cannot read the database product name (SQL state " + e.getSQLState() + ")", e);
    }
    String normalised = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (normalised.equals("h2")) {
      return H2;
    }
    if (normalised.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new StorageException(
        "Unsupported database '" + product + "': the JDBC store supports H2 and PostgreSQL");
  }
}
