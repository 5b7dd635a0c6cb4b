package io.loopdesk.desk;

import io.loopdesk.access.AccessControl;
import io.loopdesk.access.AccessDirectory;
import io.loopdesk.access.AccessPolicy;
import io.loopdesk.access.AuditLog;
import io.loopdesk.access.InMemoryAuditLog;
import io.loopdesk.access.SecuredServiceDesk;
import io.loopdesk.api.Actor;
import io.loopdesk.api.PriorityModel;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketListener;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.KnowledgeBase;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.ClosedLoopPolicy;
import io.loopdesk.core.HistoryChain;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.desk.internal.DeferredEscalationHandler;
import io.loopdesk.routing.AgentPool;
import io.loopdesk.routing.EscalationChain;
import io.loopdesk.routing.Escalations;
import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.Router;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.routing.SelectionStrategy;
import io.loopdesk.sla.EscalationAction;
import io.loopdesk.sla.EscalationHandler;
import io.loopdesk.sla.EscalationPolicy;
import io.loopdesk.sla.ServiceDeskEscalationHandler;
import io.loopdesk.sla.SlaListener;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.sla.SlaMonitor;
import io.loopdesk.sla.SlaPolicy;
import io.loopdesk.sla.SlaTracker;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.ChinaPublicHolidays;
import io.loopdesk.sla.calendar.PublicHolidays;
import io.loopdesk.store.jdbc.JdbcTicketStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One entry point to a whole desk: the service desk on its store, business calendars, the SLA
 * tracker and its monitor, escalation, routing, access control with secured views per actor, and an
 * optional knowledge base, wired in the right order. The SLA tracker and the escalation handler
 * refer to each other (the tracker feeds the desk its deadlines, the handler escalates on the
 * desk); {@link Builder#build()} closes that loop itself.
 *
 * <pre>{@code
 * try (Loopdesk loopdesk = Loopdesk.builder()
 *         .clock(clock)
 *         .calendar(BusinessCalendar.builder("office", ZoneId.of("Asia/Shanghai"))
 *                 .weekdays(WorkingInterval.parse("09:00-18:00")).build())
 *         .chinaHolidays()
 *         .build()) {
 *     ServiceDesk desk = loopdesk.desk();
 * }
 * }</pre>
 *
 * <p>Every part stays usable alone ({@code ServiceDesks.builder()}, {@code SlaTracker.builder(..)},
 * {@code AccessControl.builder(..)}, {@code Router.create(..)}); this class only saves the wiring.
 * The same desk can be described in one YAML file, see {@link DeskDefinition} and {@link
 * #fromYaml(Path)}.
 *
 * <p>Closing stops the SLA monitor, shuts down the scheduler if Loopdesk created it and closes the
 * knowledge base given to the builder; the store and a scheduler passed in stay the host's.
 * Thread-safe. The SLA tracker is single-JVM unless built with {@link Builder#cluster(String)} on a
 * store with an event feed.
 */
public final class Loopdesk implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Loopdesk.class);

  /** The purpose recorded in the audit log for every escalation the SLA tracker carries out. */
  public static final String SLA_ESCALATION_PURPOSE = "sla-escalation";

  private final Clock clock;
  private final TicketStore store;
  private final ServiceDesk desk;
  private final CalendarRegistry calendars;
  private final SlaTracker sla;
  private final SlaMonitor monitor;
  private final ScheduledExecutorService ownedScheduler;
  private final Router router;
  private final Escalations escalations;
  private final AccessControl access;
  private final AccessDirectory directory;
  private final AuditLog audit;
  private final KnowledgeBase knowledgeBase;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Loopdesk(
      Builder b,
      TicketStore store,
      CalendarRegistry calendars,
      SlaTracker sla,
      ServiceDesk desk,
      AccessDirectory directory,
      AccessControl access,
      Escalations escalations,
      Router router,
      SlaMonitor monitor,
      ScheduledExecutorService ownedScheduler) {
    this.clock = b.clock;
    this.store = store;
    this.calendars = calendars;
    this.sla = sla;
    this.desk = desk;
    this.directory = directory;
    this.access = access;
    this.audit = b.audit;
    this.escalations = escalations;
    this.router = router;
    this.monitor = monitor;
    this.ownedScheduler = ownedScheduler;
    this.knowledgeBase = b.knowledgeBase;
  }

  /**
   * Returns a builder with an in-memory store, the standard lifecycle, policies and the UTC system
   * clock.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder set up from a desk definition file (YAML or JSON, by extension); the host
   * still adds what a file cannot hold, such as the clock, the store or the knowledge base.
   *
   * @param file the definition
   * @return the builder
   * @throws DeskDefinitionException naming the path of the first problem in the file
   */
  public static Builder fromYaml(Path file) {
    return builder().definition(DeskDefinition.read(file));
  }

  /**
   * Returns the raw service desk. Hand users {@link #as(Actor)} views instead: this one checks no
   * rights.
   */
  public ServiceDesk desk() {
    return desk;
  }

  /** Returns the store the desk keeps tickets in. */
  public TicketStore store() {
    return store;
  }

  /** Returns the clock every part uses. */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the business calendars; the default calendar is the one the default SLA targets run on.
   */
  public CalendarRegistry calendars() {
    return calendars;
  }

  /**
   * Returns the SLA tracker (status, audit trail, listeners, and {@code tick} for hosts without a
   * monitor).
   */
  public SlaTracker sla() {
    return sla;
  }

  /** Returns the running SLA monitor, or empty when built with {@link Builder#withoutMonitor()}. */
  public Optional<SlaMonitor> monitor() {
    return Optional.ofNullable(monitor);
  }

  /** Returns the router with its rules and agent pool. */
  public Router routing() {
    return router;
  }

  /** Returns the department escalation chains, when the builder was given at least one. */
  public Optional<Escalations> escalations() {
    return Optional.ofNullable(escalations);
  }

  /** Returns the access control that hands out secured views. */
  public AccessControl access() {
    return access;
  }

  /** Returns the directory of roles, queues and teams. */
  public AccessDirectory directory() {
    return directory;
  }

  /** Returns the audit log of access decisions and system actions. */
  public AuditLog audit() {
    return audit;
  }

  /**
   * Returns the desk as seen and operated by one authenticated actor: {@code access().as(actor)}.
   *
   * @param actor the user and the role they act in
   * @return the secured view
   */
  public SecuredServiceDesk as(Actor actor) {
    return access.as(actor);
  }

  /** Returns the knowledge base given to the builder, if any. */
  public Optional<KnowledgeBase> knowledgeBase() {
    return Optional.ofNullable(knowledgeBase);
  }

  /** True once {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Stops the SLA monitor and the scheduler Loopdesk created, and closes the knowledge base.
   * Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (monitor != null) {
      monitor.close();
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    if (knowledgeBase != null) {
      knowledgeBase.close();
    }
    LOG.info("Loopdesk closed");
  }

  /** Configures a {@link Loopdesk}; not thread-safe. Every setting has a working default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private TicketStore store;
    private DataSource dataSource;
    private Path embeddedH2;
    private Lifecycle lifecycle;
    private ClosedLoopPolicy closedLoop;
    private PriorityModel priorityModel;
    private HistoryChain historyChain;
    private Supplier<TicketId> idGenerator;
    private final List<TicketListener> listeners = new ArrayList<>();
    private UnaryOperator<TicketListener> eventDelivery = UnaryOperator.identity();
    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    private String defaultCalendar;
    private PublicHolidays publicHolidays;
    private SlaPolicy slaPolicy = SlaPolicy.standard();
    private EscalationPolicy escalationPolicy;
    private final List<SlaListener> slaListeners = new ArrayList<>();
    private final Map<String, EscalationChain> chains = new LinkedHashMap<>();
    private String teamLead;
    private String supervisorId;
    private String supervisorDepartment;
    private Consumer<EscalationAction> notifier = action -> {};
    private Function<ServiceDesk, EscalationHandler> escalationHandler;
    private String clusterInstance;
    private boolean monitor = true;
    private ScheduledExecutorService scheduler;
    private Duration monitorPeriod = Duration.ofSeconds(1);
    private RoutingRules routingRules;
    private AgentPool agents;
    private AccessPolicy accessPolicy = AccessPolicy.standard();
    private AuditLog audit = new InMemoryAuditLog();
    private String administrator;
    private final Map<String, DeskDefinition.User> users = new LinkedHashMap<>();
    private KnowledgeBase knowledgeBase;

    private Builder() {}

    /**
     * Applies a desk definition (calendars, lifecycle, priority, SLA, escalation, routing, users).
     */
    public Builder definition(DeskDefinition value) {
      require("definition", value).applyTo(this);
      return this;
    }

    /**
     * Sets the clock that stamps every event and drives the SLA monitor (default: the UTC system
     * clock).
     */
    public Builder clock(Clock value) {
      clock = require("clock", value);
      return this;
    }

    /**
     * Sets the ticket store (default: a new in-memory store, which keeps nothing across a restart).
     */
    public Builder store(TicketStore value) {
      store = require("store", value);
      dataSource = null;
      embeddedH2 = null;
      return this;
    }

    /**
     * Keeps tickets in a database through the JDBC store, creating or upgrading its schema on
     * build.
     */
    public Builder dataSource(DataSource value) {
      dataSource = require("dataSource", value);
      store = null;
      embeddedH2 = null;
      return this;
    }

    /**
     * Keeps tickets in a durable embedded H2 file ({@code JdbcTicketStore.embeddedH2}); needs
     * {@code com.h2database:h2} on the class path.
     *
     * @param file the database file without its {@code .mv.db} suffix
     * @return this builder
     */
    public Builder embeddedH2(Path file) {
      embeddedH2 = require("embeddedH2", file);
      store = null;
      dataSource = null;
      return this;
    }

    /** Sets the lifecycle (default: {@link Lifecycle#standard()}). */
    public Builder lifecycle(Lifecycle value) {
      lifecycle = require("lifecycle", value);
      return this;
    }

    /** Sets the closed-loop policy (default: {@link ClosedLoopPolicy#standard()}). */
    public Builder closedLoop(ClosedLoopPolicy value) {
      closedLoop = require("closedLoop", value);
      return this;
    }

    /** Sets the priority model (default: the standard matrix with its overrides). */
    public Builder priorityModel(PriorityModel value) {
      priorityModel = require("priorityModel", value);
      return this;
    }

    /**
     * Sets the tamper-evident history chain, e.g. {@code HistoryChain.hmacSha256(key)} (default
     * SHA-256).
     */
    public Builder historyChain(HistoryChain value) {
      historyChain = require("historyChain", value);
      return this;
    }

    /** Sets how ids are generated for tickets opened without one (default: random UUIDs). */
    public Builder idGenerator(Supplier<TicketId> value) {
      idGenerator = require("idGenerator", value);
      return this;
    }

    /** Adds a listener called after every accepted command. */
    public Builder listener(TicketListener value) {
      listeners.add(require("listener", value));
      return this;
    }

    /**
     * Sets how the desk's events reach its listeners: every listener the desk calls (the SLA
     * tracker of a single-instance desk and each one given to {@link #listener(TicketListener)}) is
     * wrapped by this function once, at build. A host whose commands run inside its own
     * transactions uses it to deliver events only after the transaction commits, so that no
     * listener keeps a rolled-back change (the Spring Boot starter does). Default: listeners are
     * called directly.
     *
     * @param value wraps a listener; must return a non-null listener
     * @return this builder
     */
    public Builder eventDelivery(UnaryOperator<TicketListener> value) {
      eventDelivery = require("eventDelivery", value);
      return this;
    }

    /**
     * Adds a business calendar. The only calendar added is the desk's default, on which the default
     * SLA targets run; with several, name one with {@link #defaultCalendar(String)}.
     *
     * @param value the calendar; a later one with the same name replaces an earlier one
     * @return this builder
     */
    public Builder calendar(BusinessCalendar value) {
      require("calendar", value);
      calendars.put(value.name(), value);
      return this;
    }

    /** Names the default calendar among several. */
    public Builder defaultCalendar(String name) {
      if (name == null || name.isBlank()) {
        throw new ValidationException("defaultCalendar", name, "must name a calendar");
      }
      defaultCalendar = name;
      return this;
    }

    /**
     * Lays mainland China's public holidays and make-up working days (built in, see {@link
     * ChinaPublicHolidays}) over every calendar added without holiday data of its own. A date in a
     * year the data does not cover fails with {@code HolidayCoverageException} rather than
     * guessing.
     *
     * @return this builder
     */
    public Builder chinaHolidays() {
      return publicHolidays(ChinaPublicHolidays.builtIn());
    }

    /**
     * As {@link #chinaHolidays()}, with other holiday data, e.g. a newer file read with {@code
     * PublicHolidays.load}.
     */
    public Builder publicHolidays(PublicHolidays value) {
      publicHolidays = require("publicHolidays", value);
      return this;
    }

    /** Sets the SLA policy (default: {@link SlaPolicy#standard()}, on the default calendar). */
    public Builder slaPolicy(SlaPolicy value) {
      slaPolicy = require("slaPolicy", value);
      return this;
    }

    /**
     * Sets the escalation policy. Default: {@link EscalationPolicy#standard()} when a supervisor or
     * an escalation chain is known; without either, the same policy minus the reassignment to a
     * supervisor (which would have nobody to assign to).
     *
     * @param value the policy
     * @return this builder
     */
    public Builder escalationPolicy(EscalationPolicy value) {
      escalationPolicy = require("escalationPolicy", value);
      return this;
    }

    /** Adds a listener for SLA warnings, breaches and met targets. */
    public Builder slaListener(SlaListener value) {
      slaListeners.add(require("slaListener", value));
      return this;
    }

    /**
     * Adds an escalation chain: SLA escalations then climb the ticket's department chain through
     * {@link Escalations}. The first chain added is the default for departments without their own,
     * unless a chain for the department {@code default} is added.
     *
     * @param chain the chain
     * @return this builder
     */
    public Builder escalationChain(EscalationChain chain) {
      require("escalationChain", chain);
      chains.put(chain.department(), chain);
      return this;
    }

    /** The team lead who owns escalation level 1, for a desk without escalation chains. */
    public Builder teamLead(String userId) {
      if (userId == null || userId.isBlank()) {
        throw new ValidationException("teamLead", userId, "must be a user id");
      }
      teamLead = userId;
      return this;
    }

    /**
     * The supervisor that breached tickets are reassigned to, for a desk without escalation chains.
     */
    public Builder supervisor(String userId, String department) {
      if (userId == null || userId.isBlank() || department == null || department.isBlank()) {
        throw new ValidationException(
            userId == null || userId.isBlank() ? "supervisor" : "department",
            userId == null || userId.isBlank() ? userId : department,
            "must not be blank");
      }
      supervisorId = userId;
      supervisorDepartment = department;
      return this;
    }

    /** Receives every team-lead notification, e.g. to send a message (default: nothing). */
    public Builder escalationNotifier(Consumer<EscalationAction> value) {
      notifier = require("escalationNotifier", value);
      return this;
    }

    /**
     * Replaces the built-in escalation handling with the host's own, made from the desk once it
     * exists (the desk given acts as the audited system actor).
     *
     * @param value makes the handler from the desk
     * @return this builder
     */
    public Builder escalationHandler(Function<ServiceDesk, EscalationHandler> value) {
      escalationHandler = require("escalationHandler", value);
      return this;
    }

    /**
     * Makes the SLA tracker durable and shared by several instances over the store's event feed
     * (the JDBC store on PostgreSQL); see {@link SlaTracker.Builder#cluster}.
     *
     * @param instanceName this instance's name
     * @return this builder
     */
    public Builder cluster(String instanceName) {
      if (instanceName == null || instanceName.isBlank()) {
        throw new ValidationException("cluster", instanceName, "needs this instance's name");
      }
      clusterInstance = instanceName;
      return this;
    }

    /**
     * Runs the SLA monitor on the host's scheduler every {@code period} (default: a daemon thread
     * of Loopdesk's own, every second). The scheduler stays the host's on close.
     *
     * @param executor the scheduler
     * @param period how often to tick
     * @return this builder
     */
    public Builder monitor(ScheduledExecutorService executor, Duration period) {
      scheduler = require("scheduler", executor);
      return monitorPeriod(period);
    }

    /** Sets how often the SLA monitor ticks (default one second). */
    public Builder monitorPeriod(Duration period) {
      if (period == null || period.isNegative() || period.isZero()) {
        throw new ValidationException("monitorPeriod", period, "must be positive");
      }
      monitorPeriod = period;
      monitor = true;
      return this;
    }

    /**
     * Starts no SLA monitor: the host calls {@code sla().tick(now)} itself (tests, simulations).
     */
    public Builder withoutMonitor() {
      monitor = false;
      scheduler = null;
      return this;
    }

    /** Sets the routing rules (default: none, every ticket stays where it is). */
    public Builder routingRules(RoutingRules value) {
      routingRules = require("routingRules", value);
      return this;
    }

    /**
     * Sets the agent pool the router selects from (default: an empty pool, skill-based selection).
     */
    public Builder agents(AgentPool value) {
      agents = require("agents", value);
      return this;
    }

    /** Sets the access policy (default: {@link AccessPolicy#standard()}). */
    public Builder accessPolicy(AccessPolicy value) {
      accessPolicy = require("accessPolicy", value);
      return this;
    }

    /** Sets the audit log of access decisions and system actions (default: in memory). */
    public Builder audit(AuditLog value) {
      audit = require("audit", value);
      return this;
    }

    /** Names the first administrator, who grants the users' roles. */
    public Builder administrator(String userId) {
      if (userId == null || userId.isBlank()) {
        throw new ValidationException("administrator", userId, "must be a user id");
      }
      administrator = userId;
      return this;
    }

    /** Grants a user a role, with no queues or team; needs {@link #administrator(String)}. */
    public Builder user(String userId, Role role) {
      return user(userId, role, Set.of(), Set.of());
    }

    /**
     * Grants a user a role, the queues (ticket departments) they serve and, for a team lead, the
     * team's members; granted by the administrator and audited.
     *
     * @param userId the user
     * @param role the role
     * @param queues the queues
     * @param team the members the user leads
     * @return this builder
     */
    public Builder user(String userId, Role role, Set<String> queues, Set<String> team) {
      if (userId == null || userId.isBlank()) {
        throw new ValidationException("user", userId, "must be a user id");
      }
      users.put(
          userId,
          new DeskDefinition.User(
              require("role", role), require("queues", queues), require("team", team)));
      return this;
    }

    /**
     * Sets the knowledge base, e.g. {@code LuceneKnowledgeBase.builder()...build()} from {@code
     * loopdesk-kb-lucene}. Loopdesk closes it on {@link Loopdesk#close()}.
     *
     * @param value the knowledge base
     * @return this builder
     */
    public Builder knowledgeBase(KnowledgeBase value) {
      knowledgeBase = require("knowledgeBase", value);
      return this;
    }

    /**
     * Wires and starts the desk: store, calendars, SLA tracker, desk, access, escalation, routing,
     * then the monitor.
     *
     * @return the running desk; close it to stop the monitor
     * @throws io.loopdesk.api.LoopdeskException when a part rejects its configuration
     */
    public Loopdesk build() {
      TicketStore ticketStore = buildStore();
      CalendarRegistry registry = buildCalendars();
      DeferredEscalationHandler deferred = new DeferredEscalationHandler();
      SlaTracker.Builder slaBuilder =
          SlaTracker.builder(slaPolicy, registry)
              .escalationPolicy(escalationPolicy())
              .escalationHandler(deferred);
      slaListeners.forEach(slaBuilder::listener);
      if (clusterInstance != null) {
        slaBuilder.cluster(ticketStore, clusterInstance);
      }
      SlaTracker tracker = slaBuilder.build();

      ServiceDesks.Builder deskBuilder =
          ServiceDesks.builder()
              .clock(clock)
              .store(ticketStore)
              .deadlinePolicy(tracker.deadlinePolicy());
      if (clusterInstance == null) {
        deskBuilder.listener(delivered(tracker));
      }
      listeners.forEach(listener -> deskBuilder.listener(delivered(listener)));
      if (lifecycle != null) {
        deskBuilder.lifecycle(lifecycle);
      }
      if (closedLoop != null) {
        deskBuilder.closedLoop(closedLoop);
      }
      if (priorityModel != null) {
        deskBuilder.priorityModel(priorityModel);
      }
      if (historyChain != null) {
        deskBuilder.historyChain(historyChain);
      }
      if (idGenerator != null) {
        deskBuilder.idGenerator(idGenerator);
      }
      ServiceDesk serviceDesk = deskBuilder.build();

      AccessDirectory accessDirectory = new AccessDirectory(accessPolicy, audit, clock);
      AccessControl accessControl =
          AccessControl.builder(serviceDesk, accessDirectory)
              .policy(accessPolicy)
              .audit(audit)
              .clock(clock)
              .build();
      grantUsers(accessDirectory);

      ServiceDesk system = accessControl.system(SLA_ESCALATION_PURPOSE);
      Escalations chainEscalations = null;
      if (!chains.isEmpty()) {
        EscalationChain fallback =
            chains.getOrDefault("default", chains.values().iterator().next());
        Escalations.Builder eb =
            Escalations.builder(system, fallback)
                .clock(clock)
                .calendars(
                    ticket ->
                        registry.defaultCalendar().orElseGet(BusinessCalendar::twentyFourSeven));
        chains.values().stream().filter(c -> c != fallback).forEach(eb::chain);
        chainEscalations = eb.build();
      }
      deferred.bind(
          escalationHandler != null
              ? escalationHandler.apply(system)
              : chainEscalations != null
                  ? notifying(chainEscalations.slaHandler())
                  : deskHandler(system));

      AgentPool pool = agents != null ? agents : AgentPool.create(SelectionStrategy.SKILL_BASED);
      Router router =
          Router.create(
              routingRules != null
                  ? routingRules
                  : RoutingRules.builder(MatchMode.FIRST_MATCH).build(),
              pool,
              clock);

      SlaMonitor slaMonitor = null;
      ScheduledExecutorService owned = null;
      if (monitor) {
        ScheduledExecutorService executor = scheduler;
        if (executor == null) {
          owned =
              Executors.newSingleThreadScheduledExecutor(
                  runnable -> {
                    Thread thread = new Thread(runnable, "loopdesk-sla-monitor");
                    thread.setDaemon(true);
                    return thread;
                  });
          executor = owned;
        }
        slaMonitor = SlaMonitor.start(tracker, clock, executor, monitorPeriod);
      }
      LOG.info(
          "Loopdesk built: store {}, calendars {}, {} escalation chain(s), {} routing rule(s), monitor {}",
          ticketStore.getClass().getSimpleName(),
          registry.names(),
          chains.size(),
          router.rules().rules().size(),
          slaMonitor == null ? "off" : "every " + monitorPeriod);
      return new Loopdesk(
          this,
          ticketStore,
          registry,
          tracker,
          serviceDesk,
          accessDirectory,
          accessControl,
          chainEscalations,
          router,
          slaMonitor,
          owned);
    }

    private TicketListener delivered(TicketListener listener) {
      TicketListener wrapped = eventDelivery.apply(listener);
      if (wrapped == null) {
        throw new ValidationException("eventDelivery", null, "returned no listener");
      }
      return wrapped;
    }

    private TicketStore buildStore() {
      if (store != null) {
        return store;
      }
      if (dataSource != null) {
        return JdbcTicketStore.builder().dataSource(dataSource).migrateSchema(true).build();
      }
      if (embeddedH2 != null) {
        return JdbcTicketStore.embeddedH2(embeddedH2);
      }
      return new InMemoryTicketStore();
    }

    private CalendarRegistry buildCalendars() {
      CalendarRegistry.Builder registry = CalendarRegistry.builder();
      for (BusinessCalendar calendar : calendars.values()) {
        if (publicHolidays != null && calendar.publicHolidays().isEmpty()) {
          calendar = calendar.toBuilder().publicHolidays(publicHolidays).build();
        }
        registry.add(calendar);
      }
      if (defaultCalendar != null) {
        registry.defaultCalendar(defaultCalendar);
      }
      return registry.build();
    }

    private EscalationPolicy escalationPolicy() {
      if (escalationPolicy != null) {
        return escalationPolicy;
      }
      if (!chains.isEmpty() || supervisorId != null || escalationHandler != null) {
        return EscalationPolicy.standard();
      }
      EscalationPolicy.Builder policy = EscalationPolicy.builder();
      for (SlaMetric metric : SlaMetric.values()) {
        policy.onAnyWarning(metric, EscalationAction.Kind.NOTIFY_TEAM_LEAD);
      }
      return policy
          .onBreach(SlaMetric.FIRST_RESPONSE, EscalationAction.Kind.NOTIFY_TEAM_LEAD)
          .onBreach(
              SlaMetric.RESOLUTION,
              EscalationAction.Kind.NOTIFY_TEAM_LEAD,
              EscalationAction.Kind.RAISE_PRIORITY)
          .onBreach(SlaMetric.CALLBACK, EscalationAction.Kind.NOTIFY_TEAM_LEAD)
          .build();
    }

    private EscalationHandler notifying(EscalationHandler handler) {
      Consumer<EscalationAction> notify = notifier;
      return action -> {
        handler.execute(action);
        if (action.kind() == EscalationAction.Kind.NOTIFY_TEAM_LEAD) {
          notify.accept(action);
        }
      };
    }

    private EscalationHandler deskHandler(ServiceDesk system) {
      ServiceDeskEscalationHandler.Builder handler =
          ServiceDeskEscalationHandler.builder(system).notifier(notifier);
      if (teamLead != null) {
        handler.teamLead(teamLead);
      }
      if (supervisorId != null) {
        handler.supervisor(supervisorId, supervisorDepartment);
      }
      return handler.build();
    }

    private void grantUsers(AccessDirectory directory) {
      if (administrator == null) {
        if (!users.isEmpty()) {
          throw new ValidationException(
              "administrator",
              null,
              "users are granted by the first administrator; name one with administrator(userId)");
        }
        return;
      }
      directory.bootstrapAdministrator(administrator);
      Actor admin = Actor.of(administrator, Role.ADMINISTRATOR);
      users.forEach(
          (id, user) -> {
            if (id.equals(administrator)) {
              return;
            }
            directory.grantRole(id, user.role(), admin);
            if (!user.queues().isEmpty()) {
              directory.queues(id, user.queues(), admin);
            }
            if (!user.team().isEmpty()) {
              directory.team(id, user.team(), admin);
            }
          });
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      return value;
    }
  }
}
