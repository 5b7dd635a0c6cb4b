package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each selection strategy, presence, working hours, capacity and switching strategies at run time.
 */
class AgentPoolTest {
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T10:00:00Z");
  static final Instant MONDAY_20 = Instant.parse("2026-03-02T20:00:00Z");

  static AgentPool pool(SelectionStrategy strategy) {
    AgentPool pool = AgentPool.create(strategy);
    pool.register(
        Agent.builder("a1")
            .queues("tech")
            .skill("diagnostics", 2)
            .languages("zh")
            .capacity(2)
            .build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("a2")
            .queues("tech")
            .skill("diagnostics", 5)
            .skill("batteries", 4)
            .languages("zh", "en")
            .capacity(2)
            .build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("a3")
            .queues("tech", "general")
            .skill("diagnostics", 3)
            .languages("en")
            .capacity(1)
            .build(),
        Presence.ONLINE);
    return pool;
  }

  static String pick(AgentPool pool, SkillRequirement req) {
    return pool.reserve("tech", req, MONDAY_10).map(AgentSelection::agentId).orElse(null);
  }

  @Test
  void leastLoadedGivesIdleAgentsFirstThenTheLongestIdle() {
    AgentPool pool = pool(SelectionStrategy.LEAST_LOADED);
    List<String> picks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      picks.add(pick(pool, SkillRequirement.NONE));
    }
    assertThat(picks).containsExactly("a1", "a2", "a3", "a1", "a2", null);
    pool.release("a3");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a3");
  }

  @Test
  void skillBasedPrefersTheHighestLevelsAndHonoursMinimumsAndLanguage() {
    AgentPool pool = pool(SelectionStrategy.SKILL_BASED);
    Optional<AgentSelection> s =
        pool.reserve("tech", SkillRequirement.skill("diagnostics", 3), MONDAY_10);
    assertThat(s.orElseThrow().agentId()).isEqualTo("a2");
    assertThat(s.orElseThrow().reason()).startsWith("SKILL_BASED: skill score 5");
    assertThat(pick(pool, SkillRequirement.skill("diagnostics", 3))).isEqualTo("a2");
    assertThat(pick(pool, SkillRequirement.skill("diagnostics", 3))).isEqualTo("a3");
    assertThat(pick(pool, SkillRequirement.skill("diagnostics", 3))).isNull();
    assertThat(pick(pool, SkillRequirement.skill("diagnostics", 1).withLanguage("zh")))
        .isEqualTo("a1");
    assertThat(pick(pool, SkillRequirement.skill("batteries", 1))).isNull();
  }

  @Test
  void roundRobinTakesTurnsSkippingUnavailableAgents() {
    AgentPool pool = pool(SelectionStrategy.ROUND_ROBIN);
    pool.register(Agent.builder("a3").queues("tech").capacity(5).build(), Presence.ONLINE);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a1");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a2");
    pool.presence("a3", Presence.AWAY);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a1");
    pool.presence("a3", Presence.ONLINE);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a2");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a3");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a3");
  }

  @Test
  void roundRobinContinuesAfterTheAgentLastChosenInTheQueueByAnyStrategy() {
    AgentPool pool = pool(SelectionStrategy.LEAST_LOADED);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a1");
    pool.strategy("tech", SelectionStrategy.ROUND_ROBIN);
    AgentSelection next = pool.reserve("tech", SkillRequirement.NONE, MONDAY_10).orElseThrow();
    assertThat(next.agentId()).isEqualTo("a2");
    assertThat(next.reason()).contains("next in turn after a1");
    pool.strategy("tech", SelectionStrategy.SKILL_BASED);
    assertThat(
            pool.reserve("tech", SkillRequirement.skill("diagnostics", 5), MONDAY_10)
                .map(AgentSelection::agentId))
        .contains("a2");
    pool.strategy("tech", SelectionStrategy.ROUND_ROBIN);
    assertThat(pick(pool, SkillRequirement.NONE)).as("after a2, chosen by skill").isEqualTo("a3");
  }

  @Test
  void longestSinceLastAssignmentFollowsTheInstantsPassedInNotTheCallOrder() {
    AgentPool pool = pool(SelectionStrategy.LEAST_LOADED);
    pool.presence("a3", Presence.AWAY);
    assertThat(
            pool.reserve("tech", SkillRequirement.NONE, MONDAY_10.plusSeconds(300))
                .map(AgentSelection::agentId))
        .contains("a1");
    assertThat(pool.reserve("tech", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .contains("a2");
    pool.release("a1");
    pool.release("a2");
    assertThat(
            pool.reserve("tech", SkillRequirement.NONE, MONDAY_10.plusSeconds(600))
                .map(AgentSelection::agentId))
        .as("a2 was last assigned at 10:00, a1 at 10:05")
        .contains("a2");
    pool.release("a2");
    pool.presence("a1", Presence.AWAY);
    assertThat(
            pool.reserve("tech", SkillRequirement.NONE, MONDAY_10.plusSeconds(120))
                .map(AgentSelection::agentId))
        .contains("a2");
    pool.release("a2");
    pool.presence("a1", Presence.ONLINE);
    assertThat(
            pool.reserve("tech", SkillRequirement.NONE, MONDAY_10.plusSeconds(1800))
                .map(AgentSelection::agentId))
        .as("a2's last assignment stays 10:10, the latest of 10:00, 10:10 and 10:02; a1's is 10:05")
        .contains("a1");
  }

  @Test
  void qualityWeightedPrefersTheBestScoreAndTheStrategyCanBeSwitchedPerQueue() {
    AgentPool pool = pool(SelectionStrategy.LEAST_LOADED);
    pool.quality("a3", 97);
    pool.quality("a1", 80);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a1");
    pool.strategy("tech", SelectionStrategy.QUALITY_WEIGHTED);
    assertThat(pool.strategyOf("tech")).isEqualTo(SelectionStrategy.QUALITY_WEIGHTED);
    assertThat(pool.strategyOf("general")).isEqualTo(SelectionStrategy.LEAST_LOADED);
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a3");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a1");
    assertThat(pick(pool, SkillRequirement.NONE)).isEqualTo("a2");
    assertThatThrownBy(() -> pool.quality("a1", 101))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("quality");
  }

  @Test
  void agentsOutsideTheirWorkingHoursOrNotOnlineAreNotChosen() {
    BusinessCalendar dayShift =
        BusinessCalendar.builder("day", ZoneOffset.UTC)
            .weekdays(WorkingInterval.parse("09:00-18:00"))
            .build();
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    pool.register(
        Agent.builder("day").queues("q").workingHours(dayShift).capacity(3).build(),
        Presence.ONLINE);
    pool.register(Agent.builder("busy").queues("q").capacity(3).build(), Presence.BUSY);
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .contains("day");
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_20)).isEmpty();
    pool.presence("busy", Presence.ONLINE);
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_20).map(AgentSelection::agentId))
        .contains("busy");
    assertThat(pool.reserve("unknown-queue", SkillRequirement.NONE, MONDAY_10)).isEmpty();
  }

  @Test
  void capacityCannotShrinkBelowOpenTicketsAndReleaseNeedsAnOpenTicket() {
    AgentPool pool = pool(SelectionStrategy.LEAST_LOADED);
    pick(pool, SkillRequirement.NONE);
    pick(pool, SkillRequirement.NONE);
    pick(pool, SkillRequirement.NONE);
    pick(pool, SkillRequirement.NONE);
    assertThat(pool.status("a1").orElseThrow().openTickets()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                pool.register(
                    Agent.builder("a1").queues("tech").capacity(1).build(), Presence.ONLINE))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("agent a1.capacity");
    assertThat(pool.status("a1").orElseThrow().agent().capacity()).isEqualTo(2);
    pool.release("a3");
    assertThatThrownBy(() -> pool.release("a3"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("no open tickets");
    assertThatThrownBy(() -> pool.release("ghost"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ghost");
    assertThat(pool.remove("a3")).isTrue();
    assertThat(pool.reserve("general", SkillRequirement.NONE, MONDAY_10)).isEmpty();
  }

  @Test
  void routerCombinesRulesAndAgentsAndExplainsTheWholeDecision() {
    AgentPool pool = pool(SelectionStrategy.SKILL_BASED);
    Clock clock = Clock.fixed(MONDAY_10, ZoneOffset.UTC);
    Router router = Router.create(RoutingRulesTest.handbook(MatchMode.FIRST_MATCH), pool, clock);
    RoutingInput fault =
        RoutingInput.builder()
            .category(Category.PRODUCT_FAULT)
            .priority(Priority.P0)
            .channel(Channel.APP)
            .product("X9")
            .language("en")
            .build();
    RoutingResult r = router.route(fault);
    assertThat(r.assignment().orElseThrow().assignee()).isEqualTo("a2");
    assertThat(r.assignment().orElseThrow().department()).isEqualTo("technical-support");
    assertThat(r.reason()).contains("rule faults-p0-p1", "agent a2 in queue tech", "SKILL_BASED");
    RoutingRules swapped =
        RoutingRules.builder(MatchMode.FIRST_MATCH)
            .add(RoutingRule.builder("all-to-tech").assignTo("tech-support", "tech").build())
            .build();
    router.rules(swapped);
    assertThat(router.route(fault).assignment().orElseThrow().assignee())
        .as("idle first without skills")
        .isEqualTo("a3");
    assertThat(router.route(fault).assignment().orElseThrow().assignee()).isEqualTo("a2");
    RoutingResult none = router.route(fault);
    assertThat(none.assignment()).isEmpty();
    assertThat(none.reason()).contains("no available agent in queue tech");
  }
}
