package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.api.Checks;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.archive.internal.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * An {@link ArchiveIndex} in table {@code loopdesk_archived_ticket} (schema version 6 of {@code
 * loopdesk-store-jdbc}) on H2 or PostgreSQL. The ticket id is the primary key, so a claim is one
 * {@code INSERT} (or, for a record of an older version, one conditional {@code UPDATE}) and of
 * several instances claiming one ticket version exactly one wins. Thread-safe.
 */
public final class JdbcArchiveIndex implements ArchiveIndex {
  private static final String COLUMNS =
      "ticket_id, archived_version, customer_id, closed_second, closed_nano, archived_second, archived_nano, archived_by";

  private final DataSource dataSource;

  /**
   * Creates the index.
   *
   * @param dataSource the database, at schema version 6 or later
   */
  public JdbcArchiveIndex(DataSource dataSource) {
    this.dataSource = Checks.notNull("dataSource", dataSource);
  }

  @Override
  public boolean claim(ArchivedTicket ticket) {
    Checks.notNull("ticket", ticket);
    return Sql.run(
        dataSource,
        "Archiving a ticket",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO loopdesk_archived_ticket ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ticket.ticketId().value());
            ps.setLong(2, ticket.version());
            ps.setString(3, ticket.customerId());
            Sql.setInstant(ps, 4, ticket.closedAt());
            Sql.setInstant(ps, 6, ticket.archivedAt());
            ps.setString(8, ticket.archivedBy());
            return ps.executeUpdate() == 1;
          } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
              throw e;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE loopdesk_archived_ticket SET archived_version = ?, closed_second = ?, "
                      + "closed_nano = ?, archived_second = ?, archived_nano = ?, archived_by = ? WHERE ticket_id = ? AND archived_version < ?")) {
            ps.setLong(1, ticket.version());
            Sql.setInstant(ps, 2, ticket.closedAt());
            Sql.setInstant(ps, 4, ticket.archivedAt());
            ps.setString(6, ticket.archivedBy());
            ps.setString(7, ticket.ticketId().value());
            ps.setLong(8, ticket.version());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Optional<ArchivedTicket> find(TicketId id) {
    Checks.notNull("id", id);
    List<ArchivedTicket> found = select("ticket_id = ?", id.value());
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Map<TicketId, Long> archivedAmong(Collection<TicketId> ids) {
    requireIds(ids);
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<TicketId> list = List.copyOf(new HashSet<>(ids));
    return Sql.run(
        dataSource,
        "Reading archived tickets",
        c -> {
          String marks = String.join(", ", java.util.Collections.nCopies(list.size(), "?"));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT ticket_id, archived_version FROM loopdesk_archived_ticket WHERE ticket_id IN ("
                      + marks
                      + ")")) {
            for (int i = 0; i < list.size(); i++) {
              ps.setString(i + 1, list.get(i).value());
            }
            Map<TicketId, Long> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(TicketId.of(rs.getString(1)), rs.getLong(2));
              }
            }
            return Map.copyOf(out);
          }
        });
  }

  @Override
  public List<ArchivedTicket> byCustomer(String customerId) {
    CustomerKeyRecord.requireCustomerId(customerId);
    return select("customer_id = ?", customerId).stream()
        .sorted(java.util.Comparator.comparing(a -> a.ticketId().value()))
        .toList();
  }

  private List<ArchivedTicket> select(String where, String parameter) {
    return Sql.run(
        dataSource,
        "Reading archived tickets",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM loopdesk_archived_ticket WHERE " + where)) {
            ps.setString(1, parameter);
            List<ArchivedTicket> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ArchivedTicket(
                        TicketId.of(rs.getString("ticket_id")),
                        rs.getLong("archived_version"),
                        rs.getString("customer_id"),
                        Sql.instant(rs, "closed_second", "closed_nano"),
                        Sql.instant(rs, "archived_second", "archived_nano"),
                        rs.getString("archived_by")));
              }
            }
            return out;
          }
        });
  }

  /** Checks the argument of {@link #archivedAmong}: not null, no null, at most 1,000. */
  static void requireIds(Collection<TicketId> ids) {
    Checks.notNull("ids", ids);
    if (ids.size() > 1_000) {
      throw new ValidationException("ids", ids.size() + " ids", "must be at most 1000");
    }
    for (TicketId id : ids) {
      if (id == null) {
        throw new ValidationException("ids", null, "must not contain null");
      }
    }
  }
}
