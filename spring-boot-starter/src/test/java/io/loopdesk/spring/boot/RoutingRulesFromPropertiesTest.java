package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.routing.RoutingDecision;
import io.loopdesk.routing.RoutingInput;
import io.loopdesk.routing.RuleAction;
import io.loopdesk.spring.boot.app.TestApplication;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routing rules from application properties: conditions, actions and named predicates that are the
 * application's {@code Predicate<RoutingInput>} beans; {@link RoutingRuleProperties}, the type the
 * IDE metadata names, binds to exactly what the starter reads.
 */
class RoutingRulesFromPropertiesTest {

  private static final String[] RULES = {
    "loopdesk.routing.mode=FIRST_MATCH",
    "loopdesk.routing.rules[0].id=vip-repeat-callers",
    "loopdesk.routing.rules[0].description=VIPs who keep calling go to the complaints desk",
    "loopdesk.routing.rules[0].when.tier[0]=VIP",
    "loopdesk.routing.rules[0].when.predicates[0]=repeatCaller",
    "loopdesk.routing.rules[0].then.assign.department=customer-service",
    "loopdesk.routing.rules[0].then.assign.queue=complaints",
    "loopdesk.routing.rules[0].then.raise-priority=1",
    "loopdesk.routing.rules[1].id=faults",
    "loopdesk.routing.rules[1].when.category[0]=PRODUCT_FAULT",
    "loopdesk.routing.rules[1].when.attributes.region[0]=north",
    "loopdesk.routing.rules[1].then.assign.department=technical-support",
    "loopdesk.routing.rules[1].then.assign.queue=engineers",
    "loopdesk.routing.rules[1].then.add-tags[0]=repair",
    "loopdesk.routing.rules[1].then.require-skills.soldering=2",
  };

  /** A host's routing predicate: the bean name is the name rules use. */
  @Configuration(proxyBeanMethods = false)
  static class Predicates {
    // tag::repeat-caller[]
    @Bean
    Predicate<RoutingInput> repeatCaller() {
      return input -> input.attribute("calls").map(Integer::parseInt).orElse(0) >= 3;
    }

    // end::repeat-caller[]

    @Bean
    Predicate<String> notARoutingPredicate() {
      return text -> true;
    }
  }

  private static ConfigurableApplicationContext start(Class<?>... sources) {
    return new SpringApplicationBuilder(sources)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.main.banner-mode=off",
            "loopdesk.monitor.enabled=false",
            "loopdesk.metrics.enabled=false")
        .properties(RULES)
        .run();
  }

  @Test
  void rulesFromPropertiesRouteWithTheApplicationsPredicateBeans() {
    try (ConfigurableApplicationContext context = start(TestApplication.class, Predicates.class)) {
      Loopdesk loopdesk = context.getBean(Loopdesk.class);
      RoutingInput vipCallingAgain =
          RoutingInput.builder()
              .channel(Channel.PHONE)
              .product("X9 phone")
              .tier(CustomerTier.VIP)
              .priority(Priority.P2)
              .attribute("calls", "4")
              .build();
      RoutingInput vipFirstCall =
          RoutingInput.builder()
              .channel(Channel.PHONE)
              .product("X9 phone")
              .tier(CustomerTier.VIP)
              .priority(Priority.P2)
              .category(Category.PRODUCT_FAULT)
              .attribute("region", "north")
              .attribute("calls", "1")
              .build();

      RoutingDecision repeat = loopdesk.routing().route(vipCallingAgain).decision();
      RoutingDecision fault = loopdesk.routing().route(vipFirstCall).decision();

      assertThat(repeat.target())
          .contains(new RuleAction.AssignTo("customer-service", "complaints"));
      assertThat(repeat.priority()).contains(Priority.P1);
      assertThat(fault.target())
          .contains(new RuleAction.AssignTo("technical-support", "engineers"));
      assertThat(fault.tags()).containsExactly("repair");
      assertThat(fault.requirement().minimumLevels()).containsEntry("soldering", 2);
    }
  }

  @Test
  void aRuleNamingAPredicateTheApplicationLacksFailsStartUpNamingTheRule() {
    assertThatThrownBy(() -> start(TestApplication.class).close())
        .satisfies(
            failure -> {
              LoopdeskConfigurationException e = null;
              for (Throwable t = failure; t != null && e == null; t = t.getCause()) {
                e = t instanceof LoopdeskConfigurationException c ? c : null;
              }
              assertThat(e).as("a LoopdeskConfigurationException among the causes").isNotNull();
              assertThat(e.property()).startsWith("loopdesk.routing.rules[0]");
              assertThat(e.getMessage()).contains("repeatCaller");
            });
  }

  @Test
  void theMetadataTypeBindsToWhatTheStarterReads() {
    try (ConfigurableApplicationContext context = start(TestApplication.class, Predicates.class)) {
      List<RoutingRuleProperties> bound =
          Binder.get(context.getEnvironment())
              .bind("loopdesk.routing.rules", Bindable.listOf(RoutingRuleProperties.class))
              .get();

      @SuppressWarnings("unchecked")
      Map<String, Object> routing =
          (Map<String, Object>)
              DeskDefinitionProperties.tree(context.getEnvironment()).get("routing");

      assertThat(bound.stream().map(RoutingRuleProperties::toMap).toList())
          .isEqualTo(routing.get("rules"));
    }
  }
}
