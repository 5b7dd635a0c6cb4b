package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDBC store inside the caller's transaction (plain JDBC with {@code inTransactionOf}, and a
 * transaction-aware data source as Spring provides) and the transactional outbox, on H2 and, when
 * configured, PostgreSQL.
 */
class JdbcTransactionsTest {
  private static final Actor AGENT = Actor.of("agent-1", Role.AGENT);
  private static final Classification FAULT =
      Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.MEDIUM);

  private final List<JdbcConnectionPool> pools = new ArrayList<>();

  static Stream<String> databases() {
    return Stream.of("h2", "postgresql");
  }

  @AfterEach
  void close() {
    pools.forEach(JdbcConnectionPool::dispose);
  }

  private JdbcConnectionPool database(String kind) throws SQLException {
    JdbcConnectionPool pool;
    if (kind.equals("h2")) {
      pool = Databases.h2Memory();
    } else {
      assumeTrue(Databases.postgresConfigured(), "LOOPDESK_PG_URL is not set");
      pool = Databases.postgres().orElseThrow();
    }
    pools.add(pool);
    JdbcSchema.migrate(pool);
    Databases.empty(pool);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS crm_order");
      st.execute(
          "CREATE TABLE crm_order (id VARCHAR(20) PRIMARY KEY, status VARCHAR(20) NOT NULL)");
      st.execute("INSERT INTO crm_order VALUES ('O-1', 'OPEN')");
      st.execute("DELETE FROM loopdesk_outbox");
    }
    return pool;
  }

  private static ServiceDesk desk(JdbcTicketStore store) {
    return ServiceDesks.builder()
        .clock(ManualClock.at(Instant.parse("2026-03-02T08:00:00Z")))
        .store(store)
        .build();
  }

  private static Ticket open(ServiceDesk desk) {
    return desk.open(
        NewTicket.builder()
            .channel(Channel.PHONE)
            .customer(Customer.of("C-1", "张三", "13812345678", null))
            .product("X9 phone")
            .problem("电池充不进电")
            .build(),
        AGENT);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theCallersRowAndTheTicketChangeCommitTogether(String kind) throws SQLException {
    JdbcConnectionPool pool = database(kind);
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).outbox(true).build();
    ServiceDesk desk = desk(store);
    Ticket opened = open(desk);

    Ticket classified;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      setOrderStatus(c, "CLASSIFIED");
      classified =
          store.inTransactionOf(
              c, () -> desk.classify(opened.id(), opened.version(), FAULT, AGENT));
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(orderStatus(pool)).isEqualTo("CLASSIFIED");
    assertThat(store.find(opened.id())).contains(classified);
    assertThat(store.events(opened.id())).hasSize(2);
    assertThat(feed(store)).extracting(e -> e.event().version()).containsExactly(1L, 2L);
    assertThat(outboxIds(pool)).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theCallersRowAndTheTicketChangeRollBackTogether(String kind) throws SQLException {
    JdbcConnectionPool pool = database(kind);
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).outbox(true).build();
    ServiceDesk desk = desk(store);
    Ticket opened = open(desk);

    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      setOrderStatus(c, "CLASSIFIED");
      Ticket inside =
          store.inTransactionOf(
              c, () -> desk.classify(opened.id(), opened.version(), FAULT, AGENT));
      assertThat(inside.version()).isEqualTo(2);
      c.rollback();
      c.setAutoCommit(true);
    }

    assertThat(orderStatus(pool)).isEqualTo("OPEN");
    assertThat(store.find(opened.id())).contains(opened);
    assertThat(store.events(opened.id())).hasSize(1);
    assertThat(feed(store)).hasSize(1);
    assertThat(outboxIds(pool)).hasSize(1);
    Ticket afterwards = desk.classify(opened.id(), opened.version(), FAULT, AGENT);
    assertThat(afterwards.version()).as("the rolled back change left nothing behind").isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void conflictsInsideTheCallersTransactionLeaveItUsable(String kind) throws SQLException {
    JdbcConnectionPool pool = database(kind);
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).build();
    TicketHistory winner =
        TicketHistory.open(TicketId.of("T-tx-conflict"), Instant.parse("2026-03-02T08:00:00Z"));
    winner.classify(Category.PRODUCT_FAULT, Samples.priority(new Random(1)), null);
    winner.saveAllTo(store);
    TicketHistory loser =
        TicketHistory.open(TicketId.of("T-tx-conflict"), Instant.parse("2026-03-02T08:00:00Z"));
    loser.classify(Category.COMPLAINT, Samples.priority(new Random(2)), null);
    winner.assign("tech-3", "support");

    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      setOrderStatus(c, "ASSIGNED");
      assertThatThrownBy(
              () ->
                  store.inTransactionOf(
                      c,
                      () -> {
                        store.save(loser.lastEvent(), loser.ticket());
                        return null;
                      }))
          .as("a stale update")
          .isInstanceOf(VersionConflictException.class);
      assertThatThrownBy(
              () ->
                  store.inTransactionOf(
                      c,
                      () -> {
                        store.save(loser.events().get(0), loser.snapshots().get(0));
                        return null;
                      }))
          .as("a second create of the same id")
          .isInstanceOf(VersionConflictException.class);
      store.inTransactionOf(
          c,
          () -> {
            store.save(winner.lastEvent(), winner.ticket());
            return null;
          });
      c.commit();
      c.setAutoCommit(true);
    }

    assertThat(orderStatus(pool)).isEqualTo("ASSIGNED");
    assertThat(store.find(winner.id())).contains(winner.ticket());
    assertThat(store.events(winner.id())).isEqualTo(winner.events());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aTransactionAwareDataSourceJoinsTheCallersTransaction(String kind) throws SQLException {
    JdbcConnectionPool pool = database(kind);
    Ticket opened = open(desk(JdbcTicketStore.builder().dataSource(pool).build()));
    TransactionAwareDataSource springLike = new TransactionAwareDataSource(pool);
    JdbcTicketStore joined =
        JdbcTicketStore.builder()
            .dataSource(springLike)
            .joinCallerTransactions(true)
            .outbox(true)
            .build();
    ServiceDesk desk = desk(joined);

    springLike.begin();
    setOrderStatus(springLike.current(), "CLASSIFIED");
    desk.classify(opened.id(), opened.version(), FAULT, AGENT);
    springLike.rollback();
    assertThat(orderStatus(pool)).isEqualTo("OPEN");
    assertThat(joined.find(opened.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(outboxIds(pool)).isEmpty();

    springLike.begin();
    setOrderStatus(springLike.current(), "CLASSIFIED");
    Ticket classified = desk.classify(opened.id(), opened.version(), FAULT, AGENT);
    springLike.commit();
    assertThat(orderStatus(pool)).isEqualTo("CLASSIFIED");
    assertThat(joined.find(opened.id())).contains(classified);
    assertThat(outboxIds(pool)).hasSize(1);

    assertThatThrownBy(
            () ->
                desk.assign(
                    classified.id(),
                    classified.version(),
                    Assignment.of("tech-3", "support"),
                    AGENT))
        .as("a save outside a transaction")
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("auto-commit");
    assertThat(joined.find(opened.id())).contains(classified);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theOutboxHoldsOneRowPerEventInTheLayoutOfDebeziumsOutboxRouter(String kind)
      throws Exception {
    JdbcConnectionPool pool = database(kind);
    JdbcTicketStore plain = JdbcTicketStore.builder().dataSource(pool).build();
    open(desk(plain));
    assertThat(outboxIds(pool)).as("without the outbox option").isEmpty();

    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).outbox(true).build();
    ServiceDesk desk = desk(store);
    Ticket t = open(desk);
    t = desk.classify(t.id(), t.version(), FAULT, AGENT);
    t = desk.assign(t.id(), t.version(), Assignment.of("tech-3", "售后"), AGENT);
    List<TicketEvent> events = store.events(t.id());

    JsonCodec json = new JsonCodec();
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, aggregatetype, aggregateid, type, payload FROM loopdesk_outbox WHERE aggregateid = ?")) {
      ps.setString(1, t.id().value());
      List<TicketEvent> fromOutbox = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TicketEvent event = json.readEvent(rs.getString(5));
          assertThat(rs.getObject(1, UUID.class)).isEqualTo(FeedEvent.idOf(event));
          assertThat(rs.getString(2)).isEqualTo("ticket");
          types.add(rs.getString(4));
          fromOutbox.add(event);
        }
      }
      assertThat(fromOutbox).containsExactlyInAnyOrderElementsOf(events);
      assertThat(types).containsExactlyInAnyOrder("OPENED", "CLASSIFIED", "ASSIGNED");
    }
  }

  private static void setOrderStatus(Connection c, String status) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE crm_order SET status = ? WHERE id = 'O-1'")) {
      ps.setString(1, status);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  private static String orderStatus(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT status FROM crm_order WHERE id = 'O-1'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static List<UUID> outboxIds(DataSource pool) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id FROM loopdesk_outbox")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static List<FeedEvent> feed(JdbcTicketStore store) {
    return store.readAfter(FeedPosition.START, 100);
  }

  /**
   * What Spring's {@code TransactionAwareDataSourceProxy} does, reduced to this test: inside a
   * transaction every {@code getConnection} returns the transaction's connection, whose {@code
   * close} does nothing; outside one, a plain connection in auto-commit mode.
   */
  private static final class TransactionAwareDataSource implements DataSource {
    private final DataSource target;
    private Connection current;

    TransactionAwareDataSource(DataSource target) {
      this.target = target;
    }

    void begin() throws SQLException {
      current = target.getConnection();
      current.setAutoCommit(false);
    }

    Connection current() {
      return current;
    }

    void commit() throws SQLException {
      current.commit();
      end();
    }

    void rollback() throws SQLException {
      current.rollback();
      end();
    }

    private void end() throws SQLException {
      current.setAutoCommit(true);
      current.close();
      current = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (current == null) {
        return target.getConnection();
      }
      Connection transactional = current;
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close")) {
                  return null;
                }
                try {
                  return method.invoke(transactional, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("not used");
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
