package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The router's and the decision's rules not shown elsewhere: what each action reports, reasons cut
 * to the desk's limits (exactly at the limit kept whole), inputs taken from a ticket, null checks.
 */
class RouterRulesTest {
  final ManualClock clock = ManualClock.at(EscalationsTest.MONDAY_9);
  final ServiceDesk desk = ServiceDesks.builder().clock(clock).build();

  Ticket classified(Category category) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            EscalationsTest.AGENT);
    return desk.classify(
        t.id(),
        t.version(),
        Classification.of(category, Level.HIGH, Level.HIGH, Level.HIGH),
        EscalationsTest.AGENT);
  }

  static RoutingInput.Builder input(Priority p) {
    return RoutingInput.builder().priority(p).channel(Channel.PHONE).product("X9");
  }

  @Test
  void eachActionReportsWhatItDid() {
    RoutingRules rules =
        RoutingRules.builder(MatchMode.ALL_MATCH)
            .add(RoutingRule.builder("set").setPriority(Priority.P2).build())
            .add(RoutingRule.builder("raise").raisePriority(2).build())
            .add(
                RoutingRule.builder("skills")
                    .requireSkill("diagnostics", 3)
                    .requireSkill("batteries", 2)
                    .build())
            .add(RoutingRule.builder("more-skills").requireSkill("diagnostics", 5).build())
            .add(RoutingRule.builder("assign").assignTo("tech", "l2").build())
            .build();
    RoutingDecision d = RuleEngine.of(rules).decide(input(Priority.P3).language("zh").build());
    assertThat(d.fired())
        .extracting(FiredRule::effects)
        .containsExactly(
            List.of("priority P3 -> P2"),
            List.of("priority raised P2 -> P0"),
            List.of("requires {diagnostics=3}", "requires {batteries=2}"),
            List.of("requires {diagnostics=5}"),
            List.of("assigned to tech/l2"));
    assertThat(d.fired().get(0).reasons()).isEmpty();
    assertThat(d.fired().get(0).explain()).isEqualTo("rule set (always): priority P3 -> P2");
    assertThat(d.requirement().minimumLevels()).isEqualTo(Map.of("diagnostics", 5, "batteries", 2));
    assertThat(d.requirement().requiredLanguage()).contains("zh");
    assertThat(d.routed()).isTrue();
    assertThat(d.priorityChanged()).isTrue();
    assertThat(RuleEngine.of(rules).rules()).isEqualTo(rules);
  }

  @Test
  void aRoutingInputFromATicketCarriesItsClassification() {
    Ticket t = classified(Category.PRODUCT_FAULT);
    RoutingInput in = RoutingInput.from(t).attribute("region", "north").language(null).build();
    assertThat(in.priority()).isEqualTo(Optional.of(t.priority().orElseThrow().priority()));
    assertThat(in.category()).contains(Category.PRODUCT_FAULT);
    assertThat(in.attributes()).isEqualTo(Map.of("region", "north"));
    assertThat(in.language()).isEmpty();
    assertThat(in.toString())
        .contains(
            "category=PRODUCT_FAULT", "channel=PHONE", "product=X9", "attributes={region=north}");
    assertThatThrownBy(() -> RoutingInput.builder().language(" "))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("language"));
  }

  @Test
  void theAssignmentReasonIsKeptWholeUpToItsLimitAndCutAfterIt() {
    RoutingDecision decision =
        RuleEngine.of(
                RoutingRules.builder(MatchMode.FIRST_MATCH)
                    .add(RoutingRule.builder("to-tech").assignTo("tech", "l2").build())
                    .build())
            .decide(input(Priority.P2).build());
    String prefix = decision.explanation() + " | agent a1 in queue l2 by ";
    String exact = "x".repeat(RoutingResult.MAX_REASON - prefix.length());
    RoutingResult atLimit =
        new RoutingResult(
            decision,
            Optional.of(new AgentSelection("a1", "l2", SelectionStrategy.LEAST_LOADED, exact)));
    assertThat(atLimit.reason()).hasSize(RoutingResult.MAX_REASON);
    assertThat(atLimit.assignment().orElseThrow().reason()).isEqualTo(prefix + exact);
    RoutingResult over =
        new RoutingResult(
            decision,
            Optional.of(
                new AgentSelection("a1", "l2", SelectionStrategy.LEAST_LOADED, exact + "y")));
    assertThat(over.assignment().orElseThrow().reason())
        .hasSize(RoutingResult.MAX_REASON)
        .isEqualTo((prefix + exact).substring(0, RoutingResult.MAX_REASON - 3) + "...");
    assertThat(over.assignment().orElseThrow().department()).isEqualTo("tech");

    RoutingDecision unrouted =
        RuleEngine.of(
                RoutingRules.builder(MatchMode.FIRST_MATCH)
                    .add(RoutingRule.builder("tag-only").tag("t").build())
                    .build())
            .decide(input(Priority.P2).build());
    RoutingResult none = new RoutingResult(unrouted, Optional.empty());
    assertThat(none.reason()).isEqualTo(unrouted.explanation());
    assertThat(none.assignment()).isEmpty();
  }

  /**
   * The rule's predicate name is sized so that the reprioritisation reason is exactly {@code
   * length} characters.
   */
  private String routeWithReasonOfLength(int length) {
    Ticket t = classified(Category.SUGGESTION);
    Priority before = t.priority().orElseThrow().priority();
    String fixed = "routing: rule to-p3 (predicate  holds): priority " + before + " -> P3";
    String name = "n".repeat(length - fixed.length());
    RoutingRules rules =
        RoutingRules.builder(MatchMode.FIRST_MATCH)
            .add(
                RoutingRule.builder("to-p3")
                    .matching(name, in -> true)
                    .setPriority(Priority.P3)
                    .build())
            .build();
    AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
    Router router = Router.create(rules, pool, clock);
    assertThat(router.rules()).isEqualTo(rules);
    assertThat(router.agents()).isSameAs(pool);
    Router.Routed routed = router.routeOnDesk(desk, t, RoutingInput.from(t).build(), Actor.SYSTEM);
    assertThat(routed.ticket().priority().orElseThrow().priority()).isEqualTo(Priority.P3);
    List<String> reasons = routed.ticket().priority().orElseThrow().reasons();
    String recorded = reasons.get(reasons.size() - 1);
    String actorPrefix = Actor.SYSTEM.id() + ": ";
    String changeSuffix = ", changed " + before + " -> P3";
    assertThat(recorded)
        .as("the desk records '<actor>: <reason>, changed <old> -> <new>'")
        .startsWith(actorPrefix)
        .endsWith(changeSuffix);
    return recorded.substring(actorPrefix.length(), recorded.length() - changeSuffix.length());
  }

  @Test
  void thePriorityReasonIsKeptWholeUpToFourHundredCharactersAndCutAfter() {
    String exact = routeWithReasonOfLength(400);
    assertThat(exact).hasSize(400).startsWith("routing: rule to-p3").endsWith("-> P3");
    String cut = routeWithReasonOfLength(401);
    assertThat(cut).hasSize(400).endsWith("...").startsWith("routing: rule to-p3 (predicate nnn");
  }

  @Test
  void routeOnDeskNamesAMissingArgument() {
    Router router =
        Router.create(
            RoutingRules.builder(MatchMode.FIRST_MATCH).build(),
            AgentPool.create(SelectionStrategy.LEAST_LOADED),
            clock);
    Ticket t = classified(Category.SUGGESTION);
    RoutingInput in = RoutingInput.from(t).build();
    assertThatThrownBy(() -> router.routeOnDesk(null, t, in, Actor.SYSTEM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("desk"));
    assertThatThrownBy(() -> router.routeOnDesk(desk, null, in, Actor.SYSTEM))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticket"));
    assertThatThrownBy(() -> router.routeOnDesk(desk, t, in, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("actor"));
    assertThat(router.routeOnDesk(desk, t, in, Actor.SYSTEM).ticket())
        .as("no rule: unchanged")
        .isEqualTo(t);
  }
}
