package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agents as values (equality, copies, limits) and the pool's rules not covered by {@link
 * AgentPoolTest}: leaving a queue, the skill-based tie on load, the turn order among equally loaded
 * agents, the quality range.
 */
class AgentRulesTest {
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T10:00:00Z");
  static final BusinessCalendar OFFICE =
      BusinessCalendar.builder("office", ZoneOffset.UTC)
          .weekdays(WorkingInterval.parse("09:00-18:00"))
          .build();

  static Agent agent() {
    return Agent.builder("a1")
        .queues("tech", "general")
        .skill("diagnostics", 3)
        .languages("zh")
        .capacity(4)
        .workingHours(OFFICE)
        .build();
  }

  @Test
  void agentsAreEqualByEveryField() {
    Agent a = agent();
    assertThat(a).isEqualTo(agent()).hasSameHashCodeAs(agent());
    assertThat(a)
        .isNotEqualTo(
            Agent.builder("a2")
                .queues("tech", "general")
                .skill("diagnostics", 3)
                .languages("zh")
                .capacity(4)
                .workingHours(OFFICE)
                .build());
    assertThat(a).isNotEqualTo(a.toBuilder().queues("vip").build());
    assertThat(a).isNotEqualTo(a.toBuilder().skill("batteries", 1).build());
    assertThat(a).isNotEqualTo(a.toBuilder().languages("en").build());
    assertThat(a).isNotEqualTo(a.toBuilder().capacity(5).build());
    assertThat(a).isNotEqualTo(a.toBuilder().workingHours(null).build());
    assertThat(a).isNotEqualTo("a1");
    assertThat(a.hashCode()).isNotEqualTo(Agent.builder("b7").queues("tech").build().hashCode());
  }

  @Test
  void toBuilderCopiesEverythingAndToStringNamesTheHours() {
    Agent a = agent();
    Agent copy = a.toBuilder().build();
    assertThat(copy).isEqualTo(a);
    assertThat(copy.skills()).isEqualTo(Map.of("diagnostics", 3));
    assertThat(copy.workingHours()).contains(OFFICE);
    assertThat(Agent.builder("x").queues("q").build().workingHours()).isEmpty();
    assertThat(a)
        .hasToString(
            "Agent[a1, queues=[general, tech], skills={diagnostics=3}, languages=[zh], capacity=4, hours=office]");
    assertThat(Agent.builder("x").queues("q").build())
        .hasToString("Agent[x, queues=[q], skills={}, languages=[], capacity=1]");
  }

