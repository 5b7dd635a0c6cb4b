package io.loopdesk.examples;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.ClosedLoopViolationException;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.IllegalTransitionException;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.examples.simulation.SimulationCli;
import io.loopdesk.examples.simulation.SimulationOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A morning at an after-sales service desk: four tickets from different channels walk through the
 * standard process, including a close attempted before the callback (rejected) and an unsatisfied
 * callback that reopens a ticket with a higher priority. Prints each step and the audit trail.
 */
public final class ServiceDayExample {
  private final PrintStream out;
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-05-11T01:00:00Z"));
  private final AtomicInteger sequence = new AtomicInteger(1000);
  private final ServiceDesk desk;

  private final Actor hotline = Actor.of("hotline-12", Role.AGENT);
  private final Actor engineer = Actor.of("tech-3", Role.AGENT);
  private final Actor supervisor = Actor.of("sup-1", Role.SUPERVISOR);
  private final Actor callbackDesk = Actor.of("callback-5", Role.AGENT);
  private final Actor customerPortal = Actor.of("self-service", Role.CUSTOMER);

  ServiceDayExample(PrintStream out) {
    this.out = out;
    this.desk =
        ServiceDesks.builder()
            .clock(clock)
            .idGenerator(() -> TicketId.of("SR-" + sequence.incrementAndGet()))
            .listener(
                (event, ticket) ->
                    out.printf(
                        "  [event] %-8s v%d %s -> %s by %s%n",
                        ticket.id(),
                        event.version(),
                        event.from() == null ? "-" : event.from(),
                        event.to(),
                        event.actor().id()))
            .build();
  }

