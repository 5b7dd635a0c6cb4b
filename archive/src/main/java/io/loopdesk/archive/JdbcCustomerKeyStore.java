package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.access.CustomerKeyStore;
import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import io.loopdesk.archive.internal.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link CustomerKeyStore} in table {@code loopdesk_customer_key} (schema version 6 of {@code
 * loopdesk-store-jdbc}; run {@code JdbcSchema.migrate} first) on H2 or PostgreSQL. Any number of
 * instances may share it: the primary key lets exactly one insert of a customer's key win, erasure
 * and rewrapping are single conditional {@code UPDATE}s, so they are atomic and durable on commit.
 * Thread-safe.
 *
 * <p>Erasure overwrites the wrapped key with NULL. The database's old row versions, its write-ahead
 * log and backups may still hold the wrapped key until they are vacuumed or expire; since it is
 * wrapped under the master key, keep backups no longer than the erasure deadline you promise, or
 * rotate the master key ({@link io.loopdesk.access.CustomerKeys#rewrapBatch}) and destroy the old
 * one.
 */
public final class JdbcCustomerKeyStore implements CustomerKeyStore {
  private static final String COLUMNS =
      "customer_id, master_key_id, wrapped_key, created_second, created_nano, erased_second, erased_nano";

  private final DataSource dataSource;

  /**
   * Creates the store.
   *
   * @param dataSource the database, at schema version 6 or later
   */
  public JdbcCustomerKeyStore(DataSource dataSource) {
    this.dataSource = Checks.notNull("dataSource", dataSource);
  }

  @Override
  public Optional<CustomerKeyRecord> find(String customerId) {
    CustomerKeyRecord.requireCustomerId(customerId);
    return Sql.run(dataSource, "Reading a customer key", c -> find(c, customerId));
  }

  private static Optional<CustomerKeyRecord> find(Connection c, String customerId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM loopdesk_customer_key WHERE customer_id = ?")) {
      ps.setString(1, customerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public CustomerKeyRecord insertIfAbsent(CustomerKeyRecord record) {
    Checks.notNull("record", record);
    if (record.isErased()) {
      throw new ValidationException(
          "record", record.customerId(), "must be a live key; use erase for tombstones");
    }
    return Sql.run(
        dataSource,
        "Creating a customer key",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO loopdesk_customer_key (customer_id, master_key_id, wrapped_key, created_second, created_nano) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, record.customerId());
            ps.setString(2, record.masterKeyId());
            ps.setString(3, record.wrappedKey());
            Sql.setInstant(ps, 4, record.createdAt());
            ps.executeUpdate();
            return record;
          } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
              throw e;
            }
            return find(c, record.customerId()).orElseThrow(() -> e);
          }
        });
  }

  @Override
  public boolean erase(String customerId, Instant at) {
    CustomerKeyRecord.requireCustomerId(customerId);
    Checks.notNull("at", at);
    return Sql.run(
        dataSource,
        "Erasing a customer key",
        c -> {
          for (int attempt = 0; attempt < 5; attempt++) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE loopdesk_customer_key SET master_key_id = NULL, wrapped_key = NULL, erased_second = ?, erased_nano = ? "
                        + "WHERE customer_id = ? AND erased_second IS NULL")) {
              Sql.setInstant(ps, 1, at);
              ps.setString(3, customerId);
              if (ps.executeUpdate() == 1) {
                return true;
              }
            }
            if (find(c, customerId).isPresent()) {
              return false;
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO loopdesk_customer_key (customer_id, created_second, created_nano, erased_second, erased_nano) VALUES (?, ?, ?, ?, ?)")) {
              ps.setString(1, customerId);
              Sql.setInstant(ps, 2, at);
              Sql.setInstant(ps, 4, at);
              ps.executeUpdate();
              return true;
            } catch (SQLException e) {
              if (!Sql.isDuplicateKey(e)) {
                throw e;
              }
            }
          }
          throw new SQLException("the customer key kept changing while it was erased", "40001");
        });
  }

  @Override
  public boolean rewrap(
      String customerId, String expectedMasterKeyId, String newMasterKeyId, String newWrappedKey) {
    CustomerKeyRecord.live(customerId, newMasterKeyId, newWrappedKey, Instant.EPOCH);
    return Sql.run(
        dataSource,
        "Rewrapping a customer key",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE loopdesk_customer_key SET master_key_id = ?, wrapped_key = ? WHERE customer_id = ? AND master_key_id = ? AND erased_second IS NULL")) {
            ps.setString(1, newMasterKeyId);
            ps.setString(2, newWrappedKey);
            ps.setString(3, customerId);
            ps.setString(4, expectedMasterKeyId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<CustomerKeyRecord> wrappedOtherThan(String masterKeyId, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new ValidationException("limit", limit, "must be between 1 and 10000");
    }
    return list(
        "SELECT "
            + COLUMNS
            + " FROM loopdesk_customer_key WHERE erased_second IS NULL AND master_key_id <> ? ORDER BY customer_id",
        masterKeyId,
        limit);
  }

  @Override
  public List<CustomerKeyRecord> erasures() {
    return list(
        "SELECT "
            + COLUMNS
            + " FROM loopdesk_customer_key WHERE erased_second IS NOT NULL "
            + "ORDER BY erased_second, erased_nano, customer_id",
        null,
        Integer.MAX_VALUE);
  }

  private List<CustomerKeyRecord> list(String sql, String parameter, int limit) {
    return Sql.run(
        dataSource,
        "Listing customer keys",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
              ps.setString(1, parameter);
            }
            ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            List<CustomerKeyRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && out.size() < limit) {
                out.add(record(rs));
              }
            }
            return List.copyOf(out);
          }
        });
  }

  private static CustomerKeyRecord record(ResultSet rs) throws SQLException {
    return new CustomerKeyRecord(
        rs.getString("customer_id"),
        rs.getString("master_key_id"),
        rs.getString("wrapped_key"),
        Sql.instant(rs, "created_second", "created_nano"),
        Sql.instant(rs, "erased_second", "erased_nano"));
  }

  @Override
  public String toString() {
    return "JdbcCustomerKeyStore";
  }
}
