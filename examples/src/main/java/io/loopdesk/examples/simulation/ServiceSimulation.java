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
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.insights.RecurringProblem;
import io.loopdesk.insights.SlaOutcome;
import io.loopdesk.quality.AgentProfile;
import io.loopdesk.quality.QualitySampler;
import io.loopdesk.quality.SampledTicket;
import io.loopdesk.quality.SamplingPlan;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulates days at a Chinese after-sales service desk on the real Loopdesk modules: tickets from
 * all channels, agents with skills and shifts, SLA clocks on a business calendar with the National
 * Day holiday and a make-up working day, supervisor escalation on SLA breaches, serious complaints
 * escalated to the team lead, callbacks with some unsatisfied and some unreachable customers, KPIs,
 * a quality sample and an improvement plan for the most frequent problem. Deterministic for a seed.
 * Not thread-safe: one run per instance.
 */
public final class ServiceSimulation {
  /** The desk's zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 28);
  private static final Duration STEP = Duration.ofMinutes(10);
  private static final Channel[] CHANNELS = {Channel.PHONE, Channel.ONLINE_CHAT, Channel.APP, Channel.EMAIL,
      Channel.SOCIAL_MEDIA, Channel.PAPER_FORM, Channel.ON_SITE};
  private static final int[] CHANNEL_WEIGHTS = {35, 25, 15, 10, 8, 2, 5};
  private static final Category[] CATEGORIES = {Category.PRODUCT_FAULT, Category.CONSULTATION,
      Category.SERVICE_EXPERIENCE, Category.COMPLAINT, Category.SUGGESTION};
  private static final int[] CATEGORY_WEIGHTS = {40, 25, 15, 12, 8};
  private static final String[] PRODUCTS = {"X9 手机", "R2 路由器", "KFR-35 空调", "S7 扫地机器人", "W5 手表"};
  private static final Actor SYSTEM_INTAKE = Actor.of("intake", Role.SYSTEM);
  private static final Actor CALLBACK_DESK = Actor.of("callback-desk", Role.AGENT);
  private static final String SUPERVISOR = "sup-01";

  private final SimulationOptions options;
  private final Random random;
  private final ManualClock clock = ManualClock.at(FIRST_DAY.atStartOfDay(ZONE).toInstant(), ZONE);
  private final List<Agent> agents = new ArrayList<>();
  private final Map<String, Integer> load = new HashMap<>();
  private final Map<TicketId, String> holder = new HashMap<>();
  private final Map<String, Integer> unsatisfied = new HashMap<>();
  private final Set<TicketId> waitedOnce = new HashSet<>();
  private final List<TicketId> tickets = new ArrayList<>();
  private final PriorityQueue<Due> queue = new PriorityQueue<>();
  private final AtomicInteger escalations = new AtomicInteger();
  private final List<SlaOutcome> slaOutcomes = new ArrayList<>();
  private final BusinessCalendar calendar;
  private final ServiceDesk desk;
  private final SlaTracker sla;
  private long sequence;
  private int openTickets;

  private record Agent(String id, String department, Set<Category> skills, int shiftStartHour, boolean newAgent) {}

  private record Due(Instant at, long sequence, TicketId ticket) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /**
   * Prepares a run.
   *
   * @param options size, seed and output
   */
  public ServiceSimulation(SimulationOptions options) {
    this.options = options;
    this.random = new Random(options.seed());
    calendar = BusinessCalendar.builder("cn-business", ZONE)
        .weekdays(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            WorkingInterval.of(LocalTime.of(13, 30), LocalTime.of(18, 0)))
        .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
        .workingDayLike(LocalDate.of(2026, 10, 10), DayOfWeek.FRIDAY, "make-up working day")
        .build();
    SlaPolicy policy = SlaPolicy.defaults().toBuilder()
        .target(SlaMetric.RESOLUTION, Priority.P2, SlaTarget.on("cn-business", Duration.ofHours(24)))
        .build();
    // one entry point wires tracker, desk and escalation; the simulation drives the SLA clock itself
    Loopdesk loopdesk = Loopdesk.builder()
        .clock(clock)
        .calendar(calendar)
        .slaPolicy(policy)
        .idGenerator(() -> TicketId.of(String.format("SR-%06d", tickets.size() + 1)))
        .listener(this::track)
        .slaListener(event -> {
          if (event instanceof SlaEvent.Met met) {
            slaOutcomes.add(new SlaOutcome(met.ticketId(), met.metric().name(), met.withinTarget(), met.at()));
          } else if (event instanceof SlaEvent.Breached breached) {
            slaOutcomes.add(new SlaOutcome(breached.ticketId(), breached.metric().name(), false, breached.at()));
          }
        })
        .supervisor(SUPERVISOR, "customer-service")
        .escalationNotifier(action -> escalations.incrementAndGet())
        .withoutMonitor()
        .build();
    desk = loopdesk.desk();
    sla = loopdesk.sla();
    for (int i = 0; i < options.agents(); i++) {
      boolean technical = i % 2 == 0;
      Set<Category> skills = technical
          ? Set.of(Category.PRODUCT_FAULT, Category.CONSULTATION)
          : Set.of(Category.SERVICE_EXPERIENCE, Category.COMPLAINT, Category.SUGGESTION, Category.CONSULTATION);
      agents.add(new Agent(String.format("agent-%02d", i + 1), technical ? "technical-support" : "customer-service",
          skills, i % 4 < 2 ? 8 : 13, i % 4 == 3));
    }
  }

