package io.loopdesk.archive;

import javax.sql.DataSource;

/** The archive and erasure on in-memory H2. */
class H2ArchiveAndErasureTest extends ArchiveAndErasureContract {
  @Override
  DataSource database() {
    return Databases.h2();
  }
}
