package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import io.loopdesk.routing.internal.LinearRuleEvaluator;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of routing over random rule sets, inputs, agents and operation sequences: decisions
 * are deterministic and equal to the plain linear evaluation; agent selection equals a plain
 * reference model, is deterministic, and never exceeds any agent's capacity.
 */
class RoutingProperties {
  static final Category[] CATEGORIES = {
    Category.PRODUCT_FAULT, Category.COMPLAINT, Category.SUGGESTION, Category.of("BILLING")
  };
  static final String[] QUEUES = {"q1", "q2", "q3"};
  static final String[] SKILLS = {"s1", "s2", "s3"};
  static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
  static final BusinessCalendar DAY =
      BusinessCalendar.builder("day", ZoneOffset.UTC)
          .weekdays(WorkingInterval.parse("08:00-16:00"))
          .build();

  // ---------------------------------------------------------------- rules

  @Provide
  Arbitrary<List<RoutingRule>> rules() {
    return rule().list().ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<RoutingInput>> inputs() {
    return input().list().ofMinSize(1).ofMaxSize(10);
  }

  Arbitrary<RoutingRule> rule() {
    Arbitrary<List<Category>> cats =
        Arbitraries.of(CATEGORIES).list().ofMinSize(0).ofMaxSize(2).uniqueElements();
    Arbitrary<List<Priority>> prios =
        Arbitraries.of(Priority.class).list().ofMinSize(0).ofMaxSize(2).uniqueElements();
    Arbitrary<List<CustomerTier>> tiers =
        Arbitraries.of(CustomerTier.class).list().ofMinSize(0).ofMaxSize(1);
    Arbitrary<List<WarrantyStatus>> warranty =
        Arbitraries.of(WarrantyStatus.class).list().ofMinSize(0).ofMaxSize(2).uniqueElements();
    Arbitrary<List<String>> regions =
        Arbitraries.of("north", "south").list().ofMinSize(0).ofMaxSize(1);
    Arbitrary<Integer> action = Arbitraries.integers().between(0, 4);
    return Combinators.combine(
            Arbitraries.integers().between(0, 1_000_000),
            cats,
            prios,
            tiers,
            warranty,
            regions,
            action,
            Arbitraries.of(QUEUES))
        .as(
            (id, c, p, t, w, r, a, q) -> {
              RoutingRule.Builder b = RoutingRule.builder("r" + id);
              if (!c.isEmpty()) b.category(c.toArray(Category[]::new));
              if (!p.isEmpty()) b.priority(p.toArray(Priority[]::new));
              if (!t.isEmpty()) b.tier(t.toArray(CustomerTier[]::new));
              if (!w.isEmpty()) b.warranty(w.toArray(WarrantyStatus[]::new));
              if (!r.isEmpty()) b.attribute("region", r.toArray(String[]::new));
              switch (a) {
                case 0 -> b.assignTo("d-" + q, q);
                case 1 -> b.raisePriority(1).assignTo("d-" + q, q);
                case 2 -> b.setPriority(Priority.P2).tag("t" + q);
                case 3 -> b.requireSkill(SKILLS[id % 3], 1 + id % 4);
                default -> b.tag("x", "y").assignTo("d-" + q, q);
              }
              return b.build();
            });
  }

  Arbitrary<RoutingInput> input() {
    return Combinators.combine(
            Arbitraries.of(CATEGORIES).injectNull(0.1),
            Arbitraries.of(Priority.class).injectNull(0.1),
            Arbitraries.of(CustomerTier.class),
            Arbitraries.of(WarrantyStatus.class),
            Arbitraries.of("north", "south", "west").injectNull(0.3))
        .as(
            (c, p, t, w, r) -> {
              RoutingInput.Builder b =
                  RoutingInput.builder()
                      .category(c)
                      .priority(p)
                      .tier(t)
                      .warranty(w)
                      .channel(Channel.PHONE)
                      .product("X9");
              if (r != null) b.attribute("region", r);
              return b.build();
            });
  }

  static RoutingRules ruleSet(MatchMode mode, List<RoutingRule> candidates) {
    List<RoutingRule> kept = new ArrayList<>();
    for (RoutingRule rule : candidates) {
      if (kept.stream().anyMatch(k -> k.id().equals(rule.id()))) continue;
      RoutingRules.Builder b = RoutingRules.builder(mode);
      kept.forEach(b::add);
      try {
        b.add(rule).build();
        kept.add(rule);
      } catch (RuleDefinitionException shadowed) {
        // a generated rule that an earlier one shadows is simply left out
      }
    }
    RoutingRules.Builder b = RoutingRules.builder(mode);
    kept.forEach(b::add);
    return b.build();
  }

  @Property(tries = 300)
  void decisionsAreDeterministicAndEqualTheLinearReference(
      @ForAll("rules") List<RoutingRule> candidates,
      @ForAll MatchMode mode,
      @ForAll("inputs") List<RoutingInput> inputs) {
    RoutingRules rules = ruleSet(mode, candidates);
    RuleEngine engine = RuleEngine.of(rules);
    RuleEngine again = RuleEngine.of(ruleSet(mode, candidates));
    LinearRuleEvaluator reference = new LinearRuleEvaluator(rules);
    for (RoutingInput input : inputs) {
      RoutingDecision d = engine.decide(input);
      assertThat(d)
          .isEqualTo(reference.decide(input))
          .isEqualTo(engine.decide(input))
          .isEqualTo(again.decide(input));
      if (mode == MatchMode.FIRST_MATCH) {
        assertThat(d.fired()).hasSizeLessThanOrEqualTo(1);
      }
      for (FiredRule f : d.fired()) {
        assertThat(rules.rule(f.ruleId()).orElseThrow().matches(input)).isTrue();
      }
    }
  }

  // ---------------------------------------------------------------- agents

  /** One step of a random workload. */
  record Op(int kind, int agent, int queue, int skill, int level, int minutes, int capacity) {}

  @Provide
  Arbitrary<List<Op>> workloads() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 900),
                Arbitraries.integers().between(1, 4))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(120);
  }

  static Agent agent(int i, int capacity) {
    Agent.Builder b =
        Agent.builder("agent-" + i)
            .queues(QUEUES[i % 3], QUEUES[(i + 1) % 3])
            .capacity(capacity)
            .skill(SKILLS[i % 3], 1 + i % 4)
            .languages(i % 2 == 0 ? "zh" : "en");
    if (i % 4 == 3) b.workingHours(DAY);
    return b.build();
  }

  /** Applies a workload to the pool and the reference model; returns the pool's choices. */
  static List<Optional<String>> run(List<Op> ops, SelectionStrategy initial, ReferencePool model) {
    AgentPool pool = AgentPool.create(initial);
    for (int i = 0; i < 8; i++) {
      Agent a = agent(i, 1 + i % 3);
      pool.register(a, Presence.ONLINE);
      if (model != null) model.register(a, Presence.ONLINE);
    }
    List<Optional<String>> choices = new ArrayList<>();
    Instant at = T0;
    for (Op op : ops) {
      at = at.plus(Duration.ofMinutes(op.minutes()));
      String id = "agent-" + op.agent();
      switch (op.kind()) {
        case 0, 1, 2, 3 -> {
          SkillRequirement req =
              op.level() == 0
                  ? SkillRequirement.NONE
                  : SkillRequirement.skill(SKILLS[op.skill()], op.level());
          if (op.minutes() % 5 == 0) req = req.withLanguage("zh");
          Instant when = op.minutes() % 7 == 3 ? at.minus(Duration.ofMinutes(op.minutes())) : at;
          Optional<String> chosen =
              pool.reserve(QUEUES[op.queue()], req, when).map(AgentSelection::agentId);
          choices.add(chosen);
          if (model != null)
            assertThat(chosen).isEqualTo(model.reserve(QUEUES[op.queue()], req, when));
        }
        case 4 -> {
          int load = pool.status(id).orElseThrow().openTickets();
          if (load > 0) {
            pool.release(id);
            if (model != null) model.agents.get(id).load--;
          }
        }
        case 5 -> {
          Presence p = Presence.values()[op.level()];
          pool.presence(id, p);
          if (model != null) model.agents.get(id).presence = p;
        }
        case 6 -> {
          pool.quality(id, op.minutes() / 9.0);
          if (model != null) model.agents.get(id).quality = op.minutes() / 9.0;
        }
        case 7 -> {
          SelectionStrategy s = SelectionStrategy.values()[op.level()];
          pool.strategy(QUEUES[op.queue()], s);
          if (model != null) model.strategies.put(QUEUES[op.queue()], s);
        }
        case 8 -> {
          Agent changed = agent(op.agent(), op.capacity());
          try {
            pool.register(changed, Presence.ONLINE);
            if (model != null) model.register(changed, Presence.ONLINE);
          } catch (ValidationException belowLoad) {
            assertThat(pool.status(id).orElseThrow().openTickets()).isGreaterThan(op.capacity());
          }
        }
        default -> {
          pool.defaultStrategy(SelectionStrategy.values()[op.level()]);
          if (model != null) model.defaultStrategy = SelectionStrategy.values()[op.level()];
        }
      }
      for (int i = 0; i < 8; i++) {
        AgentStatus s = pool.status("agent-" + i).orElseThrow();
        assertThat(s.openTickets())
            .as("open tickets of agent-%d", i)
            .isBetween(0, s.agent().capacity());
      }
    }
    return choices;
  }

  @Property(tries = 300)
  void noAgentEverHoldsMoreThanItsCapacityAndChoicesEqualTheReferenceModel(
      @ForAll("workloads") List<Op> ops, @ForAll SelectionStrategy initial) {
    run(ops, initial, new ReferencePool(initial));
  }

  @Property(tries = 200)
  void agentSelectionIsDeterministicForTheSameStateAndInputs(
      @ForAll("workloads") List<Op> ops, @ForAll SelectionStrategy initial) {
    assertThat(run(ops, initial, null)).isEqualTo(run(ops, initial, null));
  }
}
