package io.loopdesk.insights;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a KPI computation: immutable and thread-safe.
 *
 * @param asOf the report instant (see <a href="package-summary.html#counted-tickets">counted
 *     tickets</a>); backlog and ageing are measured here
 * @param overall all tickets
 * @param byDimension values per dimension and key, keys sorted
 * @param monthly values per month of opening, in month order
 * @param typeDistribution tickets per category code
 * @param topProblems most frequent product and category pairs, most frequent first
 * @param backlog open tickets by age
 * @param slaAttainmentByTarget <a href="package-summary.html#sla-attainment-by-target">SLA
 *     attainment</a> per target, from the SLA outcomes given to the calculator; empty when none
 *     apply
 * @param slaResultsByTarget <a href="package-summary.html#sla-attainment-by-target">met, met late
 *     and breached</a> counts per target, from the same outcomes
 */
public record KpiReport(
    Instant asOf,
    KpiValues overall,
    Map<Dimension, SortedMap<String, KpiValues>> byDimension,
    SortedMap<YearMonth, KpiValues> monthly,
    SortedMap<String, Long> typeDistribution,
    List<RecurringProblem> topProblems,
    Backlog backlog,
    SortedMap<String, Double> slaAttainmentByTarget,
    SortedMap<String, SlaResultCounts> slaResultsByTarget) {

  /**
   * The prefix of the SLA outcome target names that are a team's OLA, e.g. {@code OLA:second-line}.
   */
  public static final String OLA_PREFIX = "OLA:";

  /**
   * Returns the <a href="package-summary.html#ola-attainment">OLA</a> met, met late and breached
   * counts per team: the entries of {@link #slaResultsByTarget()} whose target is named {@code
   * OLA:<team>}, keyed by the team.
   *
   * @return the counts per team, teams sorted; empty when no OLA outcome was given
   */
  public SortedMap<String, SlaResultCounts> olaResultsByTeam() {
    return byTeam(slaResultsByTarget);
  }

  /**
   * Returns the <a href="package-summary.html#ola-attainment">OLA attainment</a> per team: the
   * share of tickets whose latest outcome of the team's OLA was met in time.
   *
   * @return the attainment per team, teams sorted; empty when no OLA outcome was given
   */
  public SortedMap<String, Double> olaAttainmentByTeam() {
    return byTeam(slaAttainmentByTarget);
  }

  private static <V> SortedMap<String, V> byTeam(SortedMap<String, V> byTarget) {
    SortedMap<String, V> teams = new TreeMap<>();
    byTarget.forEach(
        (target, value) -> {
          if (target.startsWith(OLA_PREFIX) && target.length() > OLA_PREFIX.length()) {
            teams.put(target.substring(OLA_PREFIX.length()), value);
          }
        });
    return Collections.unmodifiableSortedMap(teams);
  }

  /**
   * Returns the values per key of one dimension.
   *
   * @param dimension the dimension
   * @return the values, keys sorted; empty if no ticket
   */
  public SortedMap<String, KpiValues> by(Dimension dimension) {
    return byDimension.get(dimension);
  }

  /**
   * Returns a KPI month by month with the change against the previous month.
   *
   * @param kpi the KPI
   * @return one entry per month with tickets, oldest first
   */
  public List<MonthlyTrend> trend(Kpi kpi) {
    List<MonthlyTrend> trend = new ArrayList<>();
    OptionalDouble previous = OptionalDouble.empty();
    for (Map.Entry<YearMonth, KpiValues> e : monthly.entrySet()) {
      OptionalDouble value = kpi.of(e.getValue());
      OptionalDouble change =
          value.isPresent() && previous.isPresent() && previous.getAsDouble() != 0
              ? OptionalDouble.of(value.getAsDouble() / previous.getAsDouble() - 1)
              : OptionalDouble.empty();
      trend.add(new MonthlyTrend(e.getKey(), value, change));
      if (value.isPresent()) {
        previous = value;
      }
    }
    return trend;
  }
}
