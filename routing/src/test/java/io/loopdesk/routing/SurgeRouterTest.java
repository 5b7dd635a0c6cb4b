package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * During surge: core tickets first and overflowed, the rest deferred with self-service suggestions.
 */
class SurgeRouterTest {
  final ManualClock clock = ManualClock.at(Instant.parse("2026-11-02T01:00:00Z"));
  final RoutingRules rules =
      RoutingRules.builder(MatchMode.FIRST_MATCH)
          .add(
              RoutingRule.builder("faults")
                  .category(Category.PRODUCT_FAULT)
                  .assignTo("technical-support", "hotline")
                  .build())
          .add(
              RoutingRule.builder("everything-else")
                  .assignTo("customer-service", "hotline")
                  .build())
          .build();
  final AgentPool pool = AgentPool.create(SelectionStrategy.LEAST_LOADED);
  final Router router = Router.create(rules, pool, clock);
  final SurgeControl control =
      SurgeControl.create(
          SurgePolicy.builder()
              .coreCategories(Category.PRODUCT_FAULT, Category.COMPLAINT)
              .overflow(
                  "hotline",
                  new RuleAction.AssignTo("customer-service", "standby"),
                  new RuleAction.AssignTo("partner-cc", "partner"))
              .selfServiceSuggestions(2)
              .build(),
          clock);
  final SurgeRouter surge =
      SurgeRouter.create(
          router,
          control,
          (input, limit) -> List.of("kb-101 " + input.product(), "kb-102", "kb-103"),
          clock);

  SurgeRouterTest() {
    pool.register(Agent.builder("h1").queues("hotline").capacity(1).build(), Presence.ONLINE);
    pool.register(Agent.builder("s1").queues("standby").capacity(1).build(), Presence.ONLINE);
    pool.register(Agent.builder("p1").queues("partner").capacity(2).build(), Presence.ONLINE);
  }

  static RoutingInput input(Category category) {
    return RoutingInput.builder().channel(Channel.PHONE).product("X9").category(category).build();
  }

  @Test
  void inNormalStateItRoutesExactlyLikeTheRouter() {
    SurgeRouting first = surge.route(input(Category.CONSULTATION));
    assertThat(first.state()).isEqualTo(SurgeState.NORMAL);
    assertThat(first.disposition()).isEqualTo(SurgeRouting.Disposition.ROUTED);
    assertThat(first.result().agent().orElseThrow().agentId()).isEqualTo("h1");
    SurgeRouting second = surge.route(input(Category.PRODUCT_FAULT));
    assertThat(second.disposition())
        .as("no overflow outside surge")
        .isEqualTo(SurgeRouting.Disposition.UNASSIGNED);
    assertThat(second.selfService()).isEmpty();
  }

  @Test
  void duringSurgeCoreTicketsOverflowInOrderAndTheRestAreDeferredWithSelfService() {
    control.observe(new DeskLoad(50, 80, 100));
    assertThat(control.state()).isEqualTo(SurgeState.SURGE);

    SurgeRouting consultation = surge.route(input(Category.CONSULTATION));
    assertThat(consultation.disposition()).isEqualTo(SurgeRouting.Disposition.DEFERRED);
    assertThat(consultation.assigned()).isFalse();
    assertThat(consultation.selfService()).containsExactly("kb-101 X9", "kb-102");
    assertThat(consultation.result().reason())
        .contains("surge-deferral")
        .contains("CONSULTATION is not core");
    assertThat(pool.status("h1").orElseThrow().openTickets())
        .as("nothing reserved for the deferred ticket")
        .isZero();

    SurgeRouting own = surge.route(input(Category.PRODUCT_FAULT));
    assertThat(own.disposition()).isEqualTo(SurgeRouting.Disposition.ROUTED);
    assertThat(own.result().agent().orElseThrow().agentId()).isEqualTo("h1");

    SurgeRouting standby = surge.route(input(Category.COMPLAINT));
    assertThat(standby.disposition()).isEqualTo(SurgeRouting.Disposition.OVERFLOWED);
    assertThat(standby.result().agent().orElseThrow().agentId()).isEqualTo("s1");
    assertThat(standby.result().assignment().orElseThrow().department())
        .isEqualTo("customer-service");
    assertThat(standby.result().reason())
        .contains("rule surge-overflow")
        .contains("load 130%")
        .contains("overflowed from customer-service/hotline to customer-service/standby");

    SurgeRouting partner = surge.route(input(Category.PRODUCT_FAULT));
    assertThat(partner.disposition()).isEqualTo(SurgeRouting.Disposition.OVERFLOWED);
    assertThat(partner.result().assignment().orElseThrow().department()).isEqualTo("partner-cc");
    surge.route(input(Category.PRODUCT_FAULT));
    SurgeRouting full = surge.route(input(Category.PRODUCT_FAULT));
    assertThat(full.disposition()).isEqualTo(SurgeRouting.Disposition.UNASSIGNED);
    assertThat(full.assigned()).isFalse();
  }

  @Test
  void routeOnDeskRecordsTheOverflowInTheTicketsTrailAndLeavesDeferredTicketsAlone() {
    ServiceDesk desk = ServiceDesks.builder().clock(clock).build();
    control.observe(new DeskLoad(50, 80, 100));
    pool.reserve("hotline", SkillRequirement.NONE, clock.instant());
    Ticket fault = classified(desk, Category.PRODUCT_FAULT);
    SurgeRouter.Routed routed =
        surge.routeOnDesk(desk, fault, RoutingInput.from(fault).build(), Actor.SYSTEM);
    assertThat(routed.ticket().assignee()).contains("s1");
    TicketChange last = desk.history(fault.id()).get(desk.history(fault.id()).size() - 1).change();
    assertThat(last)
        .isInstanceOfSatisfying(
            TicketChange.Assigned.class,
            a -> assertThat(a.reason()).contains("surge-overflow").contains("standby"));
    Ticket question = classified(desk, Category.CONSULTATION);
    SurgeRouter.Routed deferred =
        surge.routeOnDesk(desk, question, RoutingInput.from(question).build(), Actor.SYSTEM);
    assertThat(deferred.routing().disposition()).isEqualTo(SurgeRouting.Disposition.DEFERRED);
    assertThat(deferred.ticket()).isEqualTo(question);
  }

  static Ticket classified(ServiceDesk desk, Category category) {
    Actor agent = Actor.of("intake", Role.AGENT);
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9")
                .problem("broken")
                .build(),
            agent);
    return desk.classify(
        t.id(), t.version(), Classification.of(category, Level.LOW, Level.LOW, Level.LOW), agent);
  }

  @Test
  void aSuggesterReturningNothingOrNullsDoesNotBreakRouting() {
    SurgeRouter careless = SurgeRouter.create(router, control, (input, limit) -> null, clock);
    control.observe(new DeskLoad(50, 80, 100));
    assertThat(careless.route(input(Category.CONSULTATION)).selfService()).isEmpty();
    SurgeRouter withNulls =
        SurgeRouter.create(
            router, control, (input, limit) -> java.util.Arrays.asList(null, "kb-7"), clock);
    assertThat(withNulls.route(input(Category.SUGGESTION)).selfService()).containsExactly("kb-7");
  }
}
