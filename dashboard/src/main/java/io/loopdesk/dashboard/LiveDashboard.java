package io.loopdesk.dashboard;

import io.loopdesk.access.PersonalDataView;
import io.loopdesk.api.Checks;
import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.dashboard.DashboardSnapshot.AgentRow;
import io.loopdesk.dashboard.DashboardSnapshot.RiskRow;
import io.loopdesk.dashboard.DashboardSnapshot.SlaTargetRow;
import io.loopdesk.dashboard.DashboardSnapshot.Tile;
import io.loopdesk.dashboard.DashboardSnapshot.TimelinePoint;
import io.loopdesk.dashboard.internal.EventCache;
import io.loopdesk.dashboard.internal.TicketTrail;
import io.loopdesk.insights.Backlog;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.Kpi;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.insights.SlaOutcome;
import io.loopdesk.insights.SlaResultCounts;
import io.loopdesk.sla.SlaClockState;
import io.loopdesk.sla.SlaResult;
import io.loopdesk.sla.SlaStatus;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.TicketSla;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard's figures: the events of the tickets opened within the window, read from the
 * store's global event feed (so every instance on one database holds the same events), the SLA
 * clocks of those tickets from the desk's {@link SlaTracker}, and {@link KpiCalculator} over the
 * tickets one viewer sees with one filter. No KPI is computed here: every figure of a snapshot is a
 * value of a {@link KpiReport}, except the count of callbacks due (open tickets resolved and
 * awaiting or in their callback) and the list of tickets at risk (running SLA clocks past or near
 * their deadline).
 *
 * <p>Call {@link #refresh()} on a schedule (the {@link DashboardStream} does); {@link #snapshot}
 * computes from what was read so far. Memory holds the events of at most {@code maxTickets} tickets
 * opened within the window. Thread-safe.
 */
public final class LiveDashboard {

  private static final int TOP_PROBLEMS = 10;

  private final EventCache cache;
  private final SlaTracker sla;
  private final Clock clock;
  private final ZoneId zone;
  private final KpiCalculator calculator;
  private final DashboardProperties settings;

  /**
   * Creates the dashboard's source of figures; nothing is read before the first {@link #refresh()}.
   *
   * @param feed the store's global event feed
   * @param sla the desk's SLA tracker, for per-target attainment and deadlines
   * @param clock the desk's clock
   * @param zone the zone of days and hours (the desk's default calendar's)
   * @param settings the dashboard's settings
   */
  public LiveDashboard(
      TicketEventFeed feed,
      SlaTracker sla,
      Clock clock,
      ZoneId zone,
      DashboardProperties settings) {
    Checks.notNull("feed", feed);
    Checks.notNull("sla", sla);
    Checks.notNull("clock", clock);
    Checks.notNull("zone", zone);
    Checks.notNull("settings", settings);
    this.cache = new EventCache(feed, settings.getWindow(), settings.getMaxTickets());
    this.sla = sla;
    this.clock = clock;
    this.zone = zone;
    this.calculator = KpiCalculator.of(zone, TOP_PROBLEMS);
    this.settings = settings;
  }

  /**
   * Reads the feed's new events and the SLA clocks of changed tickets (and of open ones not read
   * for a heartbeat).
   *
   * @return the number of new events
   */
  public int refresh() {
    Instant now = clock.instant();
    int read = cache.catchUp(now);
    Instant staleBefore = now.minus(settings.getHeartbeat());
    Map<TicketId, Long> stale =
        cache.read(
            trails -> {
              Map<TicketId, Long> ids = new LinkedHashMap<>();
              for (TicketTrail t : trails) {
                if (t.slaStale(staleBefore)) {
                  ids.put(t.id(), t.version());
                }
              }
              return ids;
            });
    if (!stale.isEmpty()) {
      Map<TicketId, TicketSla> clocks = new LinkedHashMap<>();
      for (TicketId id : stale.keySet()) {
        clocks.put(id, sla.status(id, now).orElse(null));
      }
      cache.write(
          trails -> {
            for (TicketTrail t : trails) {
              Long version = stale.get(t.id());
              if (version != null) {
                t.sla(clocks.get(t.id()), now, version);
              }
            }
          });
    }
    return read;
  }

  /** Returns how many feed events the figures include so far. */
  public long eventsApplied() {
    return cache.applied();
  }

  /** Returns how many tickets are held in memory. */
  public int tickets() {
    return cache.size();
  }

  /** Returns the zone of days and hours. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Computes what a viewer sees with a filter, as of now.
   *
   * @param viewer the viewer, from {@link DashboardAccess}
   * @param filter the filter
   * @return the snapshot
   */
  public DashboardSnapshot snapshot(Viewer viewer, DashboardFilter filter) {
    if (viewer == null || filter == null) {
      throw new ValidationException(viewer == null ? "viewer" : "filter", null, "must not be null");
    }
    Instant now = clock.instant();
    Instant from = filter.period().start(now, zone);
    return cache.read(
        trails -> {
          long applied = cache.applied();
          List<TicketTrail> visible = new ArrayList<>();
          for (TicketTrail t : trails) {
            if (!t.createdAt().isBefore(from)
                && !t.createdAt().isAfter(now)
                && viewer.sees(t.agent(), t.department())) {
              visible.add(t);
            }
          }
          List<TicketTrail> selected = visible.stream().filter(t -> matches(t, filter)).toList();
          KpiReport report = report(selected, now);
          return new DashboardSnapshot(
              now.toString(),
              now.toEpochMilli(),
              applied,
              filter.parameters(),
              viewer.actor().id(),
              viewer.actor().role().name(),
              viewer.scope().name(),
              viewer.mayExport(),
              tiles(report, selected),
              slaTargets(report),
              ageing(report.backlog()),
              timeline(selected, filter.period(), from, now),
              agents(report),
              atRisk(selected, viewer, now),
              options(visible));
        });
  }

  private KpiReport report(List<TicketTrail> tickets, Instant now) {
    List<TicketEvent> events = new ArrayList<>();
    List<SlaOutcome> outcomes = new ArrayList<>();
    for (TicketTrail t : tickets) {
      events.addAll(t.events());
      if (t.sla() != null) {
        for (SlaStatus clockStatus : t.sla().clocks().values()) {
          clockStatus.result().ifPresent(r -> outcomes.add(outcome(t.id(), clockStatus, r, now)));
        }
      }
    }
    outcomes.sort(Comparator.comparing(SlaOutcome::at));
    return calculator.compute(events, outcomes, now);
  }

  private static SlaOutcome outcome(
      TicketId id, SlaStatus clockStatus, SlaResult result, Instant now) {
    Instant at = clockStatus.metAt().or(clockStatus::breachedAt).orElse(now);
    SlaOutcome.Result r =
        switch (result) {
          case MET -> SlaOutcome.Result.MET;
          case MET_LATE -> SlaOutcome.Result.MET_LATE;
          case BREACHED -> SlaOutcome.Result.BREACHED;
        };
    return new SlaOutcome(id, clockStatus.metric().name(), r, at.isAfter(now) ? now : at);
  }

  private static boolean matches(TicketTrail t, DashboardFilter f) {
    return (f.department() == null || f.department().equals(t.department()))
        && (f.agent() == null || f.agent().equals(t.agent()))
        && (f.channel() == null || f.channel().equals(t.channel()))
        && (f.category() == null || f.category().equals(t.category()))
        && (f.priority() == null || f.priority().equals(t.priority()));
  }

  private List<Tile> tiles(KpiReport report, List<TicketTrail> selected) {
    DashboardProperties.Standards standards = settings.getStandards();
    KpiValues v = report.overall();
    List<Tile> tiles = new ArrayList<>();
    tiles.add(tile("tickets", Kpi.TICKETS.of(v), "count", null));
    tiles.add(tile("open", Kpi.BACKLOG.of(v), "count", null));
    tiles.add(tile("firstResponse", Kpi.FIRST_RESPONSE_MINUTES.of(v), "minutes", null));
    tiles.add(tile("handling", Kpi.HANDLING_MINUTES.of(v), "minutes", null));
    tiles.add(
        tile(
            "fcr",
            Kpi.FIRST_CONTACT_RESOLUTION.of(v),
            "percent",
            standards.getFirstContactResolution()));
    tiles.add(tile("csat", Kpi.CSAT_AVERAGE.of(v), "score", null));
    tiles.add(tile("satisfied", Kpi.SATISFIED_RATE.of(v), "percent", standards.getSatisfiedRate()));
    tiles.add(
        tile(
            "resolutionSla",
            Kpi.RESOLUTION_SLA_ATTAINMENT.of(v),
            "percent",
            standards.getSlaAttainment()));
    for (Map.Entry<String, Double> e : report.slaAttainmentByTarget().entrySet()) {
      tiles.add(
          tile(
              "sla." + e.getKey(),
              OptionalDouble.of(e.getValue()),
              "percent",
              standards.slaAttainmentOf(e.getKey())));
    }
    Backlog b = report.backlog();
    tiles.add(
        tile("aged", OptionalDouble.of(b.threeToSevenDays() + b.overSevenDays()), "count", null));
    long callbacksDue =
        selected.stream()
            .filter(
                t ->
                    TicketStatus.RESOLVED.equals(t.status())
                        || TicketStatus.CALLBACK.equals(t.status()))
            .count();
    tiles.add(tile("callbacksDue", OptionalDouble.of(callbacksDue), "count", null));
    tiles.add(tile("callbackCompletion", Kpi.CALLBACK_COMPLETION.of(v), "percent", null));
    tiles.add(tile("reopen", Kpi.REOPEN_RATE.of(v), "percent", null));
    return tiles;
  }

  private static Tile tile(String key, OptionalDouble value, String unit, Double standard) {
    Double number = value.isPresent() ? value.getAsDouble() : null;
    Boolean meets = number == null || standard == null ? null : number >= standard;
    return new Tile(key, number, unit, standard, meets);
  }

  private List<SlaTargetRow> slaTargets(KpiReport report) {
    List<SlaTargetRow> rows = new ArrayList<>();
    report.slaResultsByTarget().forEach((target, counts) -> rows.add(row(report, target, counts)));
    return rows;
  }

  private SlaTargetRow row(KpiReport report, String target, SlaResultCounts counts) {
    return new SlaTargetRow(
        target,
        report.slaAttainmentByTarget().getOrDefault(target, 0.0),
        settings.getStandards().slaAttainmentOf(target),
        counts.met(),
        counts.metLate(),
        counts.breached());
  }

  private static List<Long> ageing(Backlog b) {
    return List.of(b.underOneDay(), b.oneToThreeDays(), b.threeToSevenDays(), b.overSevenDays());
  }

  private List<TimelinePoint> timeline(
      List<TicketTrail> selected, Period period, Instant from, Instant now) {
    ChronoUnit unit = period.bucket();
    TreeMap<LocalDateTime, List<TicketTrail>> buckets = new TreeMap<>();
    LocalDateTime first = from.atZone(zone).toLocalDateTime().truncatedTo(unit);
    LocalDateTime last = now.atZone(zone).toLocalDateTime().truncatedTo(unit);
    for (LocalDateTime b = first; !b.isAfter(last); b = b.plus(1, unit)) {
      buckets.put(b, new ArrayList<>());
    }
    for (TicketTrail t : selected) {
      buckets
          .computeIfAbsent(
              t.createdAt().atZone(zone).toLocalDateTime().truncatedTo(unit),
              k -> new ArrayList<>())
          .add(t);
    }
    List<TimelinePoint> points = new ArrayList<>();
    buckets.forEach(
        (bucket, tickets) -> {
          KpiValues v = report(tickets, now).overall();
          String label =
              unit == ChronoUnit.DAYS ? bucket.toLocalDate().toString() : bucket.toString();
          points.add(
              new TimelinePoint(
                  label,
                  v.tickets(),
                  v.open(),
                  v.closed(),
                  number(Kpi.FIRST_RESPONSE_MINUTES.of(v)),
                  number(Kpi.FIRST_CONTACT_RESOLUTION.of(v)),
                  number(Kpi.CSAT_AVERAGE.of(v))));
        });
    return points;
  }

  private static List<AgentRow> agents(KpiReport report) {
    List<AgentRow> rows = new ArrayList<>();
    report
        .by(Dimension.AGENT)
        .forEach(
            (agent, v) ->
                rows.add(
                    new AgentRow(
                        agent,
                        v.tickets(),
                        v.open(),
                        v.resolved(),
                        v.closed(),
                        number(Kpi.FIRST_RESPONSE_MINUTES.of(v)),
                        number(Kpi.HANDLING_MINUTES.of(v)),
                        number(Kpi.FIRST_CONTACT_RESOLUTION.of(v)),
                        number(Kpi.CSAT_AVERAGE.of(v)))));
    return rows;
  }

  private List<RiskRow> atRisk(List<TicketTrail> selected, Viewer viewer, Instant now) {
    List<RiskRow> rows = new ArrayList<>();
    for (TicketTrail t : selected) {
      if (t.closed() || t.sla() == null) {
        continue;
      }
      for (SlaStatus c : t.sla().clocks().values()) {
        if (c.state() != SlaClockState.RUNNING || c.deadline().isEmpty()) {
          continue;
        }
        Instant deadline = c.deadline().get();
        boolean breached = c.breached() || !deadline.isAfter(now);
        boolean near = nearlyBreaching(c, settings.getNearBreach());
        if (breached || near) {
          rows.add(
              new RiskRow(
                  t.id().value(),
                  c.metric().name(),
                  t.agent(),
                  t.department(),
                  t.priority(),
                  customer(t.customer(), viewer.personalData()),
                  t.status().name(),
                  deadline.toEpochMilli(),
                  breached));
        }
      }
    }
    rows.sort(Comparator.comparingLong(RiskRow::deadlineMillis).thenComparing(RiskRow::ticketId));
    return rows.size() > settings.getMaxAtRisk()
        ? List.copyOf(rows.subList(0, settings.getMaxAtRisk()))
        : rows;
  }

  /**
   * Returns whether a running clock has at most the given share of its target left, both in the
   * target's business time: the wall-clock time to the deadline would hide a clock with an hour
   * left on Friday evening behind the weekend. The remaining time is as of the clock's last read,
   * at most one heartbeat ago.
   */
  static boolean nearlyBreaching(SlaStatus clockStatus, double share) {
    long targetMillis = clockStatus.target().duration().toMillis();
    return clockStatus.remaining().toMillis() <= targetMillis * share;
  }

  /**
   * Returns how a customer is shown to a viewer: the name in full for roles that see personal data,
   * else masked ({@code 张*}); a sealed customer shows only its id.
   *
   * @param customer the customer
   * @param view the viewer's personal-data view
   * @return the text to show
   */
  static String customer(Customer customer, PersonalDataView view) {
    if (customer == null) {
      return "";
    }
    if (customer.sealed().isPresent()) {
      return customer.customerId();
    }
    return view == PersonalDataView.FULL ? customer.name() : customer.masked().name();
  }

  private static Map<String, List<String>> options(List<TicketTrail> visible) {
    Map<String, Set<String>> sets = new LinkedHashMap<>();
    for (String key : List.of("department", "agent", "channel", "category", "priority")) {
      sets.put(key, new TreeSet<>());
    }
    for (TicketTrail t : visible) {
      add(sets.get("department"), t.department());
      add(sets.get("agent"), t.agent());
      add(sets.get("channel"), t.channel());
      add(sets.get("category"), t.category());
      add(sets.get("priority"), t.priority());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    sets.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  private static void add(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }

  private static Double number(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }
}
