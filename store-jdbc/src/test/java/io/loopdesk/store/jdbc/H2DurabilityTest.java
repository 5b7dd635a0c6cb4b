package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded H2 file a newcomer types is made durable by the store itself. */
class H2DurabilityTest {
  @TempDir Path dir;

  @Test
  void aFileOpenedWithDelayedWritesIsRefusedWithWhatToDo() throws Exception {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath(), "sa", "");
    try {
      assertThat(writeDelay(pool)).as("H2's own default").isPositive();
      assertThatThrownBy(
              () -> JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build())
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("WRITE_DELAY=0")
          .hasMessageContaining("embeddedH2")
          .hasMessageContaining("allowDelayedH2Writes");
    } finally {
      pool.dispose();
    }
  }

  @Test
  void anInMemoryDatabaseNeedsNoDurability() {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(
            "jdbc:h2:mem:durability-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    try {
      JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    } finally {
      pool.dispose();
    }
  }

  @Test
  void delayedWritesStayOnlyWhenTheHostOptsOutExplicitly() throws Exception {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("fast").toAbsolutePath(), "sa", "");
    try {
      JdbcTicketStore.builder()
          .dataSource(pool)
          .migrateSchema(true)
          .allowDelayedH2Writes(true)
          .build();
      assertThat(writeDelay(pool)).isPositive();
    } finally {
      pool.dispose();
    }
  }

  @Test
  void theShortcutOpensADurableMigratedFileDatabase() throws Exception {
    JdbcTicketStore store = JdbcTicketStore.embeddedH2(dir.resolve("shortcut").resolve("loopdesk"));
    assertThat(store.dialect()).isEqualTo(JdbcDialect.H2);
    assertThat(writeDelay(EmbeddedH2.pool(dir.resolve("shortcut").resolve("loopdesk")))).isZero();
    assertThat(store.find(io.loopdesk.api.TicketId.of("T-1"))).isEmpty();
    assertThat(dir.resolve("shortcut").resolve("loopdesk.mv.db")).exists();
  }

  static int writeDelay(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertThat(rs.next()).isTrue();
      return Integer.parseInt(rs.getString(1));
    }
  }
}
