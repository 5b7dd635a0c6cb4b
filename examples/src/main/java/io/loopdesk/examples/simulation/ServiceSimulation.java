package io.loopdesk.examples.simulation;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.Satisfaction;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.improvement.ImprovementPlan;
import io.loopdesk.improvement.ImprovementPlans;
import io.loopdesk.improvement.PlanTask;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.insights.RecurringProblem;
import io.loopdesk.insights.SlaOutcome;
import io.loopdesk.insights.SlaResultCounts;
import io.loopdesk.operations.ErlangC;
import io.loopdesk.operations.ExpectedWait;
import io.loopdesk.operations.ServiceTarget;
import io.loopdesk.operations.StaffingPlanner;
import io.loopdesk.quality.AgentProfile;
import io.loopdesk.quality.QualitySampler;
import io.loopdesk.quality.SampledTicket;
import io.loopdesk.quality.SamplingPlan;
import io.loopdesk.quality.Scorecard;
import io.loopdesk.routing.Agent;
import io.loopdesk.routing.AgentPool;
import io.loopdesk.routing.DeskLoad;
import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.Presence;
import io.loopdesk.routing.PublicOpinionFastLane;
import io.loopdesk.routing.Router;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.routing.RuleAction;
import io.loopdesk.routing.SelectionStrategy;
import io.loopdesk.routing.SurgeControl;
import io.loopdesk.routing.SurgePolicy;
import io.loopdesk.routing.SurgeRouter;
import io.loopdesk.routing.SurgeRouting;
import io.loopdesk.routing.SurgeState;
import io.loopdesk.sla.SlaEvent;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTarget;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Simulates days at a Chinese after-sales service desk on the real Loopdesk modules. Contacts from
 * all channels arrive as a Poisson process whose rate follows the time of day and the business
 * calendar (the National Day holiday and a make-up working day); they wait in one queue and are
 * routed by the desk's {@link Router} to the agents on duty. How many agents are on duty in each
 * half hour is planned with Erlang C ({@link StaffingPlanner}) for 90 % answered within 15 seconds,
 * so that the handbook's standard of 85 % is met on most days. After the contact: resolution at
 * once or after follow-up work, waits on the customer, transfers to the second line, callbacks with
 * some unsatisfied and some unreachable customers, SLA clocks with escalation, KPIs, a quality
 * sample with scorecards and improvement plans for the recurring problems.
 *
 * <p>With {@code --surge} the second day is a surge day: from 10:00 to 14:00 contacts arrive at 150
 * % of what the planned agents can answer. {@link SurgeControl} enters surge above 120 % load
 * (every switch audited), the {@link SurgeRouter} serves core categories first and overflows them
 * to the standby and partner pools, defers the rest with self-service suggestions, and queued
 * customers hear the expected wait; a complaint exposed on social media goes through the {@link
 * PublicOpinionFastLane}. Deterministic for a seed. Not thread-safe: one run per instance.
 */
public final class ServiceSimulation {
  /** The desk's zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The handbook's answer time: 85 % of contacts answered within it. */
  public static final Duration ANSWER_TARGET = Duration.ofSeconds(15);

  /** The mean time an agent spends on a contact (exponentially distributed). */
  public static final Duration AVERAGE_HANDLE_TIME = Duration.ofMinutes(6);

  /**
   * What the shift plan is made for: a margin above the handbook's 85 % so that most days meet it.
   */
  public static final ServiceTarget PLAN_TARGET = ServiceTarget.of(0.90, ANSWER_TARGET);

