package io.loopdesk.routing.bench;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.routing.Agent;
import io.loopdesk.routing.AgentPool;
import io.loopdesk.routing.AgentSelection;
import io.loopdesk.routing.MatchMode;
import io.loopdesk.routing.Presence;
import io.loopdesk.routing.ReferencePool;
import io.loopdesk.routing.Router;
import io.loopdesk.routing.RoutingDecision;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RoutingResult;
import io.loopdesk.routing.RoutingRule;
import io.loopdesk.routing.RoutingRules;
import io.loopdesk.routing.SelectionStrategy;
import io.loopdesk.routing.WarrantyStatus;
import io.loopdesk.routing.internal.LinearRuleEvaluator;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing one ticket with 1,000 rules and 10,000 agents (100 queues, each agent in two, so about
 * 200 agents per queue; 80% online; a third with day-shift working hours; capacities 2-8): rule
 * decision, agent choice with capacity reservation, then release of the slot so that the state
 * stays steady. The baseline does the same with the plain reference implementations in the same
 * run: every rule tested in order and every one of the 10,000 agents scanned and sorted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {
  private static final int RULES = 1_000;
  private static final int AGENTS = 10_000;
  private static final int QUEUES = 100;
  private static final int CATEGORIES = 20;
  private static final Instant AT = Instant.parse("2026-03-02T10:30:00Z");

  /** The selection strategy of every queue. */
  @Param({"LEAST_LOADED", "SKILL_BASED", "ROUND_ROBIN", "QUALITY_WEIGHTED"})
  public String strategy;

  private Router router;
  private AgentPool pool;
  private LinearRuleEvaluator linear;
  private ReferencePool reference;
  private final RoutingInput[] inputs = new RoutingInput[4096];
  private int next;

  /** Builds rules, agents and tickets from a fixed seed. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    RoutingRules.Builder rules = RoutingRules.builder(MatchMode.FIRST_MATCH);
    for (int i = 0; i < RULES - CATEGORIES; i++) {
      RoutingRule.Builder r =
          RoutingRule.builder("rule-" + i)
              .category(category(i % CATEGORIES))
              .priority(Priority.values()[i % 4], Priority.values()[(i + 1) % 4])
              .channel(i % 3 == 0 ? Channel.PHONE : Channel.APP)
              .attribute("segment", "s" + i)
              .assignTo("dept-" + (i % 10), "q" + (i % QUEUES));
      if (i % 2 == 0) {
        r.requireSkill("skill-" + (i % 10), 1 + i % 3);
      }
      if (i % 5 == 0) {
        r.raisePriority(1).tag("t" + (i % 7));
      }
      rules.add(r.build());
    }
    for (int c = 0; c < CATEGORIES; c++) {
      rules.add(
          RoutingRule.builder("fallback-" + c)
              .category(category(c))
              .assignTo("dept-" + c % 10, "q" + (c * 5))
              .build());
    }
    RoutingRules ruleSet = rules.build();
    SelectionStrategy s = SelectionStrategy.valueOf(strategy);
    pool = AgentPool.create(s);
    reference = new ReferencePool(s);
    BusinessCalendar dayShift =
        BusinessCalendar.builder("day", ZoneOffset.UTC)
            .weekdays(WorkingInterval.parse("08:00-16:00"))
            .build();
    for (int i = 0; i < AGENTS; i++) {
      Agent.Builder a =
          Agent.builder("agent-" + i)
              .queues("q" + (i % QUEUES), "q" + ((i * 7 + 3) % QUEUES))
              .capacity(2 + random.nextInt(7))
              .languages(random.nextBoolean() ? "zh" : "en");
      for (int k = 0; k < 3; k++) {
        a.skill("skill-" + random.nextInt(10), 1 + random.nextInt(5));
      }
      if (i % 3 == 0) {
        a.workingHours(dayShift);
      }
      Agent agent = a.build();
      Presence presence = random.nextInt(10) < 8 ? Presence.ONLINE : Presence.AWAY;
      pool.register(agent, presence);
      reference.register(agent, presence);
      double quality = random.nextInt(1000) / 10.0;
      pool.quality(agent.id(), quality);
      reference.quality(agent.id(), quality);
    }
    for (int i = 0; i < AGENTS * 2; i++) {
      String q = "q" + random.nextInt(QUEUES);
      pool.reserve(q, io.loopdesk.routing.SkillRequirement.NONE, AT)
          .ifPresent(sel -> reference.reserve(q, io.loopdesk.routing.SkillRequirement.NONE, AT));
    }
    router = Router.create(ruleSet, pool, Clock.fixed(AT, ZoneOffset.UTC));
    linear = new LinearRuleEvaluator(ruleSet);
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] =
          RoutingInput.builder()
              .category(category(random.nextInt(CATEGORIES)))
              .priority(Priority.values()[random.nextInt(4)])
              .channel(random.nextBoolean() ? Channel.PHONE : Channel.APP)
              .product("X" + random.nextInt(50))
              .tier(random.nextInt(10) == 0 ? CustomerTier.VIP : CustomerTier.STANDARD)
              .warranty(WarrantyStatus.values()[random.nextInt(3)])
              .language(random.nextBoolean() ? "zh" : "en")
              .attribute("segment", "s" + random.nextInt(1_500))
              .build();
    }
  }

  private static Category category(int i) {
    return Category.of("CAT_" + i);
  }

  /** Routes one ticket through the indexed engine and the agent pool, then frees the slot. */
  @Benchmark
  public Optional<AgentSelection> route() {
    RoutingResult result = router.route(inputs[next++ & (inputs.length - 1)], AT);
    result.agent().ifPresent(a -> pool.release(a.agentId()));
    return result.agent();
  }

  /** Baseline: every rule tested in order, every agent scanned, then the slot freed. */
  @Benchmark
  public Optional<String> baselineLinearScan() {
    RoutingDecision decision = linear.decide(inputs[next++ & (inputs.length - 1)]);
    Optional<String> agent =
        decision.target().flatMap(t -> reference.reserve(t.queue(), decision.requirement(), AT));
    agent.ifPresent(reference::release);
    return agent;
  }
}
