package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link SlaTracker} (and so {@code SlaEngine}) against a small reference model over random
 * lifecycles of a few tickets with random ticks in between.
 *
 * <p>The model keeps each clock as an explicit list of running segments on the round-the-clock
 * calendar and computes everything from them with plain arithmetic: the running time is the sum of
 * the segments, and a level (a warning threshold or the target) is reached at the first instant at
 * which that sum reaches it. It has no deadline queue, no generations and no cached totals. It
 * follows the rules in {@link SlaTracker}'s documentation:
 *
 * <ul>
 *   <li>first-response and resolution clocks start at the ticket's creation once it is classified;
 *       the callback clock starts at the resolution; first response is met by start, wait or
 *       resolution;
 *   <li>clocks pause in a pausing status and resume when the ticket leaves it;
 *   <li>a new priority changes the target of every open clock from its original start, keeps the
 *       levels already reported, and stops a clock without a target; a level the new target puts in
 *       the past is reported at the next tick, dated when it was reached;
 *   <li>a deadline change resizes the resolution target so that the clock reaches it at the new
 *       deadline;
 *   <li>a reopen resumes the resolution clock and stops the callback clock; closing stops all
 *       clocks;
 *   <li>agent work and requester wait time run like resolution but pause only while waiting (on the
 *       customer or a third party for agent work, on the customer for requester wait); next reply
 *       runs from the oldest unanswered customer reply to the next agent reply and never pauses;
 *       periodic update runs from creation and from each agent reply to the next one (or the
 *       resolution), and a reopen starts a new one;
 *   <li>before a clock changes, every level it reached at or before that instant is reported
 *       (before being met: strictly before, so a clock met exactly at its deadline is in time);
 *   <li>a tick reports every level reached at or before it, each once, in order;
 *   <li>the OLA clock of the ticket's team starts at its assignment to that team (or later at the
 *       classification that gives it a target, counted from the assignment), is met when the ticket
 *       goes to another team or is resolved, starts again for the new team, and starts a new cycle
 *       at a reopen;
 *   <li>the policy is chosen by contract: an {@code ENTERPRISE} contract first, then the {@code
 *       VIP} tier, else the standard policy; a tier or contract change that changes the policy
 *       re-evaluates the clocks as a new priority does.
 * </ul>
 *
 * <p>After every tick the events reported so far, clock by clock, the clocks' states, elapsed and
 * remaining time, deadlines, warnings and breaches, and the resolution deadline the tracker gives
 * the desk, must all equal the model's.
 */
class SlaReferenceModelProperties {

  private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
  private static final List<Category> CATEGORIES =
      List.of(Category.PRODUCT_FAULT, Category.CONSULTATION, Category.COMPLAINT);
  private static final List<double[]> THRESHOLDS =
      List.of(
          new double[] {0.75, 0.90},
          new double[] {0.5},
          new double[] {},
          new double[] {0.3, 0.6, 0.95});

