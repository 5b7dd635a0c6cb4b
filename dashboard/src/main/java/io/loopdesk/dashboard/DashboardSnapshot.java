package io.loopdesk.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Everything one dashboard shows at one instant, for one viewer and filter: what the page draws,
 * what the exports write and what the server-sent events carry (as JSON). Every KPI figure comes
 * from {@code loopdesk-insights}' {@link io.loopdesk.insights.KpiCalculator}. Immutable and
 * thread-safe.
 *
 * @param asOf the instant the figures are computed for, ISO-8601
 * @param asOfMillis the same instant in epoch milliseconds (the page counts down from it)
 * @param eventsApplied how many feed events the figures include; grows with every ticket event
 * @param filter the filter's URL parameters
 * @param viewer the viewer's user id
 * @param role the viewer's role
 * @param scope the tickets the viewer sees: OWN, QUEUE, TEAM or ALL
 * @param mayExport whether the viewer may export
 * @param tiles the KPI tiles, in display order
 * @param slaTargets SLA attainment per target against its standard
 * @param ageing open tickets by age: under 1 day, 1-3 days, 3-7 days, 7 days or more
 * @param timeline figures per hour (today) or day, oldest first
 * @param agents figures per agent
 * @param atRisk open tickets whose SLA clock is breached or nearly so, nearest deadline first
 * @param options the values each filter offers, from the tickets the viewer sees in the period
 */
public record DashboardSnapshot(
    String asOf,
    long asOfMillis,
    long eventsApplied,
    Map<String, String> filter,
    String viewer,
    String role,
    String scope,
    boolean mayExport,
    List<Tile> tiles,
    List<SlaTargetRow> slaTargets,
    List<Long> ageing,
    List<TimelinePoint> timeline,
    List<AgentRow> agents,
    List<RiskRow> atRisk,
    Map<String, List<String>> options) {

  /** Copies the collections. */
  public DashboardSnapshot {
    filter = Map.copyOf(filter);
    tiles = List.copyOf(tiles);
    slaTargets = List.copyOf(slaTargets);
    ageing = List.copyOf(ageing);
    timeline = List.copyOf(timeline);
    agents = List.copyOf(agents);
    atRisk = List.copyOf(atRisk);
    options = Map.copyOf(options);
  }

  /**
   * Returns a tile by key.
   *
   * @param key e.g. {@code tickets}, {@code fcr}, {@code sla.RESOLUTION}
   * @return the tile
   * @throws java.util.NoSuchElementException if there is none
   */
  public Tile tile(String key) {
    return tiles.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
  }

  /**
   * One KPI tile.
   *
   * @param key the tile's key (also its label key)
   * @param value the value, null when there is nothing to measure it on
   * @param unit {@code count}, {@code minutes}, {@code percent} (a fraction) or {@code score}
   *     (1..5)
   * @param standard the standard it is held against, or null
   * @param meets whether the value meets the standard, null without one or without a value
   */
  public record Tile(String key, Double value, String unit, Double standard, Boolean meets) {}

  /**
   * One SLA target's attainment.
   *
   * @param target the target's name, e.g. {@code RESOLUTION}
   * @param attainment the share met in time
   * @param standard the attainment goal
   * @param met tickets met in time
   * @param metLate tickets met late
   * @param breached tickets breached and not met
   */
  public record SlaTargetRow(
      String target, double attainment, double standard, long met, long metLate, long breached) {}

  /**
   * The figures of the tickets opened in one hour or day.
   *
   * @param bucket the hour or day, ISO local date-time or date in the desk's zone
   * @param tickets tickets opened
   * @param open of them still open
   * @param closed of them closed
   * @param firstResponseMinutes mean first response, or null
   * @param firstContactResolution first-contact resolution rate, or null
   * @param csat CSAT average, or null
   */
  public record TimelinePoint(
      String bucket,
      long tickets,
      long open,
      long closed,
      Double firstResponseMinutes,
      Double firstContactResolution,
      Double csat) {}

  /**
   * One agent's figures.
   *
   * @param agent the agent's id ({@code UNASSIGNED} for tickets nobody holds)
   * @param tickets tickets
   * @param open open tickets
   * @param resolved resolved tickets
   * @param closed closed tickets
   * @param firstResponseMinutes mean first response, or null
   * @param handlingMinutes mean handling time, or null
   * @param firstContactResolution first-contact resolution rate, or null
   * @param csat CSAT average, or null
   */
  public record AgentRow(
      String agent,
      long tickets,
      long open,
      long resolved,
      long closed,
      Double firstResponseMinutes,
      Double handlingMinutes,
      Double firstContactResolution,
      Double csat) {}

  /**
   * A ticket whose SLA clock is breached or nearly breached.
   *
   * @param ticketId the ticket's id
   * @param metric the SLA metric, e.g. {@code RESOLUTION}
   * @param agent its assignee, or null
   * @param department its department, or null
   * @param priority its priority, or null
   * @param customer the customer's name, masked unless the viewer's role sees personal data
   * @param status its status
   * @param deadlineMillis the clock's deadline in epoch milliseconds (the page counts down to it)
   * @param breached whether the target is already exceeded
   */
  public record RiskRow(
      String ticketId,
      String metric,
      String agent,
      String department,
      String priority,
      String customer,
      String status,
      long deadlineMillis,
      boolean breached) {}
}