  @Test
  void limitsOfIdsLevelsAndCapacity() {
    assertThatCode(() -> Agent.builder("a".repeat(64))).doesNotThrowAnyException();
    assertThatThrownBy(() -> Agent.builder("a".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("agent.id");
    assertThat(Agent.builder("x").queues("q").skill("s", 1).skill("t", 10).build().skillLevel("t"))
        .isEqualTo(10);
    assertThatThrownBy(() -> Agent.builder("x").skill("s", 0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Agent.builder("x").skill("s", 11))
        .isInstanceOf(ValidationException.class);
    assertThat(Agent.builder("x").queues("q").capacity(1).build().capacity()).isEqualTo(1);
    assertThat(Agent.builder("x").queues("q").capacity(Agent.MAX_CAPACITY).build().capacity())
        .isEqualTo(Agent.MAX_CAPACITY);
    assertThatThrownBy(() -> Agent.builder("x").capacity(0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Agent.builder("x").capacity(Agent.MAX_CAPACITY + 1))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void skillRequirementsNameTheirLanguage() {
    SkillRequirement zh = SkillRequirement.skill("diagnostics", 2).withLanguage("zh");
    assertThat(zh.requiredLanguage()).contains("zh");
    assertThat(SkillRequirement.NONE.requiredLanguage()).isEmpty();
    assertThat(zh).hasToString("skills {diagnostics=2}, language zh");
    assertThat(SkillRequirement.skill("diagnostics", 2)).hasToString("skills {diagnostics=2}");
  }

  @Test
  void aRemovedAgentIsChosenByNoStrategy() {
    AgentPool pool = AgentPool.create(SelectionStrategy.SKILL_BASED);
    pool.register(
        Agent.builder("expert").queues("tech").skill("diagnostics", 9).capacity(5).build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("junior").queues("tech").skill("diagnostics", 1).capacity(5).build(),
        Presence.ONLINE);
    assertThat(pool.size()).isEqualTo(2);
    assertThat(pool.remove("expert")).isTrue();
    assertThat(pool.remove("expert")).isFalse();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.status("expert")).isEmpty();
    assertThat(
            pool.reserve("tech", SkillRequirement.skill("diagnostics", 1), MONDAY_10)
                .map(AgentSelection::agentId))
        .contains("junior");
  }

  @Test
  void anAgentRegisteredAgainWithOtherQueuesLeavesTheOldOnes() {
    AgentPool pool = AgentPool.create(SelectionStrategy.SKILL_BASED);
    pool.register(
        Agent.builder("mover").queues("tech").skill("diagnostics", 9).capacity(5).build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("stayer").queues("tech").skill("diagnostics", 1).capacity(5).build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("mover").queues("vip").skill("diagnostics", 9).capacity(5).build(),
        Presence.ONLINE);
    assertThat(
            pool.reserve("tech", SkillRequirement.skill("diagnostics", 1), MONDAY_10)
                .map(AgentSelection::agentId))
        .contains("stayer");
    assertThat(
            pool.reserve("vip", SkillRequirement.skill("diagnostics", 1), MONDAY_10)
                .map(AgentSelection::agentId))
        .contains("mover");
  }

  @Test
  void skillBasedBreaksATieInSkillByLoad() {
    AgentPool pool = AgentPool.create(SelectionStrategy.SKILL_BASED);
    pool.register(
        Agent.builder("a1").queues("tech").skill("diagnostics", 4).capacity(5).build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("a2").queues("tech", "other").skill("diagnostics", 4).capacity(5).build(),
        Presence.ONLINE);
    pool.strategy("other", SelectionStrategy.LEAST_LOADED);
    assertThat(pool.reserve("other", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .contains("a2");
    SkillRequirement diagnostics = SkillRequirement.skill("diagnostics", 1);
    assertThat(pool.reserve("tech", diagnostics, MONDAY_10).map(AgentSelection::agentId))
        .as("same score, a1 has no open ticket, a2 has one")
        .contains("a1");
    assertThat(pool.reserve("tech", diagnostics, MONDAY_10).map(AgentSelection::agentId))
        .as("one open ticket each, same instant: a2 was assigned first")
        .contains("a2");
  }

  @Test
  void skillBasedWithSeveralSkillsScoresTheSumOfTheirLevels() {
    AgentPool pool = AgentPool.create(SelectionStrategy.SKILL_BASED);
    pool.register(
        Agent.builder("broad")
            .queues("tech")
            .skill("diagnostics", 3)
            .skill("batteries", 3)
            .capacity(5)
            .build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("deep")
            .queues("tech")
            .skill("diagnostics", 9)
            .skill("batteries", 1)
            .capacity(5)
            .build(),
        Presence.ONLINE);
    pool.register(
        Agent.builder("single").queues("tech").skill("diagnostics", 10).capacity(5).build(),
        Presence.ONLINE);
    SkillRequirement both = new SkillRequirement(Map.of("diagnostics", 1, "batteries", 1), null);
    AgentSelection s = pool.reserve("tech", both, MONDAY_10).orElseThrow();
    assertThat(s.agentId()).isEqualTo("deep");
    assertThat(s.reason())
        .startsWith("SKILL_BASED: skill score 10 for skills {batteries=1, diagnostics=1}");
  }

  @Test
  void amongEquallyLoadedAgentsWithTheSameLastInstantTheOneAssignedEarlierComesFirst() {
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    pool.register(Agent.builder("a").queues("q").capacity(3).build(), Presence.AWAY);
    pool.register(Agent.builder("b").queues("q").capacity(3).build(), Presence.ONLINE);
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .contains("b");
    pool.presence("a", Presence.ONLINE);
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .contains("a");
    pool.release("a");
    pool.release("b");
    assertThat(pool.reserve("q", SkillRequirement.NONE, MONDAY_10).map(AgentSelection::agentId))
        .as("both idle, both last assigned at 10:00; b was assigned first")
        .contains("b");
  }

  @Test
  void qualityScoresFromZeroToHundredAreAccepted() {
    AgentPool pool = AgentPool.create(SelectionStrategy.QUALITY_WEIGHTED);
    pool.register(Agent.builder("a").queues("q").build(), Presence.ONLINE);
    pool.quality("a", 0);
    assertThat(pool.status("a").orElseThrow().quality()).isEqualTo(0.0);
    pool.quality("a", 100);
    assertThat(pool.status("a").orElseThrow().quality()).isEqualTo(100.0);
    assertThatThrownBy(() -> pool.quality("a", -0.5)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> pool.quality("a", Double.NaN)).isInstanceOf(ValidationException.class);
  }

  @Test
  void anUnknownQueueHasNobody() {
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    pool.register(Agent.builder("a").queues("q").build(), Presence.ONLINE);
    assertThat(pool.reserve("nowhere", SkillRequirement.NONE, MONDAY_10)).isEmpty();
  }
}
