package io.loopdesk.archive;

import io.loopdesk.api.Checks;
import io.loopdesk.api.TicketId;
import io.loopdesk.archive.internal.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An {@link ErasureLog} in table {@code loopdesk_erasure_log} (schema version 6 of {@code
 * loopdesk-store-jdbc}) on H2 or PostgreSQL; customer and ticket form the primary key, so each pair
 * is recorded once across instances. Thread-safe.
 */
public final class JdbcErasureLog implements ErasureLog {
  private final DataSource dataSource;

  /**
   * Creates the log.
   *
   * @param dataSource the database, at schema version 6 or later
   */
  public JdbcErasureLog(DataSource dataSource) {
    this.dataSource = Checks.notNull("dataSource", dataSource);
  }

  @Override
  public boolean record(ErasureEntry entry) {
    Checks.notNull("entry", entry);
    return Sql.run(
        dataSource,
        "Recording an erasure",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO loopdesk_erasure_log (customer_id, ticket_id, erased_second, erased_nano, "
                      + "requested_by, erased_versions, attested_chains) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, entry.customerId());
            ps.setString(2, entry.ticketId().value());
            Sql.setInstant(ps, 3, entry.erasedAt());
            ps.setString(5, entry.requestedBy());
            ps.setString(6, entry.versionsText());
            ps.setString(7, entry.chainsText());
            return ps.executeUpdate() == 1;
          } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public List<ErasureEntry> entries() {
    return Sql.run(
        dataSource,
        "Reading the erasure log",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT customer_id, ticket_id, erased_second, erased_nano, requested_by, erased_versions, "
                          + "attested_chains FROM loopdesk_erasure_log");
              ResultSet rs = ps.executeQuery()) {
            List<ErasureEntry> out = new ArrayList<>();
            while (rs.next()) {
              List<Long> versions = ErasureEntry.versions(rs.getString("erased_versions"));
              out.add(
                  new ErasureEntry(
                      rs.getString("customer_id"),
                      TicketId.of(rs.getString("ticket_id")),
                      Sql.instant(rs, "erased_second", "erased_nano"),
                      rs.getString("requested_by"),
                      versions,
                      ErasureEntry.chains(rs.getString("attested_chains"), versions.size())));
            }
            out.sort(
                java.util.Comparator.comparing(ErasureEntry::erasedAt)
                    .thenComparing(ErasureEntry::customerId)
                    .thenComparing(e -> e.ticketId().value()));
            return List.copyOf(out);
          }
        });
  }
}
