package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Ticket events from many threads and concurrent ticks; pause churn does not grow the queue without
 * bound.
 */
class SlaTrackerConcurrencyTest {

  private static final Instant T0 = Instant.parse("2026-05-04T00:00:00Z");

  @Test
  void concurrentWritersAndTickerReportEachBreachExactlyOnce() throws Exception {
    ConcurrentLinkedQueue<SlaEvent> events = new ConcurrentLinkedQueue<>();
    SlaTracker tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .escalationPolicy(EscalationPolicy.none())
            .listener(events::add)
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 300; i++) {
                    TicketScript.open(tracker, "W" + writer + "-" + i, T0)
                        .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
                        .assign(T0)
                        .start(T0)
                        .waitOnCustomer(T0.plusSeconds(3600))
                        .resume(T0.plusSeconds(7200));
                  }
                }));
      }
      Future<?> ticker =
          pool.submit(
              () -> {
                // ticks never run ahead of the writers' event times (see SlaTracker on late events)
                for (int i = 0; i < 2_000; i++) {
                  tracker.tick(T0.plus(Duration.ofSeconds(i)));
                }
              });
      for (Future<?> writer : writers) {
        writer.get();
      }
      ticker.get();
    } finally {
      pool.shutdownNow();
    }
    tracker.tick(T0.plus(Duration.ofDays(10)));
    long breaches = events.stream().filter(e -> e instanceof SlaEvent.Breached).count();
    assertEquals(900, breaches);
    assertTrue(
        events.stream()
            .filter(e -> e instanceof SlaEvent.Breached)
            .allMatch(e -> e.at().equals(T0.plus(Duration.ofHours(25)))),
        "24 h target + 1 h paused");
  }

  @Test
  void pauseChurnKeepsTheQueueBounded() {
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    TicketScript ticket =
        TicketScript.open(tracker, "C-1", T0)
            .classify(T0, Priority.P2, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0);
    for (int i = 1; i <= 20_000; i++) {
      ticket.waitOnCustomer(T0.plusSeconds(2L * i)).resume(T0.plusSeconds(2L * i + 1));
    }
    assertTrue(tracker.queuedCheckpoints() < 3_000, "queue: " + tracker.queuedCheckpoints());
    assertEquals(
        Duration.ofSeconds(20_002),
        tracker
            .status(ticket.id(), T0.plusSeconds(40_002))
            .orElseThrow()
            .clock(SlaMetric.RESOLUTION)
            .orElseThrow()
            .elapsed());
  }
}
