package io.loopdesk.archive;

import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The archive and erasure on PostgreSQL; runs under store-jdbc/scripts/with-postgres.sh. */
@EnabledIfEnvironmentVariable(named = "LOOPDESK_PG_URL", matches = ".+")
class PostgresArchiveAndErasureTest extends ArchiveAndErasureContract {
  @Override
  DataSource database() {
    return Databases.postgres();
  }
}