  /**
   * Runs the example, then a simulated fortnight of the whole desk with its HTML report.
   *
   * @param args options for the simulation, see {@link SimulationCli}
   */
  public static void main(String[] args) {
    Optional<SimulationOptions> options = SimulationCli.checkedOptions(args, System.err);
    if (options.isEmpty()) {
      System.exit(2);
      return;
    }
    new ServiceDayExample(new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();
    System.out.println();
    System.out.println(
        "== The whole desk, simulated (SLA, escalation, KPIs, QA sample, improvement plan) ==");
    SimulationCli.run(options.get(), System.out, System.err);
  }

  void run() {
    out.println("== Loopdesk: a morning at the after-sales desk ==");
    Ticket battery = batteryFault();
    Ticket installation = installationComplaint();
    Ticket reopened = unsatisfiedCallbackReopens();
    Ticket unreachable = customerCannotBeReached();

    out.println();
    out.println("== Open work by status ==");
    for (TicketStatus status :
        new TicketStatus[] {TicketStatus.RECEIVED, TicketStatus.UNREACHABLE, TicketStatus.CLOSED}) {
      out.printf(
          "  %-12s %s%n",
          status,
          desk.query(TicketQuery.builder().status(status).build()).items().stream()
              .map(t -> t.id().value())
              .toList());
    }
    out.println();
    for (Ticket t : new Ticket[] {battery, installation, reopened, unreachable}) {
      printAuditTrail(t.id());
    }
  }

  private Ticket batteryFault() {
    out.println();
    out.println("-- 1. Phone hotline: battery will not charge (product fault) --");
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(
                    Customer.builder("C-1001")
                        .name("张三")
                        .phone("13812345678")
                        .idDocument(IdDocumentType.CN_RESIDENT_ID, "11010519491231002X")
                        .build())
                .product("X9 phone")
                .problem("手机电池充不进电，充电一夜仍是 5%")
                .expectation("免费维修或更换电池")
                .alreadyTried("换了充电器和数据线，重启过")
                .build(),
            hotline);
    out.println("  opened " + t);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.MEDIUM),
            hotline);
    out.println(
        "  priority "
            + t.priority().orElseThrow().priority()
            + " because "
            + t.priority().orElseThrow().reasons());
    t = desk.assign(t.id(), t.version(), Assignment.of("tech-3", "technical-support"), hotline);
    t = desk.start(t.id(), t.version(), engineer);
    clock.advance(Duration.ofHours(3));
    t =
        desk.resolve(
            t.id(), t.version(), "battery replaced under the three-guarantees policy", engineer);

    Ticket resolved = t;
    try {
      desk.close(resolved.id(), resolved.version(), engineer);
    } catch (IllegalTransitionException rejected) {
      out.println("  REJECTED close before callback: " + rejected.getMessage());
    }
    clock.advance(Duration.ofHours(20));
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 5, "很满意，换得很快"), callbackDesk);
    t = desk.close(t.id(), t.version(), callbackDesk);
    out.println("  closed after a rating-5 callback: " + t);
    return t;
  }

  private Ticket installationComplaint() {
    out.println();
    out.println("-- 2. Online chat: installer three hours late (service experience) --");
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.ONLINE_CHAT)
                .customer(
                    Customer.builder("C-2002")
                        .name("李四")
                        .email("li.si@example.cn")
                        .address("上海市浦东新区张江路 88 弄 5 号 1201 室")
                        .build())
                .product("空调 KFR-35 安装服务")
                .problem("安装师傅迟到三小时且没有提前通知")
                .expectation("道歉并说明改进措施")
                .build(),
            hotline);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.SERVICE_EXPERIENCE, Level.LOW, Level.MEDIUM, Level.LOW),
            hotline);
    out.println("  priority " + t.priority().orElseThrow().priority());
    t =
        desk.assign(
            t.id(), t.version(), Assignment.of("sup-1", "customer-service-supervisor"), hotline);
    t = desk.start(t.id(), t.version(), supervisor);
    t =
        desk.waitOnThirdParty(
            t.id(),
            t.version(),
            "dispatch log requested from the installation partner",
            supervisor);
    clock.advance(Duration.ofHours(2));
    t = desk.resume(t.id(), t.version(), supervisor);
    t =
        desk.resolve(
            t.id(),
            t.version(),
            "apology, voucher, partner retrained on arrival notices",
            supervisor);
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(true, 4, "可以接受"), callbackDesk);
    t = desk.close(t.id(), t.version(), callbackDesk);
    out.println("  closed after a rating-4 callback");
    return t;
  }

  private Ticket unsatisfiedCallbackReopens() {
    out.println();
    out.println("-- 3. App feedback: refund explained wrongly; the callback is unsatisfied --");
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.APP)
                .customer(
                    Customer.builder("C-3003")
                        .name("王芳")
                        .phone("13900001111")
                        .tier(CustomerTier.STANDARD)
                        .build())
                .product("扫地机器人 S7")
                .problem("客服说明的退货流程和门店不一致")
                .build(),
            hotline);
    Classification c =
        Classification.of(Category.SERVICE_EXPERIENCE, Level.LOW, Level.MEDIUM, Level.LOW);
    t = desk.classify(t.id(), t.version(), c, hotline);
    out.println("  first priority " + t.priority().orElseThrow().priority());
    t = desk.assign(t.id(), t.version(), Assignment.of("agent-8", "customer-service"), hotline);
    t = desk.start(t.id(), t.version(), hotline);
    t = desk.resolve(t.id(), t.version(), "explained the return policy by phone", hotline);
    t =
        desk.recordCallback(
            t.id(), t.version(), CallbackResult.reached(false, 2, "门店还是不给退"), callbackDesk);
    out.println(
        "  rating 2 -> status " + t.status() + ", reopened " + t.reopenCount() + " time(s)");
    t = desk.classify(t.id(), t.version(), c, supervisor);
    out.println(
        "  re-assessed priority "
            + t.priority().orElseThrow().priority()
            + " because "
            + t.priority().orElseThrow().reasons());
    return t;
  }

  private Ticket customerCannotBeReached() {
    out.println();
    out.println("-- 4. Email: router fixed, but the customer never answers the callback --");
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.EMAIL)
                .customer(Customer.of("C-4004", "Alice Smith", "13700002222", "alice@example.com"))
                .product("Router R2")
                .problem("Wi-Fi drops every evening")
                .build(),
            hotline);
    t =
        desk.classify(
            t.id(),
            t.version(),
            Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.MEDIUM, Level.MEDIUM),
            hotline);
    t = desk.assign(t.id(), t.version(), Assignment.of("tech-3", "technical-support"), hotline);
    t = desk.start(t.id(), t.version(), engineer);
    t = desk.resolve(t.id(), t.version(), "firmware 2.4.1 pushed remotely", engineer);
    for (int attempt = 1; attempt <= 3; attempt++) {
      clock.advance(Duration.ofHours(4));
      t =
          desk.recordCallback(
              t.id(),
              t.version(),
              CallbackResult.notReached(CallbackOutcome.NO_ANSWER, "attempt " + attempt),
              callbackDesk);
      out.println("  callback attempt " + attempt + ": no answer -> " + t.status());
    }
    Ticket last = t;
    try {
      desk.close(last.id(), last.version(), supervisor);
    } catch (IllegalTransitionException | ClosedLoopViolationException rejected) {
      out.println("  REJECTED silent close: " + rejected.getMessage());
    }
    return t;
  }

  private void printAuditTrail(TicketId id) {
    out.println("== Audit trail of " + id + " ==");
    for (TicketEvent e : desk.history(id)) {
      out.printf(
          "  v%-2d %s  %-10s %-22s -> %-22s %s%n",
          e.version(),
          e.at(),
          e.actor().id(),
          e.from() == null ? "-" : e.from(),
          e.to(),
          describe(e.change()));
    }
  }

  private static String describe(TicketChange change) {
    if (change instanceof TicketChange.Classified c) {
      return "classified " + c.category() + " " + c.priority().priority();
    }
    if (change instanceof TicketChange.Assigned a) {
      return "assigned to " + a.assignee() + " (" + a.department() + ")";
    }
    if (change instanceof TicketChange.CallbackRecorded c) {
      return "callback "
          + c.callback().result().outcome()
          + " rating="
          + c.callback().result().rating()
          + " -> "
          + c.effect();
    }
    if (change instanceof TicketChange.WaitStarted w) {
      return "waiting: " + w.reason();
    }
    return change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
