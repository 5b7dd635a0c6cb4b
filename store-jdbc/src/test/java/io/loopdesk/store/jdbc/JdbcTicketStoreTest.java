package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.store.jdbc.internal.JsonCodec;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the JDBC store adds to the kit's contract: schema handling, failures, the stored format. */
class JdbcTicketStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:30Z");

  private final JdbcConnectionPool pool = Databases.h2Memory();

  @AfterEach
  void shutdown() {
    Databases.shutdown(pool);
  }

  @Test
  void aStoreNeedsADataSource() {
    assertThatThrownBy(() -> JdbcTicketStore.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("dataSource"));
    assertThatThrownBy(() -> JdbcTicketStore.builder().dataSource(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("dataSource"));
  }

  @Test
  void aDatabaseWithoutTheSchemaIsReportedWithTheWayToCreateIt() {
    assertThatThrownBy(() -> JdbcTicketStore.builder().dataSource(pool).build())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("classpath:db/loopdesk/h2")
        .hasMessageContaining("migrateSchema(true)");
  }

  @Test
  void migrationAppliesEachVersionOnceAndRecordsIt() throws SQLException {
    assertThat(JdbcSchema.migrate(pool)).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(JdbcSchema.migrate(pool)).isEmpty();
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version, script FROM loopdesk_schema_history ORDER BY version")) {
      for (int version = 1; version <= JdbcSchema.currentVersion(); version++) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(version);
        assertThat(rs.getString(2)).isEqualTo(JdbcSchema.SCRIPTS.get(version - 1));
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void aSchemaNewerThanTheLibraryIsRefused() throws SQLException {
    JdbcSchema.migrate(pool);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO loopdesk_schema_history (version, script) VALUES (99, 'V99__future.sql')");
    }
    assertThatThrownBy(() -> JdbcSchema.migrate(pool))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("version 99")
        .hasMessageContaining("upgrade Loopdesk");
  }

  @Test
  void everyShippedScriptIsAppliedAndBothDialectsShipTheSameVersions() throws IOException {
    for (JdbcDialect dialect : JdbcDialect.values()) {
      Path folder = Path.of("target", "classes").resolve(dialect.migrationLocation());
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
            .as("scripts in %s", folder)
            .containsExactlyElementsOf(JdbcSchema.SCRIPTS);
      }
      assertThat(JdbcSchema.statements(JdbcSchema.script(dialect, 1)))
          .as("statements of V1 on %s", dialect)
          .hasSize(7)
          .allSatisfy(
              sql -> assertThat(sql).startsWith("CREATE").doesNotContain(";").doesNotContain("--"));
      assertThat(JdbcSchema.statements(JdbcSchema.script(dialect, 2)))
          .as("statements of V2 on %s", dialect)
          .hasSize(5)
          .allSatisfy(sql -> assertThat(sql).doesNotContain(";").doesNotContain("--"));
    }
    assertThat(JdbcSchema.currentVersion()).isEqualTo(JdbcSchema.SCRIPTS.size());
    assertThatThrownBy(() -> JdbcSchema.script(JdbcDialect.H2, 0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> JdbcSchema.script(JdbcDialect.H2, JdbcSchema.currentVersion() + 1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void rebuildingTheIndexesRecreatesEachOneOverTheSameColumnsAndKeepsTheData() throws SQLException {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    TicketHistory h =
        TicketHistory.open(TicketId.of("T-reindex"), T0).assign("agent-1", "support").start();
    h.saveAllTo(store);
    List<String> before = indexColumns();
    assertThat(before).isNotEmpty();

    JdbcSchema.rebuildIndexes(pool);

    assertThat(indexColumns()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).containsExactlyElementsOf(h.events());
    assertThat(store.query(TicketQuery.builder().assignee("agent-1").build()).items())
        .containsExactly(h.ticket());
    h.resolve("fixed");
    store.save(h.lastEvent(), h.ticket());
    assertThatThrownBy(() -> JdbcSchema.rebuildIndexes(null))
        .isInstanceOf(ValidationException.class);
  }

  /** Every index of the Loopdesk tables as "table.index(column, ...)", unique ones marked. */
  private List<String> indexColumns() throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT i.table_name, i.index_name, i.index_type_name, c.column_name FROM information_schema.indexes i"
                    + " JOIN information_schema.index_columns c ON c.index_schema = i.index_schema AND c.index_name = i.index_name"
                    + " WHERE i.table_name LIKE 'LOOPDESK_TICKET%' ORDER BY i.index_name, c.ordinal_position")) {
      java.util.Map<String, String> byIndex = new java.util.LinkedHashMap<>();
      while (rs.next()) {
        String name =
            rs.getString(1)
                + "."
                + (rs.getString(3).equals("PRIMARY KEY") ? "PRIMARY KEY" : rs.getString(2));
        byIndex.merge(name, rs.getString(4), (a, b) -> a + ", " + b);
      }
      return byIndex.entrySet().stream().map(e -> e.getKey() + "(" + e.getValue() + ")").toList();
    }
  }

  @Test
  void snapshotsAreReadableJsonWithChineseAsIsAndSurrogatesEscaped() throws SQLException {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    TicketHistory h = TicketHistory.open(TicketId.of("T-json"), T0).assign("张伟", "售后 😀 \uD800");
    h.saveAllTo(store);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT snapshot, department_key FROM loopdesk_ticket")) {
      assertThat(rs.next()).isTrue();
      String json = rs.getString(1);
      assertThat(json)
          .contains("\"assignee\":\"张伟\"")
          .contains("\\uD83D\\uDE00")
          .contains("\\uD800");
      assertThat(json.chars().anyMatch(ch -> Character.isSurrogate((char) ch)))
          .as("raw surrogates in the JSON")
          .isFalse();
      assertThat(rs.getString(2)).isEqualTo("售后 😀 \\ud800");
    }
    assertThat(store.find(h.id())).contains(h.ticket());
  }

  @Test
  void aSnapshotChangedByAnotherWriterIsReadAfresh() throws Exception {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    TicketHistory h = TicketHistory.open(TicketId.of("T-other-writer"), T0);
    h.saveAllTo(store);
    assertThat(store.find(h.id())).contains(h.ticket());
    Ticket changed = h.ticket().toBuilder().product("changed elsewhere").build();
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE loopdesk_ticket SET snapshot = ?")) {
      ps.setString(1, new JsonCodec().write(changed));
      ps.executeUpdate();
    }
    assertThat(store.find(h.id())).contains(changed);
    assertThat(store.query(TicketQuery.builder().build()).items()).containsExactly(changed);
  }

  @Test
  void aCommandAnsweredFromMemoryWritesOnlyOverTheVeryWriteItRemembers() throws SQLException {
    JdbcTicketStore here = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    JdbcTicketStore elsewhere = JdbcTicketStore.builder().dataSource(pool).build();
    TicketId id = TicketId.of("T-recreated");
    TicketHistory mine = TicketHistory.open(id, T0).assign("agent-1", "support");
    mine.saveAllTo(here);
    assertThat(here.findForCommand(id, mine.ticket().version())).contains(mine.ticket());

    execute("DELETE FROM loopdesk_ticket_event");
    execute("DELETE FROM loopdesk_ticket");
    TicketHistory theirs =
        TicketHistory.open(id, T0.plusSeconds(60)).assign("agent-2", "after-sales");
    theirs.saveAllTo(elsewhere);
    assertThat(theirs.ticket().version()).isEqualTo(mine.ticket().version());

    assertThat(here.findForCommand(id, mine.ticket().version()))
        .as("answered from memory, stale")
        .contains(mine.ticket());
    mine.start();
    assertThatThrownBy(() -> here.save(mine.lastEvent(), mine.ticket()))
        .isInstanceOf(VersionConflictException.class);
    assertThat(here.find(id)).contains(theirs.ticket());
    assertThat(here.events(id)).containsExactlyElementsOf(theirs.events());

    theirs.start();
    assertThat(here.findForCommand(id, theirs.ticket().version() - 1))
        .contains(theirs.snapshots().get(theirs.snapshots().size() - 2));
    here.save(theirs.lastEvent(), theirs.ticket());
    assertThat(elsewhere.find(id)).contains(theirs.ticket());
  }

  @Test
  void anAnswerForAnotherVersionIsTheStoredTicket() {
    JdbcTicketStore here = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    JdbcTicketStore elsewhere = JdbcTicketStore.builder().dataSource(pool).build();
    TicketHistory h =
        TicketHistory.open(TicketId.of("T-moved-on"), T0).assign("agent-1", "support");
    h.saveAllTo(here);
    long known = h.ticket().version();
    h.start();
    elsewhere.save(h.lastEvent(), h.ticket());
    assertThat(here.findForCommand(h.id(), known))
        .as("memory may answer for the version it holds")
        .contains(h.snapshots().get((int) known - 1));
    assertThat(here.findForCommand(h.id(), h.ticket().version())).contains(h.ticket());
    assertThat(here.findForCommand(TicketId.of("T-none"), 1)).isEmpty();
  }

  @Test
  void aCorruptedRowIsReportedWithoutItsContents() throws SQLException {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    TicketHistory h = TicketHistory.open(TicketId.of("T-corrupt"), T0);
    h.saveAllTo(store);
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "UPDATE loopdesk_ticket SET snapshot = '{\"id\":\"T-corrupt\",\"customer\":{\"name\":\"张三\"'");
      st.executeUpdate("UPDATE loopdesk_ticket_event SET event = 'not json'");
    }
    assertThatThrownBy(() -> store.find(h.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("T-corrupt")
        .hasMessageNotContaining("张三");
    assertThatThrownBy(() -> store.events(h.id()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("Event 1 of ticket T-corrupt");
  }

  @Test
  void aFailureBetweenTheTicketAndTheEventWriteLeavesNeitherWritten() throws SQLException {
    JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    TicketHistory h = TicketHistory.open(TicketId.of("T-atomic"), T0);
    h.saveAllTo(store);
    h.classify(Category.PRODUCT_FAULT, Samples.priority(new Random(1)), null);
    execute("ALTER TABLE loopdesk_ticket_event RENAME TO loopdesk_ticket_event_away");
    try {
      assertThatThrownBy(() -> store.save(h.lastEvent(), h.ticket()))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("save ticket T-atomic")
          .hasMessageContaining("SQL state");
    } finally {
      execute("ALTER TABLE loopdesk_ticket_event_away RENAME TO loopdesk_ticket_event");
    }
    assertThat(store.find(h.id())).contains(h.snapshots().get(0));
    assertThat(store.events(h.id())).containsExactly(h.events().get(0));
    store.save(h.lastEvent(), h.ticket());
    assertThat(store.find(h.id())).contains(h.ticket());
  }

  @Test
  void theConnectionsAutoCommitModeIsLeftAsFound() throws SQLException {
    JdbcSchema.migrate(pool);
    for (boolean autoCommit : List.of(true, false)) {
      try (Connection shared = pool.getConnection()) {
        shared.setAutoCommit(autoCommit);
        JdbcTicketStore store = JdbcTicketStore.builder().dataSource(unclosable(shared)).build();
        TicketHistory h = TicketHistory.open(TicketId.of("T-auto-" + autoCommit), T0).start();
        h.saveAllTo(store);
        assertThat(shared.getAutoCommit()).isEqualTo(autoCommit);
        assertThat(store.find(h.id())).contains(h.ticket());
        TicketHistory stale = TicketHistory.open(h.id(), T0);
        assertThatThrownBy(() -> store.save(stale.lastEvent(), stale.ticket()))
            .isInstanceOf(VersionConflictException.class);
        assertThat(shared.getAutoCommit()).isEqualTo(autoCommit);
      }
    }
  }

  @Test
  void anUnsupportedDatabaseIsNamed() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:named");
    try (Connection real = h2.getConnection()) {
      Connection renamed =
          (Connection)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("getMetaData")) {
                      return Proxy.newProxyInstance(
                          getClass().getClassLoader(),
                          new Class<?>[] {java.sql.DatabaseMetaData.class},
                          (p, m, a) ->
                              m.getName().equals("getDatabaseProductName")
                                  ? "MySQL"
                                  : invoke(m, real.getMetaData(), a));
                    }
                    return invoke(method, real, args);
                  });
      assertThatThrownBy(() -> JdbcDialect.of(renamed))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("Unsupported database 'MySQL'");
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A data source that hands out one connection and ignores the store's close calls. */
  private static DataSource unclosable(Connection shared) {
    Connection handle =
        (Connection)
            Proxy.newProxyInstance(
                JdbcTicketStoreTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) ->
                    method.getName().equals("close") ? null : invoke(method, shared, args));
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcTicketStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                return handle;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
