package io.loopdesk.insights.bench;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * KPIs over one million events (100,000 tickets of 10 events each, over three months). Baseline:
 * the least any per-ticket computation must do, one pass grouping events by ticket id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class KpiBenchmark {
  private static final int TICKETS = 100_000;

  private final List<TicketEvent> events = new ArrayList<>();
  private final KpiCalculator calculator = KpiCalculator.of(ZoneId.of("Asia/Shanghai"), 10);
  private Instant end;

  /** Generates the events directly (no desk), ten per ticket, in time order. */
  @Setup(Level.Trial)
  public void generate() {
    Random random = new Random(42);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Channel[] channels = {Channel.PHONE, Channel.EMAIL, Channel.APP, Channel.ONLINE_CHAT};
    Category[] categories = {
      Category.PRODUCT_FAULT, Category.COMPLAINT, Category.CONSULTATION, Category.SERVICE_EXPERIENCE
    };
    Actor agent = Actor.of("agent", Role.AGENT);
    for (int i = 0; i < TICKETS; i++) {
      TicketId id = TicketId.of("T-" + i);
      Instant t = start.plus(Duration.ofSeconds(random.nextInt(90 * 86_400)));
      Category category = categories[random.nextInt(categories.length)];
      PriorityDecision priority =
          new PriorityDecision(
              Priority.values()[random.nextInt(4)],
              PriorityFactors.of(
                  io.loopdesk.api.Level.LOW, io.loopdesk.api.Level.HIGH, io.loopdesk.api.Level.LOW),
              List.of("matrix"));
      TicketChange[] changes = {
        new TicketChange.Opened(
            channels[random.nextInt(4)],
            Customer.of("C-" + random.nextInt(20_000), "客户", "13800001111", null),
            "product-" + random.nextInt(50),
            "problem",
            "",
            ""),
        new TicketChange.Classified(category, priority, t.plus(Duration.ofHours(48))),
        new TicketChange.Assigned("agent-" + random.nextInt(500), "dept-" + random.nextInt(10), ""),
        new TicketChange.Started(),
        new TicketChange.WaitStarted("photo"),
        new TicketChange.Resumed(),
        new TicketChange.Resolved("fixed"),
        new TicketChange.CallbackRecorded(
            new CallbackRecord(t, "cb", CallbackResult.reached(true, 1 + random.nextInt(5), "")),
            TicketChange.CallbackEffect.CONFIRMED),
        new TicketChange.Escalated(Escalation.of(1, "lead", "sample")),
        new TicketChange.Closed()
      };
      TicketStatus[] to = {
        TicketStatus.RECEIVED,
        TicketStatus.CLASSIFIED,
        TicketStatus.ASSIGNED,
        TicketStatus.IN_PROGRESS,
        TicketStatus.WAITING_ON_CUSTOMER,
        TicketStatus.IN_PROGRESS,
        TicketStatus.RESOLVED,
        TicketStatus.CALLBACK,
        TicketStatus.CALLBACK,
        TicketStatus.CLOSED
      };
      TicketStatus from = null;
      for (int v = 0; v < changes.length; v++) {
        events.add(new TicketEvent(id, v + 1, t, agent, from, to[v], changes[v]));
        from = to[v];
        t = t.plus(Duration.ofMinutes(1 + random.nextInt(600)));
      }
      if (end == null || t.isAfter(end)) {
        end = t;
      }
    }
    events.sort(Comparator.comparing(TicketEvent::at));
  }

  /** The full KPI report over one million events. */
  @Benchmark
  public KpiReport kpisOverOneMillionEvents() {
    return calculator.compute(events, end);
  }

  /** Baseline: group the same events by ticket id and count them. */
  @Benchmark
  public Map<TicketId, int[]> baselineGroupByTicket() {
    Map<TicketId, int[]> counts = new HashMap<>();
    for (TicketEvent e : events) {
      counts.computeIfAbsent(e.ticketId(), k -> new int[1])[0]++;
    }
    return counts;
  }
}