  /**
   * One step: which ticket, how long after the previous step, which action among those allowed, a
   * parameter.
   */
  record Step(int ticket, long delaySeconds, int choice, int param) {}

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Long> delays =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0L)),
            Tuple.of(4, Arbitraries.longs().between(1, 900)),
            Tuple.of(4, Arbitraries.longs().between(900, 30_000)));
    Arbitrary<Step> steps =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                delays,
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99))
            .as(Step::new);
    return steps.list().ofMinSize(1).ofMaxSize(60);
  }

  private static final List<String> TEAMS = List.of("first-line", "second-line", "billing");

  @Property(tries = 200)
  void trackerAgreesWithTheReferenceModel(
      @ForAll("scripts") List<Step> script, @ForAll("thresholdIndexes") int thresholdIndex) {
    SlaPolicy standard =
        SlaPolicy.builder()
            .target(SlaMetric.RESOLUTION, Priority.P0, SlaTarget.roundTheClock(Duration.ofHours(2)))
            .target(SlaMetric.RESOLUTION, Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(5)))
            .target(SlaMetric.RESOLUTION, Priority.P2, SlaTarget.roundTheClock(Duration.ofHours(9)))
            .noTarget(SlaMetric.RESOLUTION, Priority.P3)
            .target(SlaMetric.CALLBACK, Priority.P0, SlaTarget.roundTheClock(Duration.ofHours(1)))
            .target(SlaMetric.CALLBACK, Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(1)))
            .target(SlaMetric.CALLBACK, Priority.P2, SlaTarget.roundTheClock(Duration.ofHours(2)))
            .noTarget(SlaMetric.CALLBACK, Priority.P3)
            .target(
                SlaMetric.FIRST_RESPONSE,
                Category.CONSULTATION,
                SlaTarget.roundTheClock(Duration.ofMinutes(10)))
            .target(
                SlaMetric.FIRST_RESPONSE,
                Category.COMPLAINT,
                SlaTarget.roundTheClock(Duration.ofMinutes(40)))
            .target(
                SlaMetric.NEXT_REPLY, Priority.P0, SlaTarget.roundTheClock(Duration.ofMinutes(20)))
            .target(SlaMetric.NEXT_REPLY, Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(1)))
            .target(SlaMetric.NEXT_REPLY, Priority.P2, SlaTarget.roundTheClock(Duration.ofHours(3)))
            .target(
                SlaMetric.PERIODIC_UPDATE,
                Category.COMPLAINT,
                SlaTarget.roundTheClock(Duration.ofHours(2)))
            .target(
                SlaMetric.PERIODIC_UPDATE,
                Priority.P0,
                SlaTarget.roundTheClock(Duration.ofHours(1)))
            .target(
                SlaMetric.AGENT_WORK_TIME,
                Priority.P0,
                SlaTarget.roundTheClock(Duration.ofMinutes(90)))
            .target(
                SlaMetric.AGENT_WORK_TIME,
                Priority.P1,
                SlaTarget.roundTheClock(Duration.ofHours(4)))
            .target(
                SlaMetric.REQUESTER_WAIT_TIME,
                Priority.P0,
                SlaTarget.roundTheClock(Duration.ofHours(3)))
            .target(
                SlaMetric.REQUESTER_WAIT_TIME,
                Priority.P2,
                SlaTarget.roundTheClock(Duration.ofHours(8)))
            .pausingStatuses(
                Set.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_THIRD_PARTY))
            .warningThresholds(THRESHOLDS.get(thresholdIndex))
            .ola("first-line", SlaTarget.roundTheClock(Duration.ofHours(1)))
            .ola("second-line", SlaTarget.roundTheClock(Duration.ofHours(3)))
            .ola("second-line", Priority.P0, SlaTarget.roundTheClock(Duration.ofMinutes(30)))
            .build();
    SlaPolicy vip =
        standard.toBuilder()
            .target(SlaMetric.RESOLUTION, Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(3)))
            .target(SlaMetric.RESOLUTION, Priority.P2, SlaTarget.roundTheClock(Duration.ofHours(6)))
            .ola("first-line", SlaTarget.roundTheClock(Duration.ofMinutes(30)))
            .ola("second-line", Priority.P1, SlaTarget.roundTheClock(Duration.ofHours(1)))
            .build();
    SlaPolicy enterprise =
        vip.toBuilder()
            .target(
                SlaMetric.RESOLUTION, Priority.P3, SlaTarget.roundTheClock(Duration.ofHours(12)))
            .target(
                SlaMetric.FIRST_RESPONSE,
                Category.PRODUCT_FAULT,
                SlaTarget.roundTheClock(Duration.ofMinutes(30)))
            .ola("billing", SlaTarget.roundTheClock(Duration.ofHours(2)))
            .build();
    SlaContracts contracts =
        SlaContracts.builder("standard", standard)
            .policy("vip", vip)
            .policy("enterprise", enterprise)
            .rule(
                ContractRule.builder("enterprise-contract", "enterprise")
                    .contracts("ENTERPRISE")
                    .build())
            .rule(ContractRule.builder("vip-customers", "vip").tiers(CustomerTier.VIP).build())
            .build();
    List<SlaEvent> reported = new ArrayList<>();
    SlaTracker tracker =
        SlaTracker.forContracts(contracts, CalendarRegistry.of())
            .escalationPolicy(EscalationPolicy.none())
            .listener(reported::add)
            .build();
    Model model = new Model(contracts);
    TicketScript[] scripts = new TicketScript[3];
    Instant now = T0;
    for (Step step : script) {
      now = now.plusSeconds(step.delaySeconds());
      TicketScript ticket = scripts[step.ticket()];
      if (ticket == null) {
        CustomerTier tier = step.param() % 3 == 0 ? CustomerTier.VIP : CustomerTier.STANDARD;
        scripts[step.ticket()] =
            TicketScript.open(tracker, "M-" + step.ticket(), now, tier, Channel.PHONE, "router X1");
        model.open(scripts[step.ticket()].id(), tier, now);
      } else if (step.choice() >= 25
          && step.choice() < 30
          && !ticket.ticket().status().equals(TicketStatus.CLOSED)) {
        changeContract(tracker, model, ticket.id(), step.param(), now);
      } else if (step.choice() < 25 || !act(ticket, model, step, now)) {
        List<SlaEvent> ticked = tracker.tick(now);
        List<SlaEvent> expected = model.tick(now);
        assertEquals(canonical(expected), canonical(ticked), "events of the tick at " + now);
        for (int i = 1; i < ticked.size(); i++) {
          assertFalse(
              ticked.get(i).at().isBefore(ticked.get(i - 1).at()),
              "a tick reports in deadline order");
        }
        compare(tracker, model, reported, scripts, now);
      }
    }
    Instant end = now.plus(Duration.ofDays(30));
    assertEquals(
        canonical(model.tick(end)), canonical(tracker.tick(end)), "events of the final tick");
    compare(tracker, model, reported, scripts, end);
  }

  /** A tier or contract change, through the tracker and the model alike. */
  private static void changeContract(
      SlaTracker tracker, Model model, TicketId id, int param, Instant at) {
    PolicySelection selection;
    switch (param % 4) {
      case 0 -> selection = tracker.changeTier(id, CustomerTier.VIP, at).orElseThrow();
      case 1 -> selection = tracker.changeTier(id, CustomerTier.STANDARD, at).orElseThrow();
      case 2 -> selection = tracker.changeContract(id, "ENTERPRISE", at).orElseThrow();
      default -> selection = tracker.changeContract(id, null, at).orElseThrow();
    }
    RefTicket t = model.tickets.get(id);
    switch (param % 4) {
      case 0 -> t.tier = CustomerTier.VIP;
      case 1 -> t.tier = CustomerTier.STANDARD;
      case 2 -> t.contract = "ENTERPRISE";
      default -> t.contract = null;
    }
    model.reselect(id, at);
    assertEquals(t.policyName, selection.policyName(), id + " policy after the change at " + at);
  }

  @Provide
  Arbitrary<Integer> thresholdIndexes() {
    return Arbitraries.integers().between(0, THRESHOLDS.size() - 1);
  }

  /**
   * Applies the step's lifecycle action to the ticket and the model; false when the ticket has none
   * left.
   */
  private static boolean act(TicketScript ticket, Model model, Step step, Instant at) {
    TicketId id = ticket.id();
    TicketStatus status = ticket.ticket().status();
    int param = step.param();
    List<String> allowed = allowedActions(status);
    if (allowed.isEmpty()) {
      return false;
    }
    String action = allowed.get(step.choice() % allowed.size());
    switch (action) {
      case "classify" -> {
        Priority priority = Priority.values()[param % 4];
        Category category = CATEGORIES.get(param / 4 % 3);
        ticket.classify(at, priority, category);
        model.classify(id, priority, category, at);
      }
      case "reprioritise" -> {
        Priority current = ticket.ticket().priority().orElseThrow().priority();
        Priority priority = Priority.values()[(current.ordinal() + 1 + param % 3) % 4];
        ticket.reprioritise(at, priority);
        model.reprioritise(id, priority, at);
      }
      case "changeDeadline" -> {
        Instant dueAt = at.plus(Duration.ofMinutes(10L * (param - 30)));
        ticket.changeDeadline(at, dueAt);
        model.changeDeadline(id, dueAt, at);
      }
      case "assign" -> {
        String team = TEAMS.get(param % TEAMS.size());
        ticket.assign(at, "agent-" + param % 2, team);
        model.assign(id, team, at);
        model.statusChanged(id, TicketStatus.ASSIGNED, at);
      }
      case "start" -> {
        ticket.start(at);
        model.respond(id, at);
        model.statusChanged(id, TicketStatus.IN_PROGRESS, at);
      }
      case "waitOnCustomer", "waitOnThirdParty" -> {
        if (action.equals("waitOnCustomer")) {
          ticket.waitOnCustomer(at);
        } else {
          ticket.waitOnThirdParty(at);
        }
        model.respond(id, at);
        model.statusChanged(
            id,
            action.equals("waitOnCustomer")
                ? TicketStatus.WAITING_ON_CUSTOMER
                : TicketStatus.WAITING_ON_THIRD_PARTY,
            at);
      }
      case "resume" -> {
        ticket.resume(at);
        model.statusChanged(id, TicketStatus.IN_PROGRESS, at);
      }
      case "resolve" -> {
        ticket.resolve(at);
        model.resolve(id, at);
        model.statusChanged(id, TicketStatus.RESOLVED, at);
      }
      case "confirm" -> {
        ticket.callback(at, TicketChange.CallbackEffect.CONFIRMED);
        model.meet(id, SlaMetric.CALLBACK, at);
        model.statusChanged(id, TicketStatus.CALLBACK, at);
      }
      case "notReached" -> {
        ticket.callbackNotReached(at);
        model.meet(id, SlaMetric.CALLBACK, at);
        model.statusChanged(id, TicketStatus.CALLBACK, at);
      }
      case "unsatisfied" -> {
        ticket.callback(at, TicketChange.CallbackEffect.REOPENED);
        model.meet(id, SlaMetric.CALLBACK, at);
        model.reopen(id, at);
        model.statusChanged(id, TicketStatus.RECEIVED, at);
      }
      case "reopen" -> {
        ticket.reopen(at);
        model.reopen(id, at);
        model.statusChanged(id, TicketStatus.RECEIVED, at);
      }
      case "agentReply" -> {
        ticket.agentReply(at);
        model.agentReply(id, at);
        model.statusChanged(id, status, at);
      }
      case "customerReply" -> {
        ticket.customerReply(at);
        model.customerReply(id, at);
        model.statusChanged(id, ticket.ticket().status(), at);
      }
      case "note" -> {
        ticket.internalNote(at);
        model.statusChanged(id, status, at);
      }
      case "close" -> {
        ticket.close(at);
        model.close(id, at);
        model.statusChanged(id, TicketStatus.CLOSED, at);
      }
      default -> throw new AssertionError(action);
    }
    return true;
  }

  private static List<String> allowedActions(TicketStatus status) {
    List<String> lifecycle = lifecycleActions(status);
    if (status.equals(TicketStatus.CLOSED)) {
      return lifecycle;
    }
    List<String> all = new ArrayList<>(lifecycle);
    all.addAll(List.of("agentReply", "customerReply", "note"));
    return all;
  }

  private static List<String> lifecycleActions(TicketStatus status) {
    if (status.equals(TicketStatus.RECEIVED)) {
      return List.of("classify");
    }
    if (status.equals(TicketStatus.CLASSIFIED)) {
      return List.of("assign", "reprioritise", "changeDeadline");
    }
    if (status.equals(TicketStatus.ASSIGNED)) {
      return List.of("start", "reprioritise", "changeDeadline", "assign");
    }
    if (status.equals(TicketStatus.IN_PROGRESS)) {
      return List.of(
          "waitOnCustomer",
          "waitOnThirdParty",
          "resolve",
          "reprioritise",
          "changeDeadline",
          "assign");
    }
    if (status.equals(TicketStatus.WAITING_ON_CUSTOMER)
        || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
      return List.of("resume", "reprioritise", "changeDeadline");
    }
    if (status.equals(TicketStatus.RESOLVED)) {
      return List.of("confirm", "notReached", "unsatisfied", "reopen");
    }
    if (status.equals(TicketStatus.CALLBACK)) {
      return List.of("close", "reopen", "notReached");
    }
    return List.of();
  }

  private static void compare(
      SlaTracker tracker,
      Model model,
      List<SlaEvent> reported,
      TicketScript[] scripts,
      Instant now) {
    for (TicketScript script : scripts) {
      if (script == null) {
        continue;
      }
      TicketId id = script.id();
      RefTicket expected = model.tickets.get(id);
      for (SlaMetric metric : SlaMetric.values()) {
        List<SlaEvent> actualEvents =
            reported.stream().filter(e -> e.ticketId().equals(id) && e.metric() == metric).toList();
        List<SlaEvent> expectedEvents =
            expected.reported.stream().filter(e -> e.metric() == metric).toList();
        assertEquals(expectedEvents, actualEvents, id + " " + metric + " events up to " + now);
      }
      TicketSla sla = tracker.status(id, now).orElseThrow();
      Map<SlaMetric, SlaStatus> expectedClocks = new EnumMap<>(SlaMetric.class);
      expected.clocks.forEach((metric, clock) -> expectedClocks.put(metric, clock.snapshot(now)));
      assertEquals(expectedClocks, sla.clocks(), id + " clocks at " + now);
      assertEquals(Optional.ofNullable(expected.team), sla.team(), id + " team at " + now);
      assertEquals(expected.policyName, sla.selection().policyName(), id + " policy at " + now);
      script
          .ticket()
          .priority()
          .ifPresent(
              decision ->
                  assertEquals(
                      model.resolutionDue(
                          id, decision.priority(), script.ticket().category().orElse(null), now),
                      tracker.deadlinePolicy().resolutionDue(script.ticket(), now),
                      id + " resolution due at " + now));
    }
  }

  private static List<String> canonical(List<SlaEvent> events) {
    return events.stream()
        .sorted(
            Comparator.comparing(SlaEvent::at)
                .thenComparing(e -> e.ticketId().value())
                .thenComparing(SlaEvent::metric)
                .thenComparing(Object::toString))
        .map(Object::toString)
        .toList();
  }

  /** The reference model of all tickets. */
  static final class Model {
    final SlaContracts contracts;
    final Map<TicketId, RefTicket> tickets = new java.util.HashMap<>();

    Model(SlaContracts contracts) {
      this.contracts = contracts;
    }

    void open(TicketId id, CustomerTier tier, Instant at) {
      RefTicket t = new RefTicket(id, at, contracts.policy("standard").warningThresholds());
      t.tier = tier;
      t.policyName = policyNameOf(t);
      t.policy = contracts.policy(t.policyName);
      tickets.put(id, t);
    }

    /**
     * The precedence written out: an enterprise contract, then the VIP tier, then the standard
     * policy.
     */
    private static String policyNameOf(RefTicket t) {
      if ("ENTERPRISE".equals(t.contract)) {
        return "enterprise";
      }
      return t.tier == CustomerTier.VIP ? "vip" : "standard";
    }

    /**
     * After a tier or contract change: a new policy re-evaluates the clocks as a new priority does.
     */
    void reselect(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      String name = policyNameOf(t);
      if (name.equals(t.policyName)) {
        return;
      }
      t.policyName = name;
      t.policy = contracts.policy(name);
      if (t.priority != null) {
        classify(id, t.priority, t.category, at);
      } else {
        retargetOla(t, at);
      }
    }

    void assign(TicketId id, String team, Instant at) {
      RefTicket t = tickets.get(id);
      if (team.equals(t.team)) {
        return;
      }
      meet(id, SlaMetric.OLA, at);
      t.team = team;
      t.teamSince = at;
      startOla(t, at);
    }

    /**
     * A new OLA clock for the ticket's team from {@code start}, if its policy has a target for the
     * team.
     */
    void startOla(RefTicket t, Instant start) {
      t.clocks.remove(SlaMetric.OLA);
      Optional<SlaTarget> target = t.policy.olaTarget(t.team, t.priority);
      if (target.isPresent() && !t.resolved) {
        RefClock clock = new RefClock(t, SlaMetric.OLA, target.get(), start);
        t.clocks.put(SlaMetric.OLA, clock);
        if (pauses(SlaMetric.OLA, t.status)) {
          clock.pause(start);
        }
      }
    }

    void retargetOla(RefTicket t, Instant at) {
      RefClock clock = t.clocks.get(SlaMetric.OLA);
      Optional<SlaTarget> target = t.policy.olaTarget(t.team, t.priority);
      if (clock != null) {
        if (clock.state != SlaClockState.RUNNING && clock.state != SlaClockState.PAUSED) {
          return;
        }
        clock.reportReached(at, true);
        if (target.isEmpty()) {
          clock.stop(at);
        } else {
          clock.target = target.get();
        }
      } else if (target.isPresent() && t.team != null && !t.resolved) {
        startOla(t, t.teamSince);
      }
    }

    void classify(TicketId id, Priority priority, Category category, Instant at) {
      RefTicket t = tickets.get(id);
      SlaPolicy policy = t.policy;
      t.priority = priority;
      t.category = category;
      for (SlaMetric metric : SlaMetric.values()) {
        if (metric == SlaMetric.OLA) {
          retargetOla(t, at);
          continue;
        }
        Optional<SlaTarget> target = policy.target(metric, priority, category);
        RefClock clock = t.clocks.get(metric);
        if (clock != null) {
          if (clock.state == SlaClockState.STOPPED || clock.state == SlaClockState.MET) {
            continue;
          }
          clock.reportReached(at, true);
          if (target.isEmpty()) {
            clock.stop(at);
          } else {
            clock.target = target.get();
          }
        } else if (target.isPresent()
            && metric != SlaMetric.CALLBACK
            && !(metric == SlaMetric.FIRST_RESPONSE && t.responded)
            && !(metric == SlaMetric.NEXT_REPLY && t.unansweredSince == null)
            && !(metric == SlaMetric.PERIODIC_UPDATE && t.resolved)) {
          Instant start = t.createdAt;
          if (metric == SlaMetric.NEXT_REPLY) {
            start = t.unansweredSince;
          } else if (metric == SlaMetric.PERIODIC_UPDATE && t.lastAgentReply != null) {
            start = t.lastAgentReply;
          }
          clock = new RefClock(t, metric, target.get(), start);
          t.clocks.put(metric, clock);
          if (pauses(metric, t.status)) {
            clock.pause(at);
          }
        }
      }
    }

    void reprioritise(TicketId id, Priority priority, Instant at) {
      RefTicket t = tickets.get(id);
      classify(id, priority, t.category, at);
    }

    void changeDeadline(TicketId id, Instant dueAt, Instant at) {
      RefClock clock = tickets.get(id).clocks.get(SlaMetric.RESOLUTION);
      if (clock == null
          || (clock.state != SlaClockState.RUNNING && clock.state != SlaClockState.PAUSED)) {
        return;
      }
      clock.reportReached(at, true);
      // the target becomes the time counted before the open segment (or before now, when paused)
      // plus the
      // time from that segment's start (or now) until dueAt: a running clock reaches it exactly at
      // dueAt
      Instant from =
          clock.state == SlaClockState.RUNNING ? clock.starts.get(clock.starts.size() - 1) : at;
      Duration more = dueAt.isAfter(from) ? Duration.between(from, dueAt) : Duration.ZERO;
      Duration total = clock.closedTime().plus(more);
      clock.target =
          new SlaTarget(total.isZero() ? Duration.ofNanos(1) : total, clock.target.calendarName());
    }

    void respond(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      if (!t.responded) {
        t.responded = true;
        meet(id, SlaMetric.FIRST_RESPONSE, at);
      }
    }

    void resolve(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      respond(id, at);
      meet(id, SlaMetric.RESOLUTION, at);
      meet(id, SlaMetric.AGENT_WORK_TIME, at);
      meet(id, SlaMetric.REQUESTER_WAIT_TIME, at);
      meet(id, SlaMetric.PERIODIC_UPDATE, at);
      meet(id, SlaMetric.OLA, at);
      t.resolved = true;
      newCycle(t, SlaMetric.CALLBACK, at);
    }

    /**
     * Replaces the metric's clock by a new one from {@code at}, if the policy has a target for it.
     */
    void newCycle(RefTicket t, SlaMetric metric, Instant at) {
      t.clocks.remove(metric);
      t.policy
          .target(metric, t.priority, t.category)
          .ifPresent(target -> t.clocks.put(metric, new RefClock(t, metric, target, at)));
    }

    /** An agent reply responds, answers pending customer messages and is a progress update. */
    void agentReply(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      respond(id, at);
      meet(id, SlaMetric.NEXT_REPLY, at);
      t.unansweredSince = null;
      t.lastAgentReply = at;
      if (!t.resolved && t.priority != null) {
        meet(id, SlaMetric.PERIODIC_UPDATE, at);
        newCycle(t, SlaMetric.PERIODIC_UPDATE, at);
      }
    }

    /** The oldest unanswered customer message starts the next-reply clock. */
    void customerReply(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      if (t.unansweredSince == null) {
        t.unansweredSince = at;
        if (t.priority != null) {
          newCycle(t, SlaMetric.NEXT_REPLY, at);
        }
      }
    }

    /**
     * Next reply never pauses; requester wait only waiting on the customer; agent work also on a
     * third party.
     */
    boolean pauses(SlaMetric metric, TicketStatus status) {
      SlaPolicy policy = contracts.policy("standard");
      if (status == null || status.equals(TicketStatus.CLOSED)) {
        return false;
      }
      return switch (metric) {
        case NEXT_REPLY -> false;
        case REQUESTER_WAIT_TIME -> status.equals(TicketStatus.WAITING_ON_CUSTOMER);
        case AGENT_WORK_TIME ->
            status.equals(TicketStatus.WAITING_ON_CUSTOMER)
                || status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)
                || policy.pausingStatuses().contains(status);
        default -> policy.pausingStatuses().contains(status);
      };
    }

    void meet(TicketId id, SlaMetric metric, Instant at) {
      RefTicket t = tickets.get(id);
      RefClock clock = t.clocks.get(metric);
      if (clock != null
          && (clock.state == SlaClockState.RUNNING || clock.state == SlaClockState.PAUSED)) {
        clock.reportReached(at, false);
        clock.meet(at);
        t.reported.add(new SlaEvent.Met(id, metric, at, !clock.breached, clock.team));
      }
    }

    void reopen(TicketId id, Instant at) {
      RefTicket t = tickets.get(id);
      for (SlaMetric metric :
          List.of(SlaMetric.RESOLUTION, SlaMetric.AGENT_WORK_TIME, SlaMetric.REQUESTER_WAIT_TIME)) {
        RefClock clock = t.clocks.get(metric);
        if (clock != null && clock.state == SlaClockState.MET) {
          clock.resume(at);
        }
      }
      if (t.resolved && t.priority != null) {
        newCycle(t, SlaMetric.PERIODIC_UPDATE, at);
      }
      t.resolved = false;
      if (t.team != null) {
        t.teamSince = at;
        startOla(t, at);
      }
      RefClock callback = t.clocks.get(SlaMetric.CALLBACK);
      if (callback != null) {
        callback.reportReached(at, true);
        callback.stop(at);
      }
    }

    void close(TicketId id, Instant at) {
      for (RefClock clock : tickets.get(id).clocks.values()) {
        clock.reportReached(at, true);
        clock.stop(at);
      }
    }

    /**
     * After each event: each clock pauses in a status that pauses its metric and resumes when it
     * leaves it.
     */
    void statusChanged(TicketId id, TicketStatus to, Instant at) {
      RefTicket t = tickets.get(id);
      for (RefClock clock : t.clocks.values()) {
        boolean pause = pauses(clock.metric, to);
        if (pause && clock.state == SlaClockState.RUNNING) {
          clock.reportReached(at, true);
          clock.pause(at);
        } else if (!pause && clock.state == SlaClockState.PAUSED) {
          clock.resume(at);
        }
      }
      t.status = to;
    }

    /** Reports every level reached at or before {@code now}. */
    List<SlaEvent> tick(Instant now) {
      List<SlaEvent> events = new ArrayList<>();
      for (RefTicket t : tickets.values()) {
        int before = t.reported.size();
        for (RefClock clock : t.clocks.values()) {
          clock.reportReached(now, true);
        }
        events.addAll(t.reported.subList(before, t.reported.size()));
      }
      return events;
    }

    Optional<Instant> resolutionDue(TicketId id, Priority priority, Category category, Instant at) {
      RefTicket t = tickets.get(id);
      Optional<SlaTarget> target = t.policy.target(SlaMetric.RESOLUTION, priority, category);
      if (target.isEmpty()) {
        return Optional.empty();
      }
      RefClock clock = t.clocks.get(SlaMetric.RESOLUTION);
      if (clock == null || clock.state == SlaClockState.STOPPED) {
        return Optional.of(t.createdAt.plus(target.get().duration()));
      }
      // the time counted in closed segments, plus what is left from the open segment's start (or
      // now)
      Instant from =
          clock.state == SlaClockState.RUNNING ? clock.starts.get(clock.starts.size() - 1) : at;
      Duration toGo = target.get().duration().minus(clock.closedTime());
      return Optional.of(toGo.isNegative() || toGo.isZero() ? from : from.plus(toGo));
    }
  }

  /** The model's SLA state of one ticket. */
  static final class RefTicket {
    final TicketId id;
    final Instant createdAt;
    final Map<SlaMetric, RefClock> clocks = new EnumMap<>(SlaMetric.class);
    final List<SlaEvent> reported = new ArrayList<>();
    final List<Double> policyThresholds;
    Priority priority;
    Category category;
    boolean responded;
    TicketStatus status;
    boolean resolved;
    Instant lastAgentReply;
    Instant unansweredSince;
    CustomerTier tier;
    String contract;
    String policyName;
    SlaPolicy policy;
    String team;
    Instant teamSince;

    RefTicket(TicketId id, Instant createdAt, List<Double> policyThresholds) {
      this.id = id;
      this.createdAt = createdAt;
      this.policyThresholds = policyThresholds;
    }
  }

  /**
   * One clock as explicit running segments [starts[i], ends[i]); the last one is open while
   * running.
   */
  static final class RefClock {
    final RefTicket ticket;
    final SlaMetric metric;
    final Instant startedAt;

    /** The team of an OLA clock, else null. */
    final String team;

    final List<Instant> starts = new ArrayList<>();
    final List<Instant> ends = new ArrayList<>();
    SlaTarget target;
    SlaClockState state = SlaClockState.RUNNING;
    int nextLevel;
    double highestWarning;
    boolean breached;
    Instant breachedAt;
    Instant metAt;

    RefClock(RefTicket ticket, SlaMetric metric, SlaTarget target, Instant startedAt) {
      this.ticket = ticket;
      this.metric = metric;
      this.target = target;
      this.startedAt = startedAt;
      this.team = metric == SlaMetric.OLA ? ticket.team : null;
      starts.add(startedAt);
    }

    void pause(Instant at) {
      if (state == SlaClockState.RUNNING) {
        ends.add(at);
        state = SlaClockState.PAUSED;
      }
    }

    void resume(Instant at) {
      if (state == SlaClockState.PAUSED || state == SlaClockState.MET) {
        starts.add(at);
        metAt = null;
        state = SlaClockState.RUNNING;
      }
    }

    void meet(Instant at) {
      if (state == SlaClockState.RUNNING) {
        ends.add(at);
      }
      metAt = at;
      state = SlaClockState.MET;
    }

    void stop(Instant at) {
      if (state == SlaClockState.RUNNING) {
        ends.add(at);
      }
      if (state != SlaClockState.MET) {
        state = SlaClockState.STOPPED;
      }
    }

    Duration closedTime() {
      Duration sum = Duration.ZERO;
      for (int i = 0; i < ends.size(); i++) {
        sum = sum.plus(Duration.between(starts.get(i), ends.get(i)));
      }
      return sum;
    }

    Duration runningTime(Instant now) {
      Duration sum = closedTime();
      if (state == SlaClockState.RUNNING) {
        Instant open = starts.get(starts.size() - 1);
        if (now.isAfter(open)) {
          sum = sum.plus(Duration.between(open, now));
        }
      }
      return sum;
    }

    /**
     * The first instant at which the running time reaches {@code needed}; empty if it has not and
     * cannot.
     */
    Optional<Instant> reached(Duration needed) {
      Duration sum = Duration.ZERO;
      for (int i = 0; i < starts.size(); i++) {
        Duration left = needed.minus(sum);
        if (i == ends.size()) {
          return Optional.of(starts.get(i).plus(left));
        }
        Duration length = Duration.between(starts.get(i), ends.get(i));
        if (length.compareTo(left) >= 0) {
          return Optional.of(starts.get(i).plus(left));
        }
        sum = sum.plus(length);
      }
      return Optional.empty();
    }

    /**
     * The running time at which level {@code index} is reached: a warning fraction, or the whole
     * target.
     */
    Duration level(int index, List<Double> thresholds) {
      long nanos = target.duration().toNanos();
      return index < thresholds.size()
          ? Duration.ofNanos(Math.round(nanos * thresholds.get(index)))
          : target.duration();
    }

    /**
     * Reports, in order, the levels reached at (if inclusive) or before {@code at} that are not
     * reported yet.
     */
    void reportReached(Instant at, boolean inclusive) {
      List<Double> thresholds = ticket.policyThresholds;
      while ((state == SlaClockState.RUNNING || state == SlaClockState.PAUSED)
          && nextLevel <= thresholds.size()) {
        Optional<Instant> when = reached(level(nextLevel, thresholds));
        if (when.isEmpty() || (inclusive ? when.get().isAfter(at) : !when.get().isBefore(at))) {
          return;
        }
        if (nextLevel < thresholds.size()) {
          highestWarning = thresholds.get(nextLevel);
          ticket.reported.add(
              new SlaEvent.Warned(ticket.id, metric, highestWarning, when.get(), target, team));
        } else {
          breached = true;
          breachedAt = when.get();
          ticket.reported.add(new SlaEvent.Breached(ticket.id, metric, when.get(), target, team));
        }
        nextLevel++;
      }
    }

    SlaStatus snapshot(Instant now) {
      Duration elapsed = runningTime(now);
      Optional<Instant> deadline =
          state == SlaClockState.RUNNING ? reached(target.duration()) : Optional.empty();
      return new SlaStatus(
          metric,
          target,
          state,
          startedAt,
          deadline,
          elapsed,
          target.duration().minus(elapsed),
          highestWarning,
          breached,
          Optional.ofNullable(metAt),
          Optional.ofNullable(breachedAt));
    }
  }
}
