package io.loopdesk.store.jdbc;

import io.loopdesk.api.TicketId;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The child process of {@link CrashRecoveryTest}: writes tickets and events with several threads
 * until it is killed. After each committed save it may report {@code <id> <version>} on standard
 * output (reports are flushed in batches, so every reported save was committed, not every committed
 * save is reported). Arguments: JDBC URL, user, password, run prefix.
 */
public final class CrashWriter {
  private static final int THREADS = 3;
  private static final int IN_FLIGHT = 6;

  private CrashWriter() {}

  /**
   * Prefix of the first argument that opens the embedded H2 file as {@link
   * JdbcTicketStore#embeddedH2} does.
   */
  static final String EMBEDDED = "embedded-h2:";

  /**
   * Runs until killed.
   *
   * @param args URL (or {@link #EMBEDDED} and a file), user, password, run prefix
   * @throws Exception if writing fails
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    DataSource dataSource;
    if (url.startsWith(EMBEDDED)) {
      dataSource = EmbeddedH2.pool(java.nio.file.Path.of(url.substring(EMBEDDED.length())));
    } else if (url.startsWith("jdbc:postgresql:")) {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(url);
      pg.setUser(args[1]);
      pg.setPassword(args[2]);
      dataSource = JdbcConnectionPool.create(pg);
    } else {
      dataSource = JdbcConnectionPool.create(url, args[1], args[2]);
    }
    JdbcTicketStore store =
        JdbcTicketStore.builder().dataSource(dataSource).migrateSchema(true).build();
    Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String prefix = args[3] + "-t" + t;
      Thread thread =
          new Thread(() -> write(store, prefix, new Random(prefix.hashCode()), out), prefix);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void write(JdbcTicketStore store, String prefix, Random random, Writer out) {
    List<TicketHistory> histories = new ArrayList<>();
    List<Integer> saved = new ArrayList<>();
    int opened = 0;
    long reports = 0;
    while (true) {
      if (histories.size() < IN_FLIGHT) {
        TicketId id = TicketId.of(prefix + "-" + opened++);
        histories.add(
            Samples.randomHistory(
                random, id, Instant.parse("2026-06-01T00:00:00Z").plusMillis(opened), 30, 4));
        saved.add(0);
      }
      int i = random.nextInt(histories.size());
      TicketHistory h = histories.get(i);
      int done = saved.get(i);
      store.save(h.events().get(done), h.snapshots().get(done));
      done++;
      String report = h.id() + " " + done + "\n";
      synchronized (out) {
        try {
          out.write(report);
          if (++reports % 64 == 0) {
            out.flush();
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      if (done == h.events().size()) {
        histories.remove(i);
        saved.remove(i);
      } else {
        saved.set(i, done);
      }
    }
  }
}
