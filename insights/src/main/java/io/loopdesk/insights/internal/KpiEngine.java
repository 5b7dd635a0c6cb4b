package io.loopdesk.insights.internal;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.insights.Backlog;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.insights.RecurringProblem;
import io.loopdesk.insights.SlaOutcome;
import io.loopdesk.insights.SlaResultCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** One pass over the events into per-ticket facts, then one pass over the tickets into slices. */
public final class KpiEngine {
  private static final Duration ONE_DAY = Duration.ofDays(1);
  private static final Duration THREE_DAYS = Duration.ofDays(3);
  private static final Duration SEVEN_DAYS = Duration.ofDays(7);

  private final ZoneId zone;
  private final int topProblems;

  /**
   * Creates the engine.
   *
   * @param zone the zone in which months are counted
   * @param topProblems how many recurring problems to report
   */
  public KpiEngine(ZoneId zone, int topProblems) {
    this.zone = zone;
    this.topProblems = topProblems;
  }

  /**
   * Computes the report.
   *
   * @param events events of any tickets, each ticket's in version order
   * @param slaOutcomes SLA outcomes of any tickets, in time order per ticket and target
   * @param asOf events and outcomes after this instant are ignored
   * @return the report
   */
  public KpiReport compute(
      Iterable<TicketEvent> events, Iterable<SlaOutcome> slaOutcomes, Instant asOf) {
    Map<TicketId, TicketFacts> facts = new HashMap<>();
    for (TicketEvent e : events) {
      if (e.at().isAfter(asOf)) {
        continue;
      }
      TicketFacts f = facts.get(e.ticketId());
      if (f == null) {
        if (e.version() != 1) {
          continue;
        }
        f = new TicketFacts();
        facts.put(e.ticketId(), f);
      }
      f.apply(e);
    }
    Accumulator overall = new Accumulator();
    Map<Dimension, Map<String, Accumulator>> slices = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      slices.put(d, new HashMap<>());
    }
    Map<YearMonth, Accumulator> months = new HashMap<>();
    Map<String, Long> types = new HashMap<>();
    Map<List<String>, Long> problems = new HashMap<>();
    long[] ages = new long[4];
    for (TicketFacts f : facts.values()) {
      f.endAt(asOf);
      overall.add(f);
      for (Dimension d : Dimension.values()) {
        slices.get(d).computeIfAbsent(f.key(d), k -> new Accumulator()).add(f);
      }
      months
          .computeIfAbsent(YearMonth.from(f.createdAt.atZone(zone)), k -> new Accumulator())
          .add(f);
      types.merge(f.category, 1L, Long::sum);
      problems.merge(List.of(f.product, f.category), 1L, Long::sum);
      if (!TicketStatus.CLOSED.equals(f.status)) {
        Duration age = Duration.between(f.createdAt, asOf);
        ages[
            age.compareTo(ONE_DAY) < 0
                ? 0
                : age.compareTo(THREE_DAYS) < 0 ? 1 : age.compareTo(SEVEN_DAYS) < 0 ? 2 : 3]++;
      }
    }
    Map<String, Map<TicketId, SlaOutcome.Result>> latest =
        latestOutcomes(slaOutcomes, facts.keySet(), asOf);
    Map<Dimension, SortedMap<String, KpiValues>> byDimension = new EnumMap<>(Dimension.class);
    slices.forEach((d, m) -> byDimension.put(d, Collections.unmodifiableSortedMap(values(m))));
    List<RecurringProblem> top =
        problems.entrySet().stream()
            .sorted(
                Map.Entry.<List<String>, Long>comparingByValue()
                    .reversed()
                    .thenComparing(e -> e.getKey().get(0))
                    .thenComparing(e -> e.getKey().get(1)))
            .limit(topProblems)
            .map(e -> new RecurringProblem(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .toList();
    return new KpiReport(
        asOf,
        overall.values(),
        Collections.unmodifiableMap(byDimension),
        Collections.unmodifiableSortedMap(values(months)),
        Collections.unmodifiableSortedMap(new TreeMap<>(types)),
        top,
        new Backlog(ages[0] + ages[1] + ages[2] + ages[3], ages[0], ages[1], ages[2], ages[3]),
        Collections.unmodifiableSortedMap(attainment(latest)),
        Collections.unmodifiableSortedMap(results(latest)));
  }

  /**
   * Latest outcome per target of each counted ticket; outcomes of tickets the report skips are
   * ignored.
   */
  private static Map<String, Map<TicketId, SlaOutcome.Result>> latestOutcomes(
      Iterable<SlaOutcome> outcomes, Set<TicketId> counted, Instant asOf) {
    Map<String, Map<TicketId, SlaOutcome.Result>> latest = new HashMap<>();
    for (SlaOutcome o : outcomes) {
      if (!o.at().isAfter(asOf) && counted.contains(o.ticketId())) {
        latest.computeIfAbsent(o.target(), k -> new HashMap<>()).put(o.ticketId(), o.result());
      }
    }
    return latest;
  }

  private static SortedMap<String, Double> attainment(
      Map<String, Map<TicketId, SlaOutcome.Result>> latest) {
    SortedMap<String, Double> shares = new TreeMap<>();
    latest.forEach(
        (target, byTicket) ->
            shares.put(
                target,
                byTicket.values().stream().filter(r -> r == SlaOutcome.Result.MET).count()
                    / (double) byTicket.size()));
    return shares;
  }

  private static SortedMap<String, SlaResultCounts> results(
      Map<String, Map<TicketId, SlaOutcome.Result>> latest) {
    SortedMap<String, SlaResultCounts> counts = new TreeMap<>();
    latest.forEach(
        (target, byTicket) ->
            counts.put(
                target,
                new SlaResultCounts(
                    byTicket.values().stream().filter(r -> r == SlaOutcome.Result.MET).count(),
                    byTicket.values().stream().filter(r -> r == SlaOutcome.Result.MET_LATE).count(),
                    byTicket.values().stream()
                        .filter(r -> r == SlaOutcome.Result.BREACHED)
                        .count())));
    return counts;
  }

  private static <K extends Comparable<K>> SortedMap<K, KpiValues> values(Map<K, Accumulator> m) {
    SortedMap<K, KpiValues> out = new TreeMap<>(Comparator.naturalOrder());
    m.forEach((k, a) -> out.put(k, a.values()));
    return out;
  }
}
