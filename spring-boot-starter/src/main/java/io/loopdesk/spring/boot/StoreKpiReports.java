package io.loopdesk.spring.boot;

import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Computes a {@link KpiReport} from the store on demand: the events of the tickets created within a
 * window before now (at most a given number of tickets, the oldest first). Each call reads the
 * store afresh, so call it on a schedule (the starter refreshes the KPI gauges every {@code
 * loopdesk.metrics.refresh}), not per request. Thread-safe.
 */
public final class StoreKpiReports implements Supplier<KpiReport> {

  private final TicketStore store;
  private final Clock clock;
  private final KpiCalculator calculator;
  private final Duration window;
  private final int maxTickets;

  /**
   * Creates the source.
   *
   * @param store the ticket store
   * @param clock gives the report instant
   * @param calculator computes the KPIs
   * @param window tickets created within this window before now are counted
   * @param maxTickets the most tickets read for one report, at least 1
   */
  public StoreKpiReports(
      TicketStore store, Clock clock, KpiCalculator calculator, Duration window, int maxTickets) {
    if (store == null || clock == null || calculator == null) {
      throw new ValidationException(
          store == null ? "store" : clock == null ? "clock" : "calculator",
          null,
          "must not be null");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new ValidationException("loopdesk.metrics.window", window, "must be positive");
    }
    if (maxTickets < 1) {
      throw new ValidationException(
          "loopdesk.metrics.max-tickets", maxTickets, "must be at least 1");
    }
    this.store = store;
    this.clock = clock;
    this.calculator = calculator;
    this.window = window;
    this.maxTickets = maxTickets;
  }

  /** Reads the window's tickets and their events and computes their KPIs as of now. */
  @Override
  public KpiReport get() {
    Instant now = clock.instant();
    List<TicketEvent> events = new ArrayList<>();
    TicketQuery query =
        TicketQuery.builder()
            .createdFrom(now.minus(window))
            .limit(Math.min(maxTickets, TicketQuery.MAX_LIMIT))
            .build();
    int read = 0;
    while (true) {
      Page<Ticket> page = store.query(query);
      for (Ticket ticket : page.items()) {
        if (read++ >= maxTickets) {
          return calculator.compute(events, now);
        }
        events.addAll(store.events(ticket.id()));
      }
      if (!page.hasMore()) {
        return calculator.compute(events, now);
      }
      query = query.nextPage();
    }
  }
}