  /** The length of a staffed interval. */
  public static final Duration HALF_HOUR = Duration.ofMinutes(30);

  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 28);
  private static final LocalDate SURGE_DAY = FIRST_DAY.plusDays(1);
  private static final Duration TICK = Duration.ofMinutes(10);
  private static final int DESK_OPENS = 8;
  private static final int DESK_CLOSES = 22;
  private static final Channel[] CHANNELS = {
    Channel.PHONE,
    Channel.ONLINE_CHAT,
    Channel.APP,
    Channel.EMAIL,
    Channel.SOCIAL_MEDIA,
    Channel.PAPER_FORM,
    Channel.ON_SITE
  };
  private static final int[] CHANNEL_WEIGHTS = {35, 25, 15, 10, 8, 2, 5};
  private static final Category[] CATEGORIES = {
    Category.PRODUCT_FAULT,
    Category.CONSULTATION,
    Category.SERVICE_EXPERIENCE,
    Category.COMPLAINT,
    Category.SUGGESTION
  };
  private static final int[] CATEGORY_WEIGHTS = {40, 25, 15, 12, 8};
  private static final String[] PRODUCTS = {"X9 手机", "R2 路由器", "KFR-35 空调", "S7 扫地机器人", "W5 手表"};
  private static final Actor INTAKE = Actor.of("intake", Role.AGENT);
  private static final Actor DISPATCHER = Actor.of("dispatcher", Role.TEAM_LEAD);
  private static final Actor CALLBACK_DESK = Actor.of("callback-desk", Role.AGENT);
  private static final String SUPERVISOR = "sup-01";
  private static final String HOTLINE = "hotline";
  private static final String RESPONSE_TEAM_AGENT = "pr-01";
  private static final Set<Category> CORE =
      Set.of(Category.PRODUCT_FAULT, Category.COMPLAINT, PublicOpinionFastLane.CATEGORY);
  private static final Map<Category, List<String>> ARTICLES =
      Map.of(
          Category.CONSULTATION, List.of("KB-101 保修政策与期限", "KB-102 如何查询维修进度", "KB-103 发票与退换货"),
          Category.SERVICE_EXPERIENCE, List.of("KB-201 预约上门服务", "KB-202 服务网点查询"),
          Category.SUGGESTION, List.of("KB-301 意见反馈渠道", "KB-302 新功能说明"));

  private final SimulationOptions options;
  private final Random random;
  private final ManualClock clock = ManualClock.at(FIRST_DAY.atStartOfDay(ZONE).toInstant(), ZONE);
  private final List<String> roster = new ArrayList<>();
  private final Set<String> newAgents = new java.util.HashSet<>();
  private final Map<TicketId, Duration> firstWait = new HashMap<>();
  private final Map<String, Integer> unsatisfied = new HashMap<>();
  private final Set<TicketId> waitedOnce = new java.util.HashSet<>();
  private final List<TicketId> tickets = new ArrayList<>();
  private final Map<TicketId, LocalDate> openedOn = new HashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();
  private final PriorityQueue<Due> queue = new PriorityQueue<>();
  private final AtomicInteger escalations = new AtomicInteger();
  private final List<SlaOutcome> slaOutcomes = new ArrayList<>();
  private final List<IntervalStats> intervals = new ArrayList<>();
  private final BusinessCalendar calendar;
  private final ServiceDesk desk;
  private final SlaTracker sla;
  private final AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
  private final Router router;
  private final StaffingPlanner planner;
  private final SurgeControl surgeControl;
  private final SurgeRouter surgeRouter;
  private final Map<String, Integer> overflowed = new TreeMap<>();
  private final Map<String, Integer> suggestions = new HashMap<>();
  private final List<String> waitMessages = new ArrayList<>();
  private final List<String> incident = new ArrayList<>();
  private int waitMessagesGiven;
  private int routedToOwnQueue;
  private int deferred;
  private long sequence;
  private int openTickets;
  private int busy;
  private double queuedArea;
  private Instant lastChange;
  private Instant loadWindowStart;
  private final java.util.ArrayDeque<double[]> loadWindows = new java.util.ArrayDeque<>();
  private final java.util.ArrayDeque<Instant> recentArrivals = new java.util.ArrayDeque<>();
  private boolean dispatching;
  private int warningsToday;
  private int breachesToday;
  private int openedToday;
  private int closedToday;

  private static final class Waiting {
    final TicketId id;
    final Instant openedAt;
    final boolean core;
    final IntervalStats interval;
    boolean deferred;

    Waiting(TicketId id, Instant openedAt, boolean core, IntervalStats interval) {
      this.id = id;
      this.openedAt = openedAt;
      this.core = core;
      this.interval = interval;
    }
  }

  private static final class IntervalStats {
    final LocalDateTime start;
    final double forecast;
    final int agents;
    final double predicted;
    final boolean surge;
    int arrivals;
    int answered;
    int inTime;

    IntervalStats(
        LocalDateTime start, double forecast, int agents, double predicted, boolean surge) {
      this.start = start;
      this.forecast = forecast;
      this.agents = agents;
      this.predicted = predicted;
      this.surge = surge;
    }
  }

  private record Due(Instant at, long sequence, Runnable action) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /**
   * Prepares a run.
   *
   * @param options size, seed, output and whether to simulate a surge day
   */
  public ServiceSimulation(SimulationOptions options) {
    this.options = options;
    this.random = new Random(options.seed());
    calendar =
        BusinessCalendar.builder("cn-business", ZONE)
            .weekdays(
                WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                WorkingInterval.of(LocalTime.of(13, 30), LocalTime.of(18, 0)))
            .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
            .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.FRIDAY, "make-up working day")
            .build();
    PublicOpinionFastLane lane =
        PublicOpinionFastLane.of(
            "public-relations", "opinion-response", "lead-pr", "pr-manager", "ops-01");
    SlaTarget answer = SlaTarget.on("cn-business", ANSWER_TARGET);
    SlaPolicy policy =
        lane.applyTo(
                SlaPolicy.standard().toBuilder()
                    .target(SlaMetric.FIRST_RESPONSE, null, null, answer)
                    .target(SlaMetric.FIRST_RESPONSE, Category.CONSULTATION, answer)
                    .target(SlaMetric.FIRST_RESPONSE, Category.COMPLAINT, answer)
                    .target(
                        SlaMetric.RESOLUTION,
                        Priority.P2,
                        SlaTarget.on("cn-business", Duration.ofHours(24))))
            .build();
    RoutingRules rules =
        lane.prependTo(
            RoutingRules.builder(MatchMode.FIRST_MATCH)
                .add(
                    RoutingRule.builder("faults")
                        .category(Category.PRODUCT_FAULT)
                        .assignTo("technical-support", HOTLINE)
                        .build())
                .add(
                    RoutingRule.builder("everything-else")
                        .assignTo("customer-service", HOTLINE)
                        .build())
                .build());
    Loopdesk loopdesk =
        Loopdesk.builder()
            .clock(clock)
            .calendar(calendar)
            .slaPolicy(policy)
            .routingRules(rules)
            .agents(pool)
            .idGenerator(() -> TicketId.of(String.format("SR-%06d", tickets.size() + 1)))
            .listener(this::track)
            .slaListener(this::recordOutcome)
            .supervisor(SUPERVISOR, "customer-service")
            .escalationNotifier(action -> escalations.incrementAndGet())
            .withoutMonitor()
            .build();
    desk = loopdesk.desk();
    sla = loopdesk.sla();
    router = loopdesk.routing();
    planner = StaffingPlanner.builder(AVERAGE_HANDLE_TIME).target(PLAN_TARGET).shrinkage(0).build();
    for (int i = 0; i < options.agents(); i++) {
      String id = String.format("agent-%02d", i + 1);
      roster.add(id);
      if (i % 8 == 7) {
        newAgents.add(id);
      }
      pool.register(Agent.builder(id).queues(HOTLINE).capacity(1).build(), Presence.OFFLINE);
    }
    pool.register(
        Agent.builder(RESPONSE_TEAM_AGENT).queues("opinion-response").capacity(3).build(),
        Presence.ONLINE);
    if (options.surge()) {
      for (int i = 1; i <= 3; i++) {
        pool.register(
            Agent.builder("standby-" + i).queues("standby").capacity(1).build(), Presence.OFFLINE);
        pool.register(
            Agent.builder("partner-" + i).queues("partner").capacity(1).build(), Presence.OFFLINE);
      }
      surgeControl =
          SurgeControl.create(
              SurgePolicy.builder()
                  .coreCategories(CORE.toArray(Category[]::new))
                  .overflow(
                      HOTLINE,
                      new RuleAction.AssignTo("customer-service", "standby"),
                      new RuleAction.AssignTo("partner-callcenter", "partner"))
                  .selfServiceSuggestions(2)
                  .build(),
              clock);
      surgeControl.addListener(
          change -> {
            Presence presence =
                change.to() == SurgeState.SURGE ? Presence.ONLINE : Presence.OFFLINE;
            for (int i = 1; i <= 3; i++) {
              pool.presence("standby-" + i, presence);
              pool.presence("partner-" + i, presence);
            }
          });
      surgeRouter =
          SurgeRouter.create(
              router,
              surgeControl,
              (input, limit) ->
                  input.category().map(c -> ARTICLES.getOrDefault(c, List.of())).orElse(List.of()),
              clock);
    } else {
      surgeControl = null;
      surgeRouter = null;
    }
  }

  private void recordOutcome(SlaEvent event) {
    if (event instanceof SlaEvent.Met met) {
      slaOutcomes.add(
          new SlaOutcome(
              met.ticketId(),
              met.metric().name(),
              SlaOutcome.Result.valueOf(met.result().name()),
              met.at()));
    } else if (event instanceof SlaEvent.Breached breached) {
      slaOutcomes.add(
          new SlaOutcome(
              breached.ticketId(),
              breached.metric().name(),
              SlaOutcome.Result.BREACHED,
              breached.at()));
    }
  }

  private void track(TicketEvent event, Ticket ticket) {
    TicketChange change = event.change();
    if (change instanceof TicketChange.Opened) {
      openTickets++;
    } else if (change instanceof TicketChange.Closed) {
      openTickets--;
    } else if (change instanceof TicketChange.Escalated) {
      escalations.incrementAndGet();
    } else if (change instanceof TicketChange.CallbackRecorded c
        && c.effect() == TicketChange.CallbackEffect.REOPENED) {
      ticket.assignee().ifPresent(a -> unsatisfied.merge(a, 1, Integer::sum));
    }
  }

  /**
   * Runs the simulation.
   *
   * @param progress where to draw the progress bar, or null for none
   * @return the result
   */
  public SimulationResult run(PrintStream progress) {
    Instant start = clock.instant();
    Instant end = start.plus(Duration.ofDays(options.days()));
    lastChange = start;
    loadWindowStart = start;
    List<DayPoint> days = new ArrayList<>();
    at(start, this::halfHour);
    at(start, this::tick);
    long totalSteps = Duration.between(start, end).dividedBy(TICK);
    long step = 0;
    LocalDate today = FIRST_DAY;
    while (!queue.isEmpty() && queue.peek().at().isBefore(end)) {
      Due next = queue.poll();
      LocalDate date = next.at().atZone(ZONE).toLocalDate();
      if (!date.equals(today)) {
        days.add(
            new DayPoint(
                today,
                calendar.isWorkingDay(today),
                openedToday,
                closedToday,
                openTickets,
                warningsToday,
                breachesToday));
        today = date;
        openedToday = closedToday = warningsToday = breachesToday = 0;
      }
      clock.set(next.at());
      next.action().run();
      long reached = Duration.between(start, clock.instant()).dividedBy(TICK);
      if (progress != null && reached != step && (reached % Math.max(1, totalSteps / 50) == 0)) {
        step = reached;
        drawProgress(progress, step, totalSteps, days.size());
      }
    }
    clock.set(end);
    days.add(
        new DayPoint(
            today,
            calendar.isWorkingDay(today),
            openedToday,
            closedToday,
            openTickets,
            warningsToday,
            breachesToday));
    if (progress != null) {
      drawProgress(progress, totalSteps, totalSteps, days.size());
      progress.println();
    }
    return result(start, days);
  }

  private SimulationResult result(Instant start, List<DayPoint> days) {
    List<TicketEvent> events = events();
    List<Ticket> finalTickets = tickets.stream().map(desk::get).toList();
    KpiCalculator calculator = KpiCalculator.of(ZONE, 10);
    KpiReport kpis = calculator.compute(events, slaOutcomes, clock.instant());
    double averageUnsatisfied =
        unsatisfied.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    SamplingPlan samplingPlan =
        SamplingPlan.builder()
            .seed(options.seed())
            .highComplaintThreshold(Math.max(3, (int) Math.ceil(2 * averageUnsatisfied)))
            .build();
    List<SampledTicket> sample =
        new QualitySampler(samplingPlan)
            .sample(
                finalTickets,
                id ->
                    new AgentProfile(id, newAgents.contains(id), unsatisfied.getOrDefault(id, 0)));
    List<Scorecard> scorecards = score(sample);
    List<ImprovementPlan> plans = improvementPlans(kpis, finalTickets);
    Map<TicketId, List<TicketEvent>> byTicket =
        events.stream().collect(Collectors.groupingBy(TicketEvent::ticketId));
    List<Standards> daily = new ArrayList<>();
    for (DayPoint d : days) {
      daily.add(
          standards(
              d.date().toString(),
              t -> openedOn.get(t).equals(d.date()),
              byTicket,
              scorecards,
              calculator));
    }
    List<Standards> weekly = new ArrayList<>();
    for (LocalDate monday = FIRST_DAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        monday.isBefore(FIRST_DAY.plusDays(options.days()));
        monday = monday.plusWeeks(1)) {
      LocalDate from = monday;
      weekly.add(
          standards(
              "week " + monday,
              t -> !openedOn.get(t).isBefore(from) && openedOn.get(t).isBefore(from.plusWeeks(1)),
              byTicket,
              scorecards,
              calculator));
    }
    List<IntervalPoint> points =
        intervals.stream()
            .map(
                i ->
                    new IntervalPoint(
                        i.start,
                        i.forecast,
                        i.arrivals,
                        i.agents,
                        i.predicted,
                        i.answered,
                        i.inTime,
                        i.surge))
            .toList();
    SurgeDay surge =
        surgeControl == null
            ? null
            : new SurgeDay(
                surgeControl.switches(),
                routedToOwnQueue,
                overflowed,
                deferred,
                sortedByCount(suggestions),
                waitMessages,
                waitMessagesGiven,
                incident);
    return new SimulationResult(
        options,
        start,
        clock.instant(),
        days,
        kpis,
        sample,
        plans.isEmpty() ? null : plans.get(0),
        escalations.get(),
        events.size(),
        points,
        daily,
        weekly,
        slaByTargetAndPriority(finalTickets),
        standings(kpis, scorecards),
        plans,
        scorecards,
        surge);
  }

  private static Map<String, Integer> sortedByCount(Map<String, Integer> counts) {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private Standards standards(
      String period,
      java.util.function.Predicate<TicketId> opened,
      Map<TicketId, List<TicketEvent>> byTicket,
      List<Scorecard> scorecards,
      KpiCalculator calculator) {
    List<TicketEvent> events = new ArrayList<>();
    tickets.stream()
        .filter(opened)
        .forEach(t -> events.addAll(byTicket.getOrDefault(t, List.of())));
    List<SlaOutcome> outcomes =
        slaOutcomes.stream().filter(o -> opened.test(o.ticketId())).toList();
    KpiReport report = calculator.compute(events, outcomes, clock.instant());
    SlaResultCounts firstResponse =
        report
            .slaResultsByTarget()
            .getOrDefault(SlaMetric.FIRST_RESPONSE.name(), new SlaResultCounts(0, 0, 0));
    OptionalDouble qa =
        scorecards.stream()
            .filter(s -> opened.test(s.ticketId()))
            .mapToDouble(Scorecard::total)
            .average();
    KpiValues v = report.overall();
    return new Standards(
        period,
        v.tickets(),
        firstResponse,
        v.satisfiedRate(),
        v.firstContactResolutionRate(),
        qa,
        v.resolutionSlaAttainment(),
        v.csatAverage());
  }

  private Map<String, Map<String, SlaResultCounts>> slaByTargetAndPriority(
      List<Ticket> finalTickets) {
    Map<TicketId, String> priority = new HashMap<>();
    finalTickets.forEach(
        t ->
            priority.put(
                t.id(), t.priority().map(p -> p.priority().name()).orElse("UNCLASSIFIED")));
    Map<String, SlaOutcome> latest = new LinkedHashMap<>();
    for (SlaOutcome o : slaOutcomes) {
      latest.merge(o.ticketId() + "|" + o.target(), o, (a, b) -> b.at().isBefore(a.at()) ? a : b);
    }
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    for (SlaOutcome o : latest.values()) {
      long[] c =
          counts
              .computeIfAbsent(o.target(), k -> new TreeMap<>())
              .computeIfAbsent(priority.get(o.ticketId()), k -> new long[3]);
      c[o.result().ordinal()]++;
    }
    Map<String, Map<String, SlaResultCounts>> result = new TreeMap<>();
    counts.forEach(
        (target, byPriority) -> {
          Map<String, SlaResultCounts> m = new TreeMap<>();
          byPriority.forEach((p, c) -> m.put(p, new SlaResultCounts(c[0], c[1], c[2])));
          result.put(target, m);
        });
    return result;
  }

  private List<AgentStanding> standings(KpiReport kpis, List<Scorecard> scorecards) {
    List<AgentStanding> list = new ArrayList<>();
    kpis.by(Dimension.AGENT)
        .forEach(
            (agent, v) -> {
              if (!agent.startsWith("agent-")
                  && !agent.startsWith("standby-")
                  && !agent.startsWith("partner-")) {
                return;
              }
              OptionalDouble qa =
                  scorecards.stream()
                      .filter(s -> s.agentId().equals(agent))
                      .mapToDouble(Scorecard::total)
                      .average();
              List<String> shortfalls = new ArrayList<>();
              if (v.satisfiedRate().isPresent()
                  && v.satisfiedRate().getAsDouble() < Standards.SATISFACTION) {
                shortfalls.add(
                    "satisfaction " + percent(v.satisfiedRate().getAsDouble()) + " < 90 %");
              }
              if (v.firstContactResolutionRate().isPresent()
                  && v.firstContactResolutionRate().getAsDouble() < Standards.RESOLUTION) {
                shortfalls.add(
                    "resolution "
                        + percent(v.firstContactResolutionRate().getAsDouble())
                        + " < 80 %");
              }
              if (qa.isPresent() && qa.getAsDouble() < Standards.QA_SCORE) {
                shortfalls.add(
                    String.format(java.util.Locale.ROOT, "QA %.1f < 90", qa.getAsDouble()));
              }
              list.add(
                  new AgentStanding(
                      agent,
                      v.tickets(),
                      v.satisfiedRate(),
                      v.firstContactResolutionRate(),
                      qa,
                      shortfalls));
            });
    return list;
  }

  private static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f %%", share * 100);
  }

  /**
   * QA reviews: experienced agents score about 94, new agents about 87; a breached SLA costs
   * compliance points.
   */
  private List<Scorecard> score(List<SampledTicket> sample) {
    Random qa = new Random(options.seed() * 31 + 7);
    Set<TicketId> breached =
        slaOutcomes.stream()
            .filter(o -> o.result() != SlaOutcome.Result.MET)
            .map(SlaOutcome::ticketId)
            .collect(Collectors.toSet());
    List<Scorecard> cards = new ArrayList<>();
    for (SampledTicket s : sample) {
      if (s.agentId() == null || s.agentId().isBlank()) {
        continue;
      }
      double base = newAgents.contains(s.agentId()) ? 87 : 94;
      int attitude = bounded(base + 3 * qa.nextGaussian());
      int knowledge = bounded(base - 1 + 4 * qa.nextGaussian());
      int compliance =
          bounded(base + 1 + 3 * qa.nextGaussian() - (breached.contains(s.ticketId()) ? 8 : 0));
      cards.add(
          new Scorecard(
              s.ticketId(),
              s.agentId(),
              "qa-01",
              clock.instant(),
              attitude,
              knowledge,
              compliance,
              ""));
    }
    return cards;
  }

  private static int bounded(double score) {
    return (int) Math.max(0, Math.min(100, Math.round(score)));
  }

  /**
   * Returns the desk's business calendar (working hours, the National Day holiday, the make-up
   * working day).
   *
   * @return the calendar
   */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /**
   * Returns every event the desk has recorded so far, ticket by ticket in opening order; after
   * {@link #run(PrintStream)} the whole event trail of the run, e.g. to forecast arrivals from it.
   *
   * @return the events
   */
  public List<TicketEvent> events() {
    List<TicketEvent> events = new ArrayList<>();
    for (TicketId id : tickets) {
      events.addAll(desk.history(id));
    }
    return events;
  }

  private List<ImprovementPlan> improvementPlans(KpiReport kpis, List<Ticket> finalTickets) {
    ImprovementPlans plans = new ImprovementPlans(clock, calendar);
    Instant begin = clock.instant();
    List<ImprovementPlan> result = new ArrayList<>();
    String[][] actions = {
      {"analyse returned units", "fix with the supplier", "update the FAQ and the hotline script"},
      {"find the common cause", "change the process or the product", "brief the agents"},
      {"review the handling", "update the knowledge base", "coach the agents"}
    };
    for (int i = 0; i < Math.min(3, kpis.topProblems().size()); i++) {
      RecurringProblem top = kpis.topProblems().get(i);
      List<TicketId> linked =
          finalTickets.stream()
              .filter(
                  t ->
                      t.product().equals(top.product())
                          && t.category().map(c -> c.name().equals(top.category())).orElse(false))
              .map(Ticket::id)
              .toList();
      ImprovementPlan p =
          plans.create(
              new ImprovementPlan(
                  "plan-" + (i + 1),
                  0,
                  top.product() + " " + top.category(),
                  "to be confirmed by root-cause analysis of " + top.tickets() + " tickets",
                  "halve tickets about "
                      + top.product()
                      + " "
                      + top.category().toLowerCase(java.util.Locale.ROOT)
                      + " next month",
                  List.of(actions[i]),
                  "quality",
                  "qa-lead",
                  begin,
                  calendar.addWorkingDays(begin, 20),
                  false,
                  null,
                  Set.copyOf(linked),
                  List.of(
                      new PlanTask(
                          "analyse",
                          actions[i][0],
                          "quality",
                          calendar.addWorkingDays(begin, 5),
                          false),
                      new PlanTask(
                          "faq",
                          actions[i][2],
                          "customer-service",
                          calendar.addWorkingDays(begin, 10),
                          false)),
                  List.of()));
      p = plans.start(p.id(), p.version());
      if (i == 0) {
        p = plans.completeTask(p.id(), p.version(), "faq");
      }
      result.add(p);
    }
    return result;
  }

  // ---- time-driven parts ------------------------------------------------------------------------

  private void at(Instant when, Runnable action) {
    queue.add(new Due(when, sequence++, action));
  }

  private void after(Duration delay, Runnable action) {
    at(clock.instant().plus(delay), action);
  }

  /** Starts a half hour: puts the planned agents on duty and draws the half hour's arrivals. */
  private void halfHour() {
    Instant now = clock.instant();
    LocalDateTime local = LocalDateTime.ofInstant(now, ZONE);
    double forecast = expectedArrivals(local);
    int onDuty = 0;
    if (local.getHour() >= DESK_OPENS && local.getHour() < DESK_CLOSES) {
      // the first half hour also answers the night's contacts, which the supervisor sees waiting
      double toAnswer =
          forecast + (local.getHour() == DESK_OPENS && local.getMinute() == 0 ? waiting.size() : 0);
      onDuty =
          Math.max(
              1,
              Math.min(roster.size(), planner.staff(local, toAnswer, HALF_HOUR).requiredAgents()));
    }
    for (int i = 0; i < roster.size(); i++) {
      pool.presence(roster.get(i), i < onDuty ? Presence.ONLINE : Presence.OFFLINE);
    }
    double predicted =
        onDuty == 0
            ? 0
            : ErlangC.of(Math.max(forecast, 1e-9), HALF_HOUR, AVERAGE_HANDLE_TIME)
                .serviceLevel(onDuty, ANSWER_TARGET);
    IntervalStats stats =
        new IntervalStats(
            local,
            forecast,
            onDuty,
            predicted,
            surgeControl != null && surgeControl.state() == SurgeState.SURGE);
    if (onDuty > 0) {
      intervals.add(stats);
    }
    double actual = forecast;
    boolean surgeHours =
        options.surge()
            && local.toLocalDate().equals(SURGE_DAY)
            && local.getHour() >= 10
            && local.getHour() < 14;
    if (surgeHours) {
      actual = 1.5 * onDuty * HALF_HOUR.toSeconds() / AVERAGE_HANDLE_TIME.toSeconds();
    }
    int arrivals = poisson(actual);
    List<Long> offsets = new ArrayList<>();
    for (int i = 0; i < arrivals; i++) {
      offsets.add((long) (random.nextDouble() * HALF_HOUR.toMillis()));
    }
    offsets.sort(Comparator.naturalOrder());
    for (long offset : offsets) {
      at(now.plusMillis(offset), () -> arrive(stats));
    }
    if (options.surge() && local.equals(SURGE_DAY.atTime(11, 0))) {
      at(now.plus(Duration.ofMinutes(5)), this::publicOpinionIncident);
    }
    dispatch();
    at(now.plus(HALF_HOUR), this::halfHour);
  }

  /** Every ten minutes: the SLA clocks, and the load the surge control sees. */
  private void tick() {
    for (SlaEvent e : sla.tick(clock.instant())) {
      if (e instanceof SlaEvent.Warned) {
        warningsToday++;
      } else if (e instanceof SlaEvent.Breached) {
        breachesToday++;
      }
    }
    if (surgeControl != null) {
      accumulateLoad();
      // the load counts from half an hour after the desk opens: the night's tickets are not a surge
      double window = Math.max(1, Duration.between(loadWindowStart, clock.instant()).toMillis());
      while (!recentArrivals.isEmpty()
          && recentArrivals.peekFirst().isBefore(clock.instant().minus(HALF_HOUR))) {
        recentArrivals.removeFirst();
      }
      double offered =
          (double) recentArrivals.size() * AVERAGE_HANDLE_TIME.toSeconds() / HALF_HOUR.toSeconds();
      loadWindows.addLast(
          new double[] {
            queuedArea / window, offered, roster.stream().filter(this::online).count()
          });
      if (loadWindows.size() > 3) {
        loadWindows.removeFirst();
      }
      double queued = loadWindows.stream().mapToDouble(w -> w[0]).average().orElse(0);
      double inProgress = loadWindows.stream().mapToDouble(w -> w[1]).average().orElse(0);
      double capacity = loadWindows.stream().mapToDouble(w -> w[2]).average().orElse(0);
      LocalTime now = LocalTime.ofInstant(clock.instant(), ZONE);
      if (now.isBefore(LocalTime.of(DESK_OPENS, 40)) || now.getHour() >= DESK_CLOSES) {
        loadWindows.clear();
      } else if (loadWindows.size() == 3) {
        // in tenths of a ticket: the queue averaged over the last half hour plus the work offered
        // in it
        // (arrivals times the handling time), against the agents on duty
        surgeControl.observe(
            new DeskLoad(
                (int) Math.round(10 * queued),
                (int) Math.round(10 * inProgress),
                (int) Math.max(1, Math.round(10 * capacity))));
      }
      queuedArea = 0;
      loadWindowStart = clock.instant();
      dispatch();
    }
    after(TICK, this::tick);
  }

  private boolean online(String agent) {
    return pool.status(agent).map(s -> s.presence() == Presence.ONLINE).orElse(false);
  }

  private void accumulateLoad() {
    long millis = Duration.between(lastChange, clock.instant()).toMillis();
    queuedArea += (double) waiting.size() * millis;
    lastChange = clock.instant();
  }

  private double expectedArrivals(LocalDateTime local) {
    int hour = local.getHour();
    double hourShare =
        hour >= DESK_OPENS && hour < DESK_CLOSES
            ? (hour >= 10 && hour < 17 ? 1.3 : 0.8) / 14.0
            : 0.02;
    double dayFactor = calendar.isWorkingDay(local.toLocalDate()) ? 1.0 : 0.6;
    return options.ticketsPerDay() * dayFactor * hourShare * HALF_HOUR.toMinutes() / 60.0;
  }

  private int poisson(double lambda) {
    if (lambda > 30) {
      return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
    }
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  // ---- the contact ------------------------------------------------------------------------------

  private void arrive(IntervalStats stats) {
    Category category = pick(CATEGORIES, CATEGORY_WEIGHTS);
    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
    boolean hotProblem = category.equals(Category.PRODUCT_FAULT) && random.nextInt(3) == 0;
    if (hotProblem) {
      product = PRODUCTS[0];
    }
    Ticket t =
        open(
            pick(CHANNELS, CHANNEL_WEIGHTS),
            product,
            hotProblem
                ? "电池鼓包，充电时发烫"
                : category.name().toLowerCase(java.util.Locale.ROOT) + " issue with " + product);
    Level severity = hotProblem ? Level.HIGH : level(45, 40);
    Ticket classified =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(category, level(70, 25), level(40, 40), severity),
            INTAKE);
    if (category.equals(Category.COMPLAINT)
        && severity == Level.HIGH
        && classified.escalationLevel() == 0) {
      desk.escalate(
          t.id(),
          classified.version(),
          Escalation.of(1, "lead-cs", "serious complaint"),
          Actor.SYSTEM);
    }
    if (stats.agents > 0
        && stats
            .start
            .toLocalDate()
            .equals(LocalDateTime.ofInstant(clock.instant(), ZONE).toLocalDate())) {
      stats.arrivals++;
    }
    accumulateLoad();
    recentArrivals.addLast(clock.instant());
    Waiting w = new Waiting(t.id(), clock.instant(), CORE.contains(category), stats);
    waiting.add(w);
    dispatch();
    if (waiting.contains(w) && surgeControl != null && surgeControl.state() == SurgeState.SURGE) {
      tellExpectedWait(w, stats);
    }
  }

  private Ticket open(Channel channel, String product, String problem) {
    int customer = random.nextInt(Math.max(50, options.ticketsPerDay() * 3));
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(channel)
                .customer(
                    Customer.builder("C-" + customer)
                        .name("客户" + customer)
                        .phone(String.format("139%08d", customer))
                        .address("上海市浦东新区世纪大道 " + (1 + customer % 2000) + " 号")
                        .tier(customer % 10 == 0 ? CustomerTier.VIP : CustomerTier.STANDARD)
                        .build())
                .product(product)
                .problem(problem)
                .alreadyTried(random.nextBoolean() ? "重启过" : "")
                .build(),
            INTAKE);
    tickets.add(t.id());
    openedOn.put(t.id(), clock.instant().atZone(ZONE).toLocalDate());
    openedToday++;
    return t;
  }

  private void tellExpectedWait(Waiting w, IntervalStats stats) {
    int agents = Math.max(1, (int) roster.stream().filter(this::online).count());
    int ahead = waiting.indexOf(w);
    ErlangC model = ErlangC.of(Math.max(stats.forecast, 1e-9), HALF_HOUR, AVERAGE_HANDLE_TIME);
    String message = ExpectedWait.behind(model, agents, ahead).describe();
    waitMessagesGiven++;
    if (waitMessages.size() < 8) {
      waitMessages.add(
          LocalDateTime.ofInstant(clock.instant(), ZONE).toLocalTime().withNano(0)
              + " "
              + w.id
              + " ("
              + ahead
              + " ahead): "
              + message);
    }
  }

  /**
   * Routes waiting contacts to free agents: first come first served, and core categories first
   * during surge.
   */
  private void dispatch() {
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      boolean surge = surgeControl != null && surgeControl.state() == SurgeState.SURGE;
      List<Waiting> order = new ArrayList<>(waiting);
      if (surge) {
        order.sort(Comparator.comparing((Waiting w) -> !w.core));
      }
      boolean coreWaiting = false;
      for (Waiting w : order) {
        Ticket t = desk.get(w.id);
        RoutingInput input = RoutingInput.from(t).build();
        if (!surge) {
          Router.Routed routed = router.routeOnDesk(desk, t, input, DISPATCHER);
          if (routed.result().agent().isEmpty()) {
            break;
          }
          answer(w, routed.ticket(), routed.result().agent().get().agentId());
          continue;
        }
        if (!w.core) {
          if (!w.deferred) {
            SurgeRouting deferral = surgeRouter.route(input);
            w.deferred = true;
            deferred++;
            deferral.selfService().forEach(s -> suggestions.merge(s, 1, Integer::sum));
          }
          if (coreWaiting) {
            continue;
          }
          Router.Routed routed = router.routeOnDesk(desk, t, input, DISPATCHER);
          if (routed.result().agent().isEmpty()) {
            break;
          }
          answer(w, routed.ticket(), routed.result().agent().get().agentId());
          continue;
        }
        SurgeRouter.Routed routed = surgeRouter.routeOnDesk(desk, t, input, DISPATCHER);
        if (!routed.routing().assigned()) {
          coreWaiting = true;
          continue;
        }
        if (routed.routing().disposition() == SurgeRouting.Disposition.OVERFLOWED) {
          overflowed.merge(
              routed.routing().result().assignment().orElseThrow().department(), 1, Integer::sum);
        } else {
          routedToOwnQueue++;
        }
        answer(w, routed.ticket(), routed.routing().result().agent().orElseThrow().agentId());
      }
    } finally {
      dispatching = false;
    }
  }

  private void answer(Waiting w, Ticket assigned, String agentId) {
    accumulateLoad();
    waiting.remove(w);
    Duration wait = Duration.between(w.openedAt, clock.instant());
    firstWait.put(w.id, wait);
    if (w.interval.agents > 0) {
      w.interval.answered++;
      if (wait.compareTo(ANSWER_TARGET) <= 0) {
        w.interval.inTime++;
      }
    }
    if (agentId.equals(RESPONSE_TEAM_AGENT)) {
      return;
    }
    desk.start(assigned.id(), assigned.version(), Actor.of(agentId, Role.AGENT));
    busy++;
    double handle = -Math.log(1 - random.nextDouble()) * AVERAGE_HANDLE_TIME.toMillis();
    after(
        Duration.ofMillis(Math.max(1000, (long) handle)), () -> endContact(assigned.id(), agentId));
  }

  /**
   * The contact ends: the agent is free again, and the ticket is resolved now or after follow-up
   * work.
   */
  private void endContact(TicketId id, String agentId) {
    accumulateLoad();
    busy--;
    router.agents().release(agentId);
    Ticket t = desk.get(id);
    Category c = t.category().orElse(Category.CONSULTATION);
    Actor agent = Actor.of(agentId, Role.AGENT);
    int roll = random.nextInt(100);
    if (!t.status().equals(TicketStatus.IN_PROGRESS)) {
      after(minutes(10, 60), () -> advance(id));
      dispatch();
      return;
    }
    int resolveNow =
        c.equals(Category.CONSULTATION) || c.equals(Category.SUGGESTION)
            ? 92
            : c.equals(Category.PRODUCT_FAULT) ? 40 : 55;
    if (roll < resolveNow) {
      resolve(t, agent);
    } else if (c.equals(Category.PRODUCT_FAULT) && roll >= 92) {
      Ticket moved =
          desk.assign(
              id,
              t.version(),
              Assignment.of(
                  "l2-" + (1 + random.nextInt(4)),
                  "technical-support",
                  "second-line engineer for " + t.product()),
              DISPATCHER);
      after(minutes(30, 180), () -> advance(moved.id()));
    } else {
      after(minutes(60, 16 * 60), () -> advance(id));
    }
    dispatch();
  }

  private void resolve(Ticket t, Actor agent) {
    desk.resolve(t.id(), t.version(), "handled as per the service standard", agent);
    scheduleCallback(t.id());
  }

  private void scheduleCallback(TicketId id) {
    Instant when = clock.instant().plus(minutes(60, 6 * 60));
    ZonedDateTime local = when.atZone(ZONE);
    if (local.getHour() < 9 || local.getHour() >= 20) {
      LocalDate day = local.getHour() < 9 ? local.toLocalDate() : local.toLocalDate().plusDays(1);
      when = day.atTime(9, 0).atZone(ZONE).toInstant().plus(minutes(0, 180));
    }
    at(when, () -> advance(id));
  }

  private Duration minutes(int from, int to) {
    return Duration.ofMinutes(from + random.nextInt(Math.max(1, to - from)));
  }

  /** Takes the ticket's next step after the contact. */
  private void advance(TicketId id) {
    Ticket t = desk.get(id);
    TicketStatus s = t.status();
    long v = t.version();
    Actor owner = Actor.of(t.assignee().orElse(SUPERVISOR), Role.AGENT);
    if (s.equals(TicketStatus.RECEIVED)) {
      Ticket classified =
          desk.classify(
              id,
              v,
              Classification.of(
                  t.category().orElse(Category.CONSULTATION),
                  Level.MEDIUM,
                  Level.MEDIUM,
                  Level.MEDIUM),
              INTAKE);
      String previous =
          desk.history(id).stream()
              .map(TicketEvent::change)
              .filter(TicketChange.Assigned.class::isInstance)
              .map(c -> ((TicketChange.Assigned) c).assignee())
              .reduce((a, b) -> b)
              .orElse(SUPERVISOR);
      desk.assign(
          id,
          classified.version(),
          Assignment.of(previous, "customer-service", "reopened: back to its agent"),
          DISPATCHER);
      after(minutes(10, 120), () -> advance(id));
    } else if (s.equals(TicketStatus.ASSIGNED)) {
      desk.start(id, v, owner);
      after(minutes(30, 240), () -> advance(id));
    } else if (s.equals(TicketStatus.IN_PROGRESS)) {
      if (!waitedOnce.contains(id) && random.nextInt(100) < 12) {
        waitedOnce.add(id);
        desk.waitOnCustomer(id, v, "photos and the invoice are needed", owner);
        after(minutes(60, 24 * 60), () -> advance(id));
      } else {
        resolve(t, owner);
      }
    } else if (s.equals(TicketStatus.WAITING_ON_CUSTOMER)
        || s.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
      desk.resume(id, v, owner);
      after(minutes(30, 240), () -> advance(id));
    } else if (s.equals(TicketStatus.RESOLVED)
        || (s.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
      Ticket afterCallback = desk.recordCallback(id, v, callbackResult(id), CALLBACK_DESK);
      if (afterCallback.status().equals(TicketStatus.CALLBACK)
          && !afterCallback.isCallbackConfirmed()) {
        after(minutes(4 * 60, 24 * 60), () -> advance(id));
      } else if (!afterCallback.status().equals(TicketStatus.UNREACHABLE)) {
        after(minutes(5, 60), () -> advance(id));
      }
    } else if (s.equals(TicketStatus.CALLBACK)) {
      desk.close(id, v, CALLBACK_DESK);
      closedToday++;
    }
  }

  /** Customers who waited long for an answer are less often satisfied. */
  private CallbackResult callbackResult(TicketId id) {
    Duration wait = firstWait.getOrDefault(id, Duration.ZERO);
    int unhappy =
        1
            + (wait.compareTo(ANSWER_TARGET) > 0 ? 3 : 0)
            + (wait.compareTo(Duration.ofMinutes(5)) > 0 ? 15 : 0);
    int roll = random.nextInt(100);
    if (roll < 3) {
      return CallbackResult.notReached(
          roll < 2 ? CallbackOutcome.NO_ANSWER : CallbackOutcome.WRONG_NUMBER, "");
    }
    if (roll < 3 + unhappy) {
      return CallbackResult.reached(
          false, 1 + random.nextInt(2), Satisfaction.of(2, 1 + random.nextInt(3), 2), "问题没有解决");
    }
    int rating = random.nextInt(100) < 1 ? 3 : random.nextInt(100) < 70 ? 5 : 4;
    return CallbackResult.reached(
        true, rating, Satisfaction.of(rating, Math.max(1, rating - random.nextInt(2)), rating), "");
  }

  /** A complaint exposed on social media: the public-opinion fast lane at work. */
  private void publicOpinionIncident() {
    Ticket t = open(Channel.SOCIAL_MEDIA, PRODUCTS[0], "微博曝光：X9 手机电池鼓包，客服不处理");
    Ticket classified =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(PublicOpinionFastLane.CATEGORY, Level.HIGH, Level.HIGH, Level.HIGH),
            INTAKE);
    incident.add(
        time()
            + " opened from SOCIAL_MEDIA, classified "
            + PublicOpinionFastLane.CATEGORY.name()
            + ", priority by the matrix "
            + classified.priority().map(p -> p.priority().name()).orElse("-"));
    Router.Routed routed =
        router.routeOnDesk(desk, classified, RoutingInput.from(classified).build(), DISPATCHER);
    Ticket after = routed.ticket();
    incident.add(
        time()
            + " routed by rule "
            + PublicOpinionFastLane.RULE_ID
            + ": priority "
            + after.priority().map(p -> p.priority().name()).orElse("-")
            + ", "
            + after.department().orElse("-")
            + " / "
            + after.assignee().orElse("-")
            + ", first response due within "
            + PublicOpinionFastLane.RESPONSE_TARGET.toMinutes()
            + " minutes round the clock");
    after(
        Duration.ofMinutes(35),
        () -> {
          Ticket current = desk.get(t.id());
          desk.start(t.id(), current.version(), Actor.of(RESPONSE_TEAM_AGENT, Role.AGENT));
          String result =
              slaOutcomes.stream()
                  .filter(o -> o.ticketId().equals(t.id()) && o.target().equals("FIRST_RESPONSE"))
                  .map(o -> o.result().name())
                  .reduce((a, b) -> b)
                  .orElse("pending");
          incident.add(
              time()
                  + " response team answered publicly after 35 minutes: first response "
                  + result);
          router.agents().release(RESPONSE_TEAM_AGENT);
          after(
              Duration.ofHours(3),
              () -> {
                Ticket c = desk.get(t.id());
                desk.resolve(
                    t.id(),
                    c.version(),
                    "battery replaced, public reply posted",
                    Actor.of(RESPONSE_TEAM_AGENT, Role.AGENT));
                incident.add(
                    time()
                        + " resolved: battery replaced, public reply posted; callback scheduled");
                scheduleCallback(t.id());
              });
        });
  }

  private String time() {
    return LocalDateTime.ofInstant(clock.instant(), ZONE).toString().replace('T', ' ');
  }

  private Level level(int lowPercent, int mediumPercent) {
    int roll = random.nextInt(100);
    return roll < lowPercent
        ? Level.LOW
        : roll < lowPercent + mediumPercent ? Level.MEDIUM : Level.HIGH;
  }

  private <T> T pick(T[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static void drawProgress(PrintStream out, long step, long total, int day) {
    int width = 40;
    int filled = (int) (width * step / Math.max(1, total));
    out.print(
        "\r["
            + "#".repeat(filled)
            + ".".repeat(width - filled)
            + "] "
            + (100 * step / Math.max(1, total))
            + "% day "
            + day);
    out.flush();
  }
}
