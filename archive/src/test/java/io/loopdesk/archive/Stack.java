package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeys;
import io.loopdesk.access.EncryptingTicketStore;
import io.loopdesk.access.KeyProvider;
import io.loopdesk.access.StaticKeyProvider;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.time.Duration;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * One Loopdesk instance on a database, the way a host wires the archive: JDBC store, per-customer
 * keys, archive on top.
 */
final class Stack {
  static final KeyProvider MASTER =
      StaticKeyProvider.of(
          "m1",
          Map.of(
              "m1",
              new SecretKeySpec(
                  new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                    23, 24, 25, 26, 27, 28, 29, 30, 31, 32
                  },
                  "AES")));

  final JdbcTicketStore jdbc;
  final CustomerKeys keys;
  final EncryptingTicketStore clear;
  final ArchiveIndex index;
  final ArchiveSealingTicketStore store;
  final ErasureLog log;
  final TicketArchiver archiver;
  final ErasureService erasure;

  Stack(DataSource ds, ManualClock clock, String instance) {
    this(ds, clock, instance, MASTER);
  }

  Stack(DataSource ds, ManualClock clock, String instance, KeyProvider master) {
    jdbc = JdbcTicketStore.builder().dataSource(ds).build();
    keys = new CustomerKeys(new JdbcCustomerKeyStore(ds), master, clock);
    clear = new EncryptingTicketStore(jdbc, keys);
    index = new JdbcArchiveIndex(ds);
    store = new ArchiveSealingTicketStore(clear, index);
    log = new JdbcErasureLog(ds);
    archiver =
        TicketArchiver.builder(jdbc, index)
            .clock(clock)
            .archiveAfter(Duration.ofDays(30))
            .instance(instance)
            .build();
    erasure =
        ErasureService.builder(clear, keys, log).clock(clock).verifyWith(Histories.CHAIN).build();
  }

  TicketStore desk() {
    return store;
  }
}
