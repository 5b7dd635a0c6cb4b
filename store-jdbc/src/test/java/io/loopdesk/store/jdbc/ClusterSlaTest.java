package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
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
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.FeedSubscription;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.ServiceDeskEscalationHandler;
import io.loopdesk.sla.SlaDelivery;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaListener;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loopdesk on several instances sharing one database: each instance is a fully separate object
 * graph (its own pool, store, desk, SLA tracker, escalation handler and feed subscription) driven
 * by one manual clock. Random commands on thousands of tickets are spread over the live instances;
 * after every clock step every live instance ticks its tracker at the same time, so they race for
 * every checkpoint. One instance is killed (abandoned without any shutdown) and restarted with a
 * new object graph mid-run, and later all instances are down while the clock moves across many
 * deadlines.
 *
 * <p>Checked: every SLA event (warnings, breaches, met clocks) fired exactly once cluster-wide and
 * none was lost: the fired set equals what a single-JVM reference tracker emits over the same
 * events and tick instants; every escalation action ran once; checkpoints due during the outage
 * fired once on restart, marked late with their due instant; every instance's subscription received
 * every event; and every ticket's SLA status on every instance, and on one started after the run,
 * equals the reference's.
 */
class ClusterSlaTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(30);
  private static final Duration LATE_AFTER = Duration.ofMinutes(45);
  private static final Actor AGENT = Actor.of("agent-7", Role.AGENT);

  @TempDir Path dir;

  @Test
  @RequiresPostgres
  void threeInstancesOnPostgresFireEveryCheckpointOnceAcrossAKillAndAnOutage() throws Exception {
    JdbcConnectionPool admin = Databases.postgres().orElseThrow();
    try {
      JdbcSchema.migrate(admin);
      Databases.empty(admin);
    } finally {
      admin.dispose();
    }
    Supplier<JdbcConnectionPool> pools =
        () -> {
          JdbcConnectionPool pool = Databases.postgres().orElseThrow();
          pool.setMaxConnections(6);
          return pool;
        };
    new Run(pools, 3, 2400, 70, 20, 28, 44, 52).execute();
  }

  @Test
  void oneInstanceOnH2FiresEveryCheckpointOnceAcrossARestartAndAnOutage() throws Exception {
    String url = Databases.h2FileUrl(dir.resolve("cluster")) + ";WRITE_DELAY=0";
    JdbcConnectionPool admin = JdbcConnectionPool.create(url, "sa", "");
    JdbcSchema.migrate(admin);
    Supplier<JdbcConnectionPool> pools = () -> JdbcConnectionPool.create(url, "sa", "");
    try {
      new Run(pools, 1, 400, 60, 18, 18, 36, 44).execute();
    } finally {
      admin.dispose();
    }
  }

  /** One fired SLA event as a listener saw it. */
  private record Fired(String instance, SlaEvent event, SlaDelivery delivery) {}

  /** What identifies an SLA event across instances and the reference. */
  private static String identity(SlaEvent e) {
    String kind =
        e instanceof SlaEvent.Warned w
            ? "W" + w.threshold()
            : e instanceof SlaEvent.Breached ? "B" : "M";
    return e.ticketId() + "|" + e.metric() + "|" + kind + "|" + e.at();
  }

  /** The whole scenario on one database. */
  private final class Run {
    private final Supplier<JdbcConnectionPool> pools;
    private final int instanceCount;
    private final int tickets;
    private final int steps;
    private final int killAt;
    private final int restartAt;
    private final int outageFrom;
    private final int outageTo;
    private final ManualClock clock = ManualClock.at(T0);
    private final ConcurrentLinkedQueue<Fired> fired = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> actionsRun = new ConcurrentLinkedQueue<>();
    private final Map<String, Set<UUID>> delivered = new ConcurrentHashMap<>();
    private final List<Instant> ticks = new ArrayList<>();
    private final List<TicketId> ids = new ArrayList<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final Random random = new Random(7);

    /**
     * @param killAt the step at which instance 1 (or the only one) is killed, restarted at {@code
     *     restartAt}
     * @param outageFrom the step from which every instance is down, until {@code outageTo}
     */
    Run(
        Supplier<JdbcConnectionPool> pools,
        int instanceCount,
        int tickets,
        int steps,
        int killAt,
        int restartAt,
        int outageFrom,
        int outageTo) {
      this.pools = pools;
      this.instanceCount = instanceCount;
      this.tickets = tickets;
      this.steps = steps;
      this.killAt = killAt;
      this.restartAt = restartAt;
      this.outageFrom = outageFrom;
      this.outageTo = outageTo;
    }

    void execute() throws Exception {
      long started = System.nanoTime();
      Instance[] live = new Instance[instanceCount];
      for (int i = 0; i < instanceCount; i++) {
        live[i] = new Instance("instance-" + i);
      }
      int killed = instanceCount == 1 ? 0 : 1;
      ExecutorService workers = Executors.newFixedThreadPool(6);
      try {
        for (int step = 0; step < steps; step++) {
          if (step == outageFrom) {
            for (int i = 0; i < instanceCount; i++) {
              live[i] = live[i] == null ? null : live[i].kill();
            }
          }
          if (step == outageTo) {
            for (int i = 0; i < instanceCount; i++) {
              live[i] = new Instance("instance-" + i);
            }
          }
          if (step == killAt && live[killed] != null) {
            live[killed] = live[killed].kill();
          }
          if (step == restartAt
              && live[killed] == null
              && (step < outageFrom || step >= outageTo)) {
            live[killed] = new Instance("instance-" + killed);
          }
          List<Instance> up = new ArrayList<>();
          for (Instance instance : live) {
            if (instance != null) {
              up.add(instance);
            }
          }
          if (!up.isEmpty()) {
            runCommands(step, up, workers);
            Instant now = clock.instant();
            runTogether(
                workers,
                up.stream()
                    .map(
                        instance ->
                            (java.util.concurrent.Callable<Object>)
                                () -> {
                                  instance.tracker.tick(now);
                                  return instance.subscription.poll();
                                })
                    .toList());
            ticks.add(now);
          }
          clock.advance(STEP);
        }
        Instant end = clock.instant();
        List<Instance> up = new ArrayList<>();
        for (Instance instance : live) {
          assertThat(instance).as("every instance is up at the end").isNotNull();
          up.add(instance);
        }
        runTogether(
            workers,
            up.stream()
                .map(
                    instance ->
                        (java.util.concurrent.Callable<Object>) () -> instance.tracker.tick(end))
                .toList());
        ticks.add(end);
        verify(up, end);
      } finally {
        workers.shutdownNow();
        for (Instance instance : live) {
          if (instance != null) {
            instance.kill();
          }
        }
      }
      System.out.printf(
          "cluster run: %d instances, %d tickets, %d commands, %d SLA events, %d escalation actions, %.1f s%n",
          instanceCount,
          tickets,
          commands.get(),
          fired.size(),
          actionsRun.size(),
          (System.nanoTime() - started) / 1e9);
    }

    /** Opens this step's share of new tickets and moves random open tickets one command on. */
    private void runCommands(int step, List<Instance> up, ExecutorService workers)
        throws Exception {
      int opening = Math.min(tickets - ids.size(), tickets / Math.max(1, outageFrom - 2) + 1);
      List<java.util.concurrent.Callable<Object>> tasks = new ArrayList<>();
      List<List<Runnable>> perWorker = new ArrayList<>();
      for (int w = 0; w < 6; w++) {
        perWorker.add(new ArrayList<>());
      }
      int n = 0;
      for (int i = 0; i < opening; i++) {
        Instance at = up.get(random.nextInt(up.size()));
        String id = "C-" + ids.size();
        ids.add(TicketId.of(id));
        long seed = random.nextLong();
        perWorker.get(n++ % 6).add(() -> open(at, id, seed));
      }
      for (TicketId id : ids) {
        if (random.nextInt(4) != 0) {
          continue;
        }
        Instance at = up.get(random.nextInt(up.size()));
        long seed = random.nextLong();
        perWorker.get(n++ % 6).add(() -> advance(at, id, new Random(seed)));
      }
      for (List<Runnable> work : perWorker) {
        tasks.add(
            () -> {
              work.forEach(Runnable::run);
              return null;
            });
      }
      runTogether(workers, tasks);
    }

    private void open(Instance at, String id, long seed) {
      Random r = new Random(seed);
      at.desk.open(
          NewTicket.builder()
              .id(TicketId.of(id))
              .channel(Channel.PHONE)
              .customer(Customer.of("c-" + r.nextInt(50), "Li Lei", "13900000000", null))
              .product("router X1")
              .problem("no connection")
              .build(),
          AGENT);
      commands.incrementAndGet();
    }

    /** One plausible next command for the ticket's status. */
    private void advance(Instance at, TicketId id, Random r) {
      Ticket t = at.desk.find(id).orElse(null);
      if (t == null) {
        return;
      }
      try {
        TicketStatus s = t.status();
        if (s.equals(TicketStatus.RECEIVED)) {
          Level[] levels = Level.values();
          at.desk.classify(
              id,
              t.version(),
              Classification.of(
                  r.nextBoolean() ? Category.PRODUCT_FAULT : Category.COMPLAINT,
                  levels[r.nextInt(3)],
                  levels[r.nextInt(3)],
                  levels[r.nextInt(3)]),
              AGENT);
        } else if (s.equals(TicketStatus.CLASSIFIED)) {
          at.desk.assign(
              id, t.version(), Assignment.of("agent-" + r.nextInt(9), "after-sales"), AGENT);
        } else if (s.equals(TicketStatus.ASSIGNED)) {
          at.desk.start(id, t.version(), AGENT);
        } else if (s.equals(TicketStatus.IN_PROGRESS)) {
          switch (r.nextInt(4)) {
            case 0 -> at.desk.waitOnCustomer(id, t.version(), "needs the serial number", AGENT);
            case 1 -> {}
            default -> at.desk.resolve(id, t.version(), "replaced", AGENT);
          }
        } else if (s.equals(TicketStatus.WAITING_ON_CUSTOMER)) {
          at.desk.resume(id, t.version(), AGENT);
        } else if (s.equals(TicketStatus.RESOLVED)
            || (s.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
          CallbackResult result =
              switch (r.nextInt(4)) {
                case 0 -> CallbackResult.notReached(CallbackOutcome.NO_ANSWER, "");
                case 1 -> CallbackResult.reached(false, 2, "still broken");
                default -> CallbackResult.reached(true, 5, "fine");
              };
          at.desk.recordCallback(id, t.version(), result, AGENT);
        } else if (s.equals(TicketStatus.CALLBACK)) {
          at.desk.close(id, t.version(), AGENT);
        } else {
          return;
        }
        commands.incrementAndGet();
      } catch (VersionConflictException raced) {
        // an escalation on another instance changed the ticket first: skip it this step
      }
    }

    private void verify(List<Instance> up, Instant end) {
      List<FeedEvent> feed = new ArrayList<>();
      for (List<FeedEvent> batch = up.get(0).store.readAfter(FeedPosition.START, 5000);
          !batch.isEmpty();
          batch = up.get(0).store.readAfter(feed.get(feed.size() - 1).position(), 5000)) {
        feed.addAll(batch);
      }
      assertThat(feed.size()).as("events in the feed").isGreaterThan(tickets * 3);

      // the single-JVM reference over the same events and tick instants
      List<SlaEvent> expected = new ArrayList<>();
      SlaTracker reference =
          SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
              .listener(expected::add)
              .build();
      int next = 0;
      for (Instant tick : ticks) {
        while (next < feed.size() && !feed.get(next).event().at().isAfter(tick)) {
          reference.onEvent(feed.get(next).event(), null);
          next++;
        }
        reference.tick(tick);
      }
      assertThat(next).as("every event was applied to the reference").isEqualTo(feed.size());

      Map<String, Integer> firings = new HashMap<>();
      for (Fired f : fired) {
        firings.merge(identity(f.event()), 1, Integer::sum);
      }
      Map<String, Integer> repeated = new HashMap<>();
      firings.forEach(
          (k, v) -> {
            if (v > 1) {
              repeated.put(k, v);
            }
          });
      assertThat(repeated).as("SLA events fired more than once cluster-wide").isEmpty();
      assertThat(firings.keySet())
          .as("the fired SLA events are exactly the reference's")
          .containsExactlyInAnyOrderElementsOf(
              expected.stream().map(ClusterSlaTest::identity).toList());
      assertThat(expected.stream().filter(e -> !(e instanceof SlaEvent.Met)).count())
          .as("warnings and breaches in the run")
          .isGreaterThan(tickets / 2);

      Instant outageStart = T0.plus(STEP.multipliedBy(outageFrom - 1));
      Instant restart = T0.plus(STEP.multipliedBy(outageTo));
      List<Fired> late = fired.stream().filter(f -> f.delivery().late()).toList();
      assertThat(late).as("checkpoints that fell due during the outage, fired late").isNotEmpty();
      int dueDuringOutage = 0;
      for (Fired f : fired) {
        assertThat(f.delivery().dueAt()).isEqualTo(f.event().at());
        assertThat(f.delivery().late())
            .as("late flag of %s", identity(f.event()))
            .isEqualTo(
                Duration.between(f.delivery().dueAt(), f.delivery().firedAt()).compareTo(LATE_AFTER)
                    > 0);
        if (f.event().at().isAfter(outageStart)
            && f.event().at().isBefore(restart.minus(LATE_AFTER))) {
          // due while every instance was down: fired by the first tick after the restart or, when a
          // change made
          // at the restart (an escalation raising the priority) created it, by a later one
          assertThat(f.delivery().firedAt()).isAfterOrEqualTo(restart);
          assertThat(f.delivery().late()).isTrue();
          dueDuringOutage++;
        }
      }
      assertThat(dueDuringOutage).as("checkpoints due during the outage").isPositive();
      assertThat(
              fired.stream()
                  .filter(f -> f.delivery().firedAt().equals(restart) && f.delivery().late()))
          .as("late checkpoints fired by the first tick after the outage")
          .isNotEmpty();

      Map<String, Integer> actionCounts = new HashMap<>();
      actionsRun.forEach(a -> actionCounts.merge(a, 1, Integer::sum));
      assertThat(actionCounts.values())
          .as("escalation actions run more than once")
          .allMatch(n -> n == 1);
      List<String> expectedActions = new ArrayList<>();
      for (SlaEvent e : expected) {
        for (EscalationAction a : EscalationPolicy.standard().actionsFor(e)) {
          expectedActions.add(a.kind() + "@" + identity(e));
        }
      }
      assertThat(actionCounts.keySet()).containsExactlyInAnyOrderElementsOf(expectedActions);

      List<UUID> allIds = feed.stream().map(FeedEvent::eventId).toList();
      for (Instance instance : up) {
        instance.subscription.catchUp();
      }
      for (int i = 0; i < instanceCount; i++) {
        assertThat(delivered.get("instance-" + i))
            .as("events delivered to subscription of instance-%d", i)
            .containsAll(allIds);
      }

      Instance fresh = new Instance("fresh-after-the-run");
      try {
        assertThat(fresh.tracker.tick(end))
            .as("what an instance started after the run fires")
            .isEmpty();
        for (TicketId id : ids) {
          var wanted = reference.status(id, end);
          for (Instance instance : up) {
            assertThat(instance.tracker.status(id, end))
                .as("SLA status of %s on %s", id, instance.name)
                .isEqualTo(wanted);
          }
          assertThat(fresh.tracker.status(id, end))
              .as("SLA status of %s after a restart", id)
              .isEqualTo(wanted);
        }
      } finally {
        fresh.kill();
      }
    }

    /** One instance: its own pool, store, desk, tracker, escalation handler and subscription. */
    private final class Instance {
      final String name;
      final JdbcConnectionPool pool;
      final JdbcTicketStore store;
      final ServiceDesk desk;
      final SlaTracker tracker;
      final FeedSubscription subscription;

      Instance(String name) {
        this.name = name;
        this.pool = pools.get();
        this.store = JdbcTicketStore.builder().dataSource(pool).build();
        SlaListener recorder =
            new SlaListener() {
              @Override
              public void onSlaEvent(SlaEvent event) {
                throw new IllegalStateException("the tracker passes the delivery");
              }

              @Override
              public void onSlaEvent(SlaEvent event, SlaDelivery delivery) {
                fired.add(new Fired(name, event, delivery));
              }
            };
        this.tracker =
            SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
                .cluster(store, name)
                .lateAfter(LATE_AFTER)
                .listener(recorder)
                .build();
        this.desk =
            ServiceDesks.builder()
                .clock(clock)
                .store(store)
                .deadlinePolicy(tracker.deadlinePolicy())
                .build();
        ServiceDeskEscalationHandler handler =
            ServiceDeskEscalationHandler.builder(desk)
                .teamLead("lead-3")
                .supervisor("sup-1", "after-sales")
                .build();
        tracker.setEscalationHandler(
            action -> {
              actionsRun.add(action.kind() + "@" + identity(action.cause()));
              handler.execute(action);
            });
        Set<UUID> seen = delivered.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
        this.subscription =
            FeedSubscription.builder(store, "kpi-" + name, e -> seen.add(e.eventId())).build();
      }

      /**
       * Abandons the instance the way a killed process would: no tick, no shutdown, connections
       * dropped.
       */
      Instance kill() {
        pool.dispose();
        return null;
      }
    }
  }

  private static void runTogether(
      ExecutorService workers, List<? extends java.util.concurrent.Callable<Object>> tasks)
      throws Exception {
    List<Future<Object>> futures = new ArrayList<>();
    for (java.util.concurrent.Callable<Object> task : tasks) {
      futures.add(workers.submit(task));
    }
    for (Future<Object> future : futures) {
      future.get(120, TimeUnit.SECONDS);
    }
  }
}
