package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Many threads on the same tickets: no lost update, conflicts are typed, invariants hold. */
class ConcurrencyTest {
  private static final int THREADS = 8;

  @Test
  void racingCommandsOnOneVersionLetExactlyOneWin() throws Exception {
    ServiceDesk desk =
        ServiceDesks.builder().clock(ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"))).build();
    Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW),
            Fixtures.AGENT);
    Ticket base = t;
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String agent = "agent-" + i;
      results.add(
          pool.submit(
              () -> {
                go.await();
                try {
                  desk.assign(
                      base.id(), base.version(), Assignment.of(agent, "support"), Fixtures.LEAD);
                  return true;
                } catch (VersionConflictException conflict) {
                  assertThat(conflict.expectedVersion()).isEqualTo(base.version());
                  assertThat(conflict.actualVersion()).isEqualTo(base.version() + 1);
                  return false;
                }
              }));
    }
    go.countDown();
    int winners = 0;
    for (Future<Boolean> f : results) {
      winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(winners).isEqualTo(1);
    Ticket stored = desk.get(base.id());
    assertThat(stored.version()).isEqualTo(base.version() + 1);
    assertThat(desk.history(base.id())).hasSize((int) stored.version());
  }

  @RepeatedTest(3)
  void retryingWritersNeverLoseAnUpdate() throws Exception {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ServiceDesk desk =
        ServiceDesks.builder()
            .clock(ManualClock.at(Instant.parse("2026-01-05T00:00:00Z")))
            .store(store)
            .build();
    List<TicketId> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
      t =
          desk.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW),
              Fixtures.AGENT);
      ids.add(t.id());
    }
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < THREADS; w++) {
      int worker = w;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(worker);
                go.await();
                for (int n = 0; n < 300; n++) {
                  TicketId id = ids.get(random.nextInt(ids.size()));
                  Ticket current = desk.get(id);
                  try {
                    step(desk, current, worker, random);
                    accepted.incrementAndGet();
                  } catch (VersionConflictException e) {
                    conflicts.incrementAndGet();
                  } catch (LoopdeskException e) {
                    // a command the lifecycle rejects in the current status; it must change
                    // nothing,
                    // which the version count below verifies
                  }
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    long versionsAdded = 0;
    for (TicketId id : ids) {
      Ticket stored = store.find(id).orElseThrow();
      List<TicketEvent> events = store.events(id);
      assertThat(TicketEvent.replay(events)).isEqualTo(stored);
      assertThat(events).hasSize((int) stored.version());
      versionsAdded += stored.version() - 2;
    }
    assertThat(versionsAdded)
        .as("every accepted command is in the store")
        .isEqualTo(accepted.get());
    assertThat(conflicts.get()).as("threads really raced").isPositive();
  }

  private static void step(ServiceDesk desk, Ticket t, int worker, Random random) {
    TicketStatus s = t.status();
    if (s.equals(TicketStatus.CLASSIFIED) || s.equals(TicketStatus.RECEIVED)) {
      if (s.equals(TicketStatus.RECEIVED)) {
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.COMPLAINT, Level.MEDIUM, Level.LOW, Level.LOW),
            Fixtures.AGENT);
      } else {
        desk.assign(
            t.id(), t.version(), Assignment.of("agent-" + worker, "support"), Fixtures.LEAD);
      }
    } else if (s.equals(TicketStatus.ASSIGNED)) {
      desk.start(t.id(), t.version(), Fixtures.AGENT);
    } else if (s.equals(TicketStatus.IN_PROGRESS)) {
      desk.resolve(t.id(), t.version(), "done by " + worker, Fixtures.AGENT);
    } else if (s.equals(TicketStatus.RESOLVED) || s.equals(TicketStatus.CALLBACK)) {
      if (s.equals(TicketStatus.CALLBACK) && t.isCallbackConfirmed() && random.nextBoolean()) {
        desk.reopen(t.id(), t.version(), "again", Fixtures.CUSTOMER_SELF);
      } else {
        desk.recordCallback(
            t.id(),
            t.version(),
            CallbackResult.reached(random.nextBoolean(), 1 + random.nextInt(5), ""),
            Fixtures.AGENT);
      }
    } else {
      desk.close(t.id(), t.version(), Fixtures.AGENT);
    }
  }
}
