package io.loopdesk.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.HistoryVerification;
import io.loopdesk.core.TicketHistoryVerifier;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest.HistoryIntegrity;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest.StorageTampering;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Tampers with the JDBC store's tables in plain SQL, as someone with database access could: {@code
 * UPDATE}, {@code DELETE} and {@code INSERT} on {@code loopdesk_ticket_event} and {@code UPDATE} on
 * the snapshot in {@code loopdesk_ticket}.
 */
final class SqlHistoryTampering implements StorageTampering {
  private final DataSource dataSource;
  private final JsonCodec json = new JsonCodec();

  SqlHistoryTampering(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Core's SHA-256 chain and verifier, as the kit's integrity functions. */
  static HistoryIntegrity coreIntegrity() {
    HistoryChain chain = HistoryChain.sha256();
    return new HistoryIntegrity() {
      @Override
      public TicketEvent chain(TicketEvent event, String previousChain) {
        return chain.stamp(event, previousChain);
      }

      @Override
      public OptionalLong firstBrokenVersion(TicketStore store, TicketId id) {
        HistoryVerification result = TicketHistoryVerifier.of(store, chain).verify(id);
        return result.isIntact() ? OptionalLong.empty() : OptionalLong.of(result.brokenVersion());
      }
    };
  }

  @Override
  public void overwriteEvent(TicketEvent forged) {
    update(
        "UPDATE loopdesk_ticket_event SET event = ? WHERE ticket_id = ? AND version = ?",
        write(forged),
        forged.ticketId().value(),
        forged.version());
  }

  @Override
  public void deleteEvent(TicketId id, long version) {
    update(
        "DELETE FROM loopdesk_ticket_event WHERE ticket_id = ? AND version = ?",
        id.value(),
        version);
  }

  @Override
  public void swapEvents(TicketId id, long first, long second) {
    String firstJson = eventJson(id, first);
    String secondJson = eventJson(id, second);
    update(
        "UPDATE loopdesk_ticket_event SET event = ? WHERE ticket_id = ? AND version = ?",
        secondJson,
        id.value(),
        first);
    update(
        "UPDATE loopdesk_ticket_event SET event = ? WHERE ticket_id = ? AND version = ?",
        firstJson,
        id.value(),
        second);
  }

  @Override
  public void appendEvent(TicketEvent forged) {
    update(
        "INSERT INTO loopdesk_ticket_event (ticket_id, version, occurred_second, occurred_nano, actor_key, change_type,"
            + " from_status, to_status, event, feed_tx, feed_seq)"
            + " SELECT ticket_id, ?, occurred_second, occurred_nano, actor_key, change_type, from_status, to_status, ?,"
            + " feed_tx, feed_seq FROM loopdesk_ticket_event WHERE ticket_id = ? AND version = ?",
        forged.version(),
        write(forged),
        forged.ticketId().value(),
        forged.version() - 1);
  }

  @Override
  public void overwriteSnapshot(Ticket forged) {
    update(
        "UPDATE loopdesk_ticket SET snapshot = ? WHERE id = ?", write(forged), forged.id().value());
  }

  private String eventJson(TicketId id, long version) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT event FROM loopdesk_ticket_event WHERE ticket_id = ? AND version = ?")) {
      ps.setString(1, id.value());
      ps.setLong(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no stored event at version " + version);
        }
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(String sql, Object... arguments) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        ps.setObject(i + 1, arguments[i]);
      }
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("the tampering statement changed no row: " + sql);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.write(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
