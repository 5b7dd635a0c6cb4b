package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Category;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.store.jdbc.internal.Columns;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/** What the kit cannot see of the JDBC feed: the upgrade of databases that hold events already. */
class JdbcEventFeedTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:30Z");

  @Test
  void eventsWrittenBeforeSchemaVersion3ComeFirstInTheOrderTheyHappenedOnH2() throws Exception {
    JdbcConnectionPool pool = Databases.h2Memory();
    try {
      eventsWrittenBeforeTheFeedComeFirst(pool, JdbcDialect.H2);
    } finally {
      Databases.shutdown(pool);
    }
  }

  @Test
  @RequiresPostgres
  void eventsWrittenBeforeSchemaVersion3ComeFirstInTheOrderTheyHappenedOnPostgres()
      throws Exception {
    JdbcConnectionPool admin = Databases.postgres().orElseThrow();
    try (Connection c = admin.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS loopdesk_upgrade CASCADE");
      st.execute("CREATE SCHEMA loopdesk_upgrade");
    } finally {
      admin.dispose();
    }
    org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
    pg.setURL(System.getenv(Databases.PG_URL));
    pg.setUser(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    pg.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    pg.setCurrentSchema("loopdesk_upgrade");
    eventsWrittenBeforeTheFeedComeFirst(pg, JdbcDialect.POSTGRESQL);
  }

  /**
   * Builds a schema version 2 database by hand with events stored in an order that differs from the
   * order in which they happened, migrates it, and reads the feed.
   */
  private static void eventsWrittenBeforeTheFeedComeFirst(
      DataSource dataSource, JdbcDialect dialect) throws SQLException {
    JsonCodec json = new JsonCodec();
    List<TicketHistory> histories = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("OLD-" + i),
              T0.plusSeconds(10 - i),
              Duration.ofSeconds(3),
              Samples.AGENT,
              Samples.opened(new Random(i), 2));
      h.classify(Category.PRODUCT_FAULT, Samples.priority(new Random(i)), null)
          .assign("a-" + i, "support");
      histories.add(h);
    }
    try (Connection c = dataSource.getConnection()) {
      for (int version = 1; version <= 2; version++) {
        for (String sql : JdbcSchema.statements(JdbcSchema.script(dialect, version))) {
          try (Statement st = c.createStatement()) {
            st.execute(sql);
          }
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE loopdesk_schema_history (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                + " installed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        st.execute(
            "INSERT INTO loopdesk_schema_history (version, script) VALUES (1, 'V1'), (2, 'V2')");
      }
      try (PreparedStatement ticket =
              c.prepareStatement(
                  "INSERT INTO loopdesk_ticket (id, version, status, customer_key,"
                      + " created_second, created_nano, id_order, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement event =
              c.prepareStatement(
                  "INSERT INTO loopdesk_ticket_event (ticket_id, version,"
                      + " occurred_second, occurred_nano, actor_key, change_type, to_status, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = histories.size() - 1; i >= 0; i--) {
          TicketHistory h = histories.get(i);
          ticket.setString(1, h.id().value());
          ticket.setLong(2, h.ticket().version());
          ticket.setString(3, h.ticket().status().name());
          ticket.setString(4, Columns.key(h.ticket().customer().customerId()));
          ticket.setLong(5, h.ticket().createdAt().getEpochSecond());
          ticket.setInt(6, 0);
          ticket.setString(7, Columns.order(h.id().value()));
          ticket.setString(8, json.write(h.ticket()));
          ticket.executeUpdate();
          for (TicketEvent e : h.events()) {
            event.setString(1, e.ticketId().value());
            event.setLong(2, e.version());
            event.setLong(3, e.at().getEpochSecond());
            event.setInt(4, e.at().getNano());
            event.setString(5, Columns.key(e.actor().id()));
            event.setString(6, e.change().getClass().getSimpleName());
            event.setString(7, e.to().name());
            event.setString(8, json.write(e));
            event.executeUpdate();
          }
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }

    assertThat(JdbcSchema.migrate(dataSource)).containsExactly(3, 4, 5, 6);
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(dataSource).build();
    List<TicketEvent> happened = new ArrayList<>();
    histories.forEach(h -> happened.addAll(h.events()));
    happened.sort(
        Comparator.comparing(TicketEvent::at)
            .thenComparing(e -> e.ticketId().value())
            .thenComparing(TicketEvent::version));

    TicketHistory fresh = TicketHistory.open(TicketId.of("NEW-1"), T0.minusSeconds(3600));
    fresh.saveAllTo(store);
    List<FeedEvent> feed = store.readAfter(FeedPosition.START, 100);

    assertThat(feed)
        .extracting(FeedEvent::event)
        .containsExactlyElementsOf(concat(happened, fresh.events()));
    for (int i = 1; i < feed.size(); i++) {
      assertThat(feed.get(i).position().isAfter(feed.get(i - 1).position())).isTrue();
    }
  }

  private static List<TicketEvent> concat(List<TicketEvent> first, List<TicketEvent> second) {
    List<TicketEvent> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