  private void track(TicketEvent event, Ticket ticket) {
    TicketChange change = event.change();
    if (change instanceof TicketChange.Opened) {
      openTickets++;
    } else if (change instanceof TicketChange.Closed) {
      openTickets--;
    }
    if (change instanceof TicketChange.Assigned assigned) {
      release(event.ticketId());
      holder.put(event.ticketId(), assigned.assignee());
      load.merge(assigned.assignee(), 1, Integer::sum);
    } else if (change instanceof TicketChange.Resolved) {
      release(event.ticketId());
    } else if (change instanceof TicketChange.Escalated) {
      escalations.incrementAndGet();
    } else if (change instanceof TicketChange.CallbackRecorded c && c.effect() == TicketChange.CallbackEffect.REOPENED) {
      ticket.assignee().ifPresent(a -> unsatisfied.merge(a, 1, Integer::sum));
    }
  }

  private void release(TicketId id) {
    String previous = holder.remove(id);
    if (previous != null) {
      load.merge(previous, -1, Integer::sum);
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
    List<DayPoint> days = new ArrayList<>();
    int openedToday = 0;
    int closedToday = 0;
    int warningsToday = 0;
    int breachesToday = 0;
    long totalSteps = Duration.between(start, end).dividedBy(STEP);
    long step = 0;
    LocalDate today = FIRST_DAY;
    while (clock.instant().isBefore(end)) {
      int arrivals = poisson(expectedArrivals(clock.instant()));
      for (int i = 0; i < arrivals; i++) {
        open();
        openedToday++;
      }
      while (!queue.isEmpty() && !queue.peek().at().isAfter(clock.instant())) {
        if (advance(queue.poll().ticket())) {
          closedToday++;
        }
      }
      for (SlaEvent e : sla.tick(clock.instant())) {
        if (e instanceof SlaEvent.Warned) {
          warningsToday++;
        } else if (e instanceof SlaEvent.Breached) {
          breachesToday++;
        }
      }
      clock.advance(STEP);
      step++;
      LocalDate date = clock.instant().atZone(ZONE).toLocalDate();
      if (!date.equals(today)) {
        days.add(new DayPoint(today, calendar.isWorkingDay(today), openedToday, closedToday, openTickets,
            warningsToday, breachesToday));
        today = date;
        openedToday = closedToday = warningsToday = breachesToday = 0;
      }
      if (progress != null && (step % Math.max(1, totalSteps / 50) == 0 || step == totalSteps)) {
        drawProgress(progress, step, totalSteps, days.size());
      }
    }
    if (progress != null) {
      progress.println();
    }
    List<TicketEvent> events = new ArrayList<>();
    List<Ticket> finalTickets = new ArrayList<>();
    for (TicketId id : tickets) {
      events.addAll(desk.history(id));
      finalTickets.add(desk.get(id));
    }
    KpiReport kpis = KpiCalculator.of(ZONE, 10).compute(events, slaOutcomes, clock.instant());
    Map<String, Agent> byId = new HashMap<>();
    agents.forEach(a -> byId.put(a.id(), a));
    double averageUnsatisfied = unsatisfied.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    SamplingPlan samplingPlan = SamplingPlan.builder()
        .seed(options.seed())
        .highComplaintThreshold(Math.max(3, (int) Math.ceil(2 * averageUnsatisfied)))
        .build();
    List<SampledTicket> sample = new QualitySampler(samplingPlan)
        .sample(finalTickets, id -> new AgentProfile(id, byId.containsKey(id) && byId.get(id).newAgent(),
            unsatisfied.getOrDefault(id, 0)));
    ImprovementPlan plan = improvementPlan(kpis, finalTickets);
    return new SimulationResult(options, start, clock.instant(), days, kpis, sample, plan, escalations.get(), events.size());
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

  private ImprovementPlan improvementPlan(KpiReport kpis, List<Ticket> finalTickets) {
    if (kpis.topProblems().isEmpty()) {
      return null;
    }
    RecurringProblem top = kpis.topProblems().get(0);
    List<TicketId> linked = finalTickets.stream()
        .filter(t -> t.product().equals(top.product()) && t.category().map(c -> c.name().equals(top.category())).orElse(false))
        .map(Ticket::id).toList();
    ImprovementPlans plans = new ImprovementPlans(clock, calendar);
    Instant begin = clock.instant();
    ImprovementPlan p = plans.create(new ImprovementPlan("plan-1", 0, top.product() + " " + top.category(),
        "to be confirmed by root-cause analysis of " + top.tickets() + " tickets",
        "halve tickets about " + top.product() + " next month",
        List.of("analyse returned units", "fix with the supplier", "update the FAQ and the hotline script"),
        "quality", "qa-lead", begin, calendar.addWorkingDays(begin, 20), false, null, Set.copyOf(linked),
        List.of(new PlanTask("analyse", "analyse returned units", "quality", calendar.addWorkingDays(begin, 5), false),
            new PlanTask("faq", "update the FAQ and the hotline script", "customer-service",
                calendar.addWorkingDays(begin, 10), false)),
        List.of()));
    p = plans.start(p.id(), p.version());
    return plans.completeTask(p.id(), p.version(), "faq");
  }

  private double expectedArrivals(Instant at) {
    ZonedDateTime local = at.atZone(ZONE);
    int hour = local.getHour();
    double hourShare = hour >= 8 && hour < 22 ? (hour >= 10 && hour < 17 ? 1.3 : 0.8) / 14.0 : 0.02;
    double dayFactor = calendar.isWorkingDay(local.toLocalDate()) ? 1.0 : 0.6;
    return options.ticketsPerDay() * dayFactor * hourShare / 6.0;
  }

  private int poisson(double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private void open() {
    Category category = pick(CATEGORIES, CATEGORY_WEIGHTS);
    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
    boolean hotProblem = category.equals(Category.PRODUCT_FAULT) && random.nextInt(3) == 0;
    if (hotProblem) {
      product = PRODUCTS[0];
    }
    int customer = random.nextInt(Math.max(50, options.ticketsPerDay() * 3));
    Ticket t = desk.open(NewTicket.builder()
        .channel(pick(CHANNELS, CHANNEL_WEIGHTS))
        .customer(Customer.builder("C-" + customer)
            .name("客户" + customer)
            .phone(String.format("139%08d", customer))
            .address("上海市浦东新区世纪大道 " + (1 + customer % 2000) + " 号")
            .tier(customer % 10 == 0 ? CustomerTier.VIP : CustomerTier.STANDARD)
            .build())
        .product(product)
        .problem(hotProblem ? "电池鼓包，充电时发烫" : category.name().toLowerCase() + " issue with " + product)
        .alreadyTried(random.nextBoolean() ? "重启过" : "")
        .build(), SYSTEM_INTAKE);
    tickets.add(t.id());
    schedule(t.id(), Duration.ofMinutes(1 + random.nextInt(20)));
  }

  private void schedule(TicketId id, Duration after) {
    queue.add(new Due(clock.instant().plus(after), sequence++, id));
  }

  /** Takes the ticket's next natural step; returns true if it closed. */
  private boolean advance(TicketId id) {
    Ticket t = desk.get(id);
    TicketStatus s = t.status();
    long v = t.version();
    Actor owner = Actor.of(t.assignee().orElse(SUPERVISOR), Role.AGENT);
    if (s.equals(TicketStatus.RECEIVED)) {
      Category category = t.category().orElseGet(() -> pick(CATEGORIES, CATEGORY_WEIGHTS));
      boolean battery = t.problem().contains("电池");
      Level severity = battery ? Level.HIGH : level(15, 45);
      Ticket classified = desk.classify(id, v, Classification.of(category, level(70, 25), level(40, 40), severity),
          Actor.of("hotline", Role.AGENT));
      if (category.equals(Category.COMPLAINT) && severity == Level.HIGH && classified.escalationLevel() == 0) {
        desk.escalate(id, classified.version(), Escalation.of(1, "lead-cs", "serious complaint"), Actor.SYSTEM);
      }
      schedule(id, Duration.ofMinutes(5 + random.nextInt(25)));
    } else if (s.equals(TicketStatus.CLASSIFIED)) {
      Agent agent = availableAgent(t.category().orElse(Category.CONSULTATION));
      if (agent == null) {
        schedule(id, STEP);
      } else {
        desk.assign(id, v, Assignment.of(agent.id(), agent.department(),
            "skill " + t.category().orElseThrow() + ", least loaded on shift"), Actor.of("dispatcher", Role.TEAM_LEAD));
        schedule(id, Duration.ofMinutes(5 + random.nextInt(40)));
      }
    } else if (s.equals(TicketStatus.ASSIGNED)) {
      if (onShift(t.assignee().orElse(SUPERVISOR))) {
        desk.start(id, v, owner);
        schedule(id, workDuration(t));
      } else {
        schedule(id, Duration.ofMinutes(30));
      }
    } else if (s.equals(TicketStatus.IN_PROGRESS)) {
      if (!waitedOnce.contains(id) && random.nextInt(100) < 15) {
        waitedOnce.add(id);
        desk.waitOnCustomer(id, v, "photos and the invoice are needed", owner);
        schedule(id, Duration.ofHours(1 + random.nextInt(24)));
      } else {
        desk.resolve(id, v, "handled as per the service standard", owner);
        schedule(id, Duration.ofHours(2 + random.nextInt(28)));
      }
    } else if (s.equals(TicketStatus.WAITING_ON_CUSTOMER) || s.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
      desk.resume(id, v, owner);
      schedule(id, workDuration(t));
    } else if (s.equals(TicketStatus.RESOLVED) || (s.equals(TicketStatus.CALLBACK) && !t.isCallbackConfirmed())) {
      Ticket after = desk.recordCallback(id, v, callbackResult(), CALLBACK_DESK);
      if (!after.status().equals(TicketStatus.UNREACHABLE)) {
        schedule(id, after.status().equals(TicketStatus.CALLBACK) && !after.isCallbackConfirmed()
            ? Duration.ofHours(4 + random.nextInt(20)) : Duration.ofMinutes(5 + random.nextInt(60)));
      }
    } else if (s.equals(TicketStatus.CALLBACK)) {
      desk.close(id, v, CALLBACK_DESK);
      return true;
    }
    return false;
  }

  private CallbackResult callbackResult() {
    int roll = random.nextInt(100);
    if (roll < 8) {
      return CallbackResult.notReached(roll < 6 ? CallbackOutcome.NO_ANSWER : CallbackOutcome.WRONG_NUMBER, "");
    }
    if (roll < 18) {
      return CallbackResult.reached(false, 1 + random.nextInt(2), Satisfaction.of(2, 1 + random.nextInt(3), 2), "问题没有解决");
    }
    int rating = 3 + random.nextInt(3);
    return CallbackResult.reached(true, rating,
        Satisfaction.of(rating, Math.max(1, rating - random.nextInt(2)), rating), "");
  }

  private Duration workDuration(Ticket t) {
    Category c = t.category().orElse(Category.CONSULTATION);
    int base = c.equals(Category.PRODUCT_FAULT) ? 240 : c.equals(Category.CONSULTATION) ? 20 : 120;
    return Duration.ofMinutes(base / 2 + random.nextInt(base * 2));
  }

  private Agent availableAgent(Category category) {
    Agent best = null;
    for (Agent a : agents) {
      if (a.skills().contains(category) && onShift(a.id()) && load.getOrDefault(a.id(), 0) < 6
          && (best == null || load.getOrDefault(a.id(), 0) < load.getOrDefault(best.id(), 0))) {
        best = a;
      }
    }
    return best;
  }

  private boolean onShift(String agentId) {
    int hour = clock.instant().atZone(ZONE).getHour();
    for (Agent a : agents) {
      if (a.id().equals(agentId)) {
        return hour >= a.shiftStartHour() && hour < a.shiftStartHour() + 9;
      }
    }
    return hour >= 8 && hour < 22;
  }

  private Level level(int lowPercent, int mediumPercent) {
    int roll = random.nextInt(100);
    return roll < lowPercent ? Level.LOW : roll < lowPercent + mediumPercent ? Level.MEDIUM : Level.HIGH;
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
    out.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
        + (100 * step / Math.max(1, total)) + "% day " + day);
    out.flush();
  }
}
