package io.loopdesk.store.jdbc.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.SlaDelivery;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaListener;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaMonitor;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.store.jdbc.JdbcSchema;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Latency from a checkpoint falling due to it firing, with three clustered SLA trackers, each run
 * by its own {@link SlaMonitor} and connection pool, on the PostgreSQL database named by {@code
 * LOOPDESK_PG_URL}, on the real clock. Tickets are written first so that their first-response
 * breaches (the policy has no warnings, so one checkpoint per ticket) fall due evenly at {@code
 * rate} per second for {@code seconds} seconds; every fired checkpoint's latency is its fire
 * instant minus its due instant. Prints p50, p99, the maximum, the due rate reached and whether
 * every checkpoint fired exactly once.
 *
 * <p>Arguments: {@code [rate] [seconds] [periodMillis]}, default {@code 1000 10 250}.
 */
public final class CheckpointLatency {
  private static final Actor AGENT = Actor.of("agent-007", Role.AGENT);
  private static final Duration TARGET = Duration.ofSeconds(80);

  private CheckpointLatency() {}

  /** Runs the measurement. */
  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Duration period = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 250);
    Clock clock = Clock.systemUTC();
    List<HikariDataSource> pools = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pools.add(pool());
    }
    JdbcSchema.migrate(pools.get(0));
    try (Connection c = pools.get(0).getConnection();
        Statement st = c.createStatement()) {
      for (String table :
          List.of(
              "loopdesk_ticket_event",
              "loopdesk_ticket",
              "loopdesk_checkpoint_claim",
              "loopdesk_feed_subscription")) {
        st.execute("DELETE FROM " + table);
      }
    }
    SlaPolicy policy =
        SlaPolicy.builder()
            .target(SlaMetric.FIRST_RESPONSE, Priority.P2, SlaTarget.roundTheClock(TARGET))
            .warningThresholds()
            .build();

    // tickets whose breaches fall due at `rate` per second
    int tickets = rate * seconds;
    Instant windowStart = clock.instant().plusSeconds(60);
    Duration spacing = Duration.ofNanos(1_000_000_000L / rate);
    JdbcTicketStore writer = JdbcTicketStore.builder().dataSource(pools.get(3)).build();
    Instant firstCreated = windowStart.minus(TARGET);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int from = w;
      Thread t =
          new Thread(
              () -> {
                for (int i = from; i < tickets; i += 8) {
                  Instant created = firstCreated.plus(spacing.multipliedBy(i));
                  write(writer, TicketId.of("LAT-" + i), created);
                }
              });
      t.start();
      writers.add(t);
    }
    for (Thread t : writers) {
      t.join();
    }
    if (clock.instant().isAfter(windowStart.minusSeconds(5))) {
      throw new IllegalStateException("writing the tickets took too long for the window");
    }

    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> firedKeys = new ConcurrentLinkedQueue<>();
    List<SlaMonitor> monitors = new ArrayList<>();
    List<ScheduledExecutorService> executors = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JdbcTicketStore store = JdbcTicketStore.builder().dataSource(pools.get(i)).build();
      SlaListener listener =
          new SlaListener() {
            @Override
            public void onSlaEvent(SlaEvent event) {}

            @Override
            public void onSlaEvent(SlaEvent event, SlaDelivery delivery) {
              if (event instanceof SlaEvent.Met) {
                return;
              }
              Instant now = clock.instant();
              latencies.add(
                  new long[] {
                    Duration.between(delivery.dueAt(), now).toNanos(),
                    delivery.dueAt().toEpochMilli()
                  });
              firedKeys.add(
                  event.ticketId() + "|" + event.getClass().getSimpleName() + "|" + event.at());
            }
          };
      SlaTracker tracker =
          SlaTracker.builder(policy, CalendarRegistry.of())
              .escalationPolicy(EscalationPolicy.none())
              .cluster(store, "instance-" + i)
              .listener(listener)
              .build();
      tracker.tick(clock.instant()); // the replay on start, before the measured window
      ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
      executors.add(executor);
      monitors.add(SlaMonitor.start(tracker, clock, executor, period));
    }
    Instant windowEnd = windowStart.plusSeconds(seconds);
    while (clock.instant().isBefore(windowEnd.plus(period.multipliedBy(4)))) {
      Thread.sleep(200);
    }
    monitors.forEach(SlaMonitor::close);
    executors.forEach(ScheduledExecutorService::shutdown);
    pools.forEach(HikariDataSource::close);

    List<Long> sorted =
        latencies.stream()
            .filter(l -> !Instant.ofEpochMilli(l[1]).isBefore(windowStart))
            .map(l -> l[0])
            .sorted()
            .toList();
    Map<String, Integer> counts = new HashMap<>();
    firedKeys.forEach(k -> counts.merge(k, 1, Integer::sum));
    long repeated = counts.values().stream().filter(n -> n > 1).count();
    long dueInWindow = sorted.size();
    System.out.printf(
        "checkpoints fired: %d (expected %d), fired more than once: %d%n",
        counts.size(), tickets, repeated);
    System.out.printf(
        "measured: %d checkpoints due from the window start, over %.1f s: %.0f due per second%n",
        dueInWindow,
        Duration.between(windowStart, windowEnd).toMillis() / 1000.0,
        dueInWindow * 1000.0 / Duration.between(windowStart, windowEnd).toMillis());
    System.out.printf(
        "latency due -> fired: p50 %.1f ms, p99 %.1f ms, max %.1f ms (polling period %d ms)%n",
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        period.toMillis());
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static void write(JdbcTicketStore store, TicketId id, Instant created) {
    TicketEvent opened =
        new TicketEvent(
            id,
            1,
            created,
            AGENT,
            null,
            TicketStatus.RECEIVED,
            new TicketChange.Opened(
                Channel.PHONE,
                Customer.of("c-1", "Li Lei", "13900000000", null),
                "router",
                "no connection",
                "",
                ""));
    Ticket t1 = opened.applyTo(null);
    store.save(opened, t1);
    PriorityDecision p2 =
        new PriorityDecision(
            Priority.P2,
            PriorityFactors.of(
                io.loopdesk.api.Level.LOW, io.loopdesk.api.Level.LOW, io.loopdesk.api.Level.LOW),
            List.of("benchmark: fixed P2"));
    TicketEvent classified =
        new TicketEvent(
            id,
            2,
            created,
            AGENT,
            TicketStatus.RECEIVED,
            TicketStatus.CLASSIFIED,
            new TicketChange.Classified(Category.PRODUCT_FAULT, p2, null));
    store.save(classified, classified.applyTo(t1));
  }

  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(System.getenv("LOOPDESK_PG_URL"));
    config.setUsername(System.getenv().getOrDefault("LOOPDESK_PG_USER", "postgres"));
    config.setPassword(System.getenv().getOrDefault("LOOPDESK_PG_PASSWORD", ""));
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }
}
