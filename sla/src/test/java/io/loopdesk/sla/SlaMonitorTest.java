package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scheduled runner ticks with the injected clock's time, never the wall clock's. */
class SlaMonitorTest {

  @Test
  void runnerTicksWithTheInjectedClock() throws Exception {
    Instant created = Instant.parse("2026-01-05T08:00:00Z");
    BlockingQueue<SlaEvent> events = new LinkedBlockingQueue<>();
    SlaTracker tracker =
        SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of())
            .listener(events::add)
            .build();
    TicketScript ticket =
        TicketScript.open(tracker, "M-1", created)
            .classify(created, Priority.P0, Category.PRODUCT_FAULT);
    Clock dayLater = Clock.fixed(created.plus(Duration.ofHours(30)), ZoneOffset.UTC);
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try (SlaMonitor monitor =
        SlaMonitor.start(tracker, dayLater, executor, Duration.ofMillis(10))) {
      SlaEvent first = events.poll(10, TimeUnit.SECONDS);
      assertNotNull(first);
      assertEquals(
          new SlaEvent.Warned(
              ticket.id(),
              SlaMetric.RESOLUTION,
              0.75,
              created.plus(Duration.ofHours(18)),
              SlaTarget.roundTheClock(Duration.ofHours(24))),
          first);
      SlaEvent second = events.poll(10, TimeUnit.SECONDS);
      SlaEvent third = events.poll(10, TimeUnit.SECONDS);
      assertTrue(third instanceof SlaEvent.Breached, String.valueOf(third));
      assertTrue(second instanceof SlaEvent.Warned);
      monitor.close();
      assertTrue(monitor.isClosed());
    } finally {
      executor.shutdownNow();
    }
    assertTrue(events.isEmpty(), "each event once, however often the runner ticks");
  }

  @Test
  void runnerRejectsBadArguments() {
    SlaTracker tracker = SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).build();
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThrows(
          SlaPolicyException.class,
          () -> SlaMonitor.start(tracker, Clock.systemUTC(), executor, Duration.ZERO));
      assertThrows(
          SlaPolicyException.class,
          () -> SlaMonitor.start(null, Clock.systemUTC(), executor, Duration.ofSeconds(1)));
    } finally {
      executor.shutdownNow();
    }
  }
}
