package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The handbook's routing table in code, JSON and YAML; explanations; clash and input errors. */
class RoutingRulesTest {
  static final Predicate<RoutingInput> REPEAT =
      in -> in.attribute("complaintsLast30Days").map(n -> Integer.parseInt(n) >= 2).orElse(false);

  static RoutingRules handbook(MatchMode mode) {
    return RoutingRules.builder(mode)
        .add(
            RoutingRule.builder("in-warranty-repair")
                .description("In-warranty repairs go straight to after-sales engineers")
                .category(Category.PRODUCT_FAULT)
                .warranty(WarrantyStatus.IN_WARRANTY)
                .assignTo("after-sales", "engineers")
                .tag("repair")
                .build())
        .add(
            RoutingRule.builder("faults-p0-p1")
                .category(Category.PRODUCT_FAULT)
                .priority(Priority.P0, Priority.P1)
                .assignTo("technical-support", "tech")
                .requireSkill("diagnostics", 3)
                .build())
        .add(
            RoutingRule.builder("service-experience")
                .category(Category.SERVICE_EXPERIENCE)
                .assignTo("cs-supervision", "supervisors")
                .build())
        .add(
            RoutingRule.builder("suggestions")
                .category(Category.SUGGESTION)
                .assignTo("product", "product-managers")
                .setPriority(Priority.P3)
                .build())
        .add(
            RoutingRule.builder("vip-repeat")
                .tier(CustomerTier.VIP)
                .matching("repeatComplainer", REPEAT)
                .raisePriority(1)
                .tag("vip", "repeat")
                .build())
        .build();
  }

  static RoutingInput.Builder input(Category c, Priority p) {
    return RoutingInput.builder().category(c).priority(p).channel(Channel.PHONE).product("X9");
  }

  @Test
  void firstMatchFiresTheFirstMatchingRuleOnlyAndExplainsWhy() {
    RuleEngine engine = RuleEngine.of(handbook(MatchMode.FIRST_MATCH));
    RoutingDecision d =
        engine.decide(
            input(Category.PRODUCT_FAULT, Priority.P1)
                .warranty(WarrantyStatus.IN_WARRANTY)
                .build());
    assertThat(d.target()).contains(new RuleAction.AssignTo("after-sales", "engineers"));
    assertThat(d.fired()).extracting(FiredRule::ruleId).containsExactly("in-warranty-repair");
    assertThat(d.explanation())
        .isEqualTo(
            "rule in-warranty-repair (category PRODUCT_FAULT in [PRODUCT_FAULT]; warranty IN_WARRANTY in [IN_WARRANTY]): "
                + "assigned to after-sales/engineers, tagged [repair]");

    RoutingDecision outOfWarranty =
        engine.decide(
            input(Category.PRODUCT_FAULT, Priority.P0)
                .warranty(WarrantyStatus.OUT_OF_WARRANTY)
                .build());
    assertThat(outOfWarranty.target())
        .contains(new RuleAction.AssignTo("technical-support", "tech"));
    assertThat(outOfWarranty.requirement().minimumLevels()).isEqualTo(Map.of("diagnostics", 3));

    RoutingDecision p2 = engine.decide(input(Category.PRODUCT_FAULT, Priority.P2).build());
    assertThat(p2.routed()).isFalse();
    assertThat(p2.explanation()).isEqualTo("no routing rule matched");
  }

  @Test
  void allMatchAppliesEveryMatchingRuleInOrderAndKeepsTheFirstAssignment() {
    RoutingRules rules =
        RoutingRules.builder(MatchMode.ALL_MATCH)
            .add(handbook(MatchMode.FIRST_MATCH).rule("in-warranty-repair").orElseThrow())
            .add(handbook(MatchMode.FIRST_MATCH).rule("faults-p0-p1").orElseThrow())
            .add(handbook(MatchMode.FIRST_MATCH).rule("vip-repeat").orElseThrow())
            .build();
    RoutingDecision d =
        RuleEngine.of(rules)
            .decide(
                input(Category.PRODUCT_FAULT, Priority.P1)
                    .warranty(WarrantyStatus.IN_WARRANTY)
                    .tier(CustomerTier.VIP)
                    .attribute("complaintsLast30Days", "3")
                    .build());
    assertThat(d.fired())
        .extracting(FiredRule::ruleId)
        .containsExactly("in-warranty-repair", "faults-p0-p1", "vip-repeat");
    assertThat(d.target()).contains(new RuleAction.AssignTo("after-sales", "engineers"));
    assertThat(d.fired().get(1).effects())
        .contains(
            "assignment to technical-support/tech ignored: already assigned by rule in-warranty-repair");
    assertThat(d.priority()).contains(Priority.P0);
    assertThat(d.priorityChanged()).isTrue();
    assertThat(d.tags()).containsExactly("repair", "repeat", "vip");
    assertThat(d.fired().get(2).reasons())
        .containsExactly("customer tier VIP in [VIP]", "predicate repeatComplainer holds");
  }

  @Test
  void raisingWithoutAPriorityIsRecordedAsIgnored() {
    RoutingRules rules =
        RoutingRules.builder(MatchMode.FIRST_MATCH)
            .add(RoutingRule.builder("raise-all").raisePriority(2).build())
            .build();
    RoutingDecision d = RuleEngine.of(rules).decide(input(null, null).build());
    assertThat(d.priority()).isEmpty();
    assertThat(d.fired().get(0).effects()).containsExactly("raise ignored: no priority yet");
    assertThat(RuleEngine.of(rules).decide(input(null, Priority.P3).build()).priority())
        .contains(Priority.P1);
    assertThat(RuleEngine.of(rules).decide(input(null, Priority.P1).build()).priority())
        .contains(Priority.P0);
  }

  @Test
  void clashingRulesAreRejectedNamingBoth() {
    RoutingRule catchAll = RoutingRule.builder("catch-all").assignTo("front", "general").build();
    RoutingRule faults =
        RoutingRule.builder("faults")
            .category(Category.PRODUCT_FAULT)
            .assignTo("tech", "tech")
            .build();
    assertThatThrownBy(
            () -> RoutingRules.builder(MatchMode.FIRST_MATCH).add(catchAll).add(faults).build())
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("rules[1]")
        .hasMessageContaining("faults")
        .hasMessageContaining("catch-all");
    RoutingRule broad =
        RoutingRule.builder("broad")
            .category(Category.PRODUCT_FAULT, Category.COMPLAINT)
            .assignTo("a", "a")
            .build();
    RoutingRule narrow =
        RoutingRule.builder("narrow")
            .category(Category.COMPLAINT)
            .priority(Priority.P0)
            .assignTo("b", "b")
            .build();
    assertThatThrownBy(
            () -> RoutingRules.builder(MatchMode.FIRST_MATCH).add(broad).add(narrow).build())
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("narrow");
    assertThat(
            RoutingRules.builder(MatchMode.FIRST_MATCH)
                .add(narrow)
                .add(broad)
                .add(catchAll)
                .build()
                .rules())
        .hasSize(3);
    assertThat(RoutingRules.builder(MatchMode.ALL_MATCH).add(catchAll).add(faults).build().rules())
        .hasSize(2);
    assertThatThrownBy(
            () -> RoutingRules.builder(MatchMode.ALL_MATCH).add(faults).add(faults).build())
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("rules[1].id")
        .hasMessageContaining("faults");
    assertThatThrownBy(
            () ->
                RoutingRule.builder("x").category(Category.COMPLAINT).category(Category.SUGGESTION))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("clashes");
    assertThatThrownBy(() -> RoutingRule.builder("no-action").category(Category.COMPLAINT).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must do something");
    assertThatThrownBy(() -> RoutingRule.builder("bad id!"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rule.id");
    assertThatThrownBy(() -> RoutingRule.builder("r").raisePriority(4))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("raisePriority");
  }

  static final String YAML =
      """
      mode: FIRST_MATCH
      rules:
        - id: in-warranty-repair
          description: In-warranty repairs go straight to after-sales engineers
          when: { category: [PRODUCT_FAULT], warranty: [IN_WARRANTY] }
          then: { assign: { department: after-sales, queue: engineers }, addTags: [repair] }
        - id: faults-p0-p1
          when:
            category: [PRODUCT_FAULT]
            priority: [P0, P1]
          then:
            assign: { department: technical-support, queue: tech }
            requireSkills: { diagnostics: 3 }
        - id: service-experience
          when: { category: [SERVICE_EXPERIENCE] }
          then: { assign: { department: cs-supervision, queue: supervisors } }
        - id: suggestions
          when: { category: SUGGESTION }
          then: { assign: { department: product, queue: product-managers }, setPriority: P3 }
        - id: vip-repeat
          when: { tier: [VIP], predicates: [repeatComplainer] }
          then: { raisePriority: 1, addTags: [vip, repeat] }
      """;

  @Test
  void yamlAndJsonDefinitionsEqualTheCodeDefinition() {
    Map<String, Predicate<RoutingInput>> predicates = Map.of("repeatComplainer", REPEAT);
    RoutingRules fromYaml = RoutingRules.fromYaml(YAML, predicates);
    assertThat(fromYaml).isEqualTo(handbook(MatchMode.FIRST_MATCH));
    String json =
        """
        {"mode":"ALL_MATCH","rules":[
          {"id":"eng","when":{"channel":["PHONE"],"product":["X9"],"attributes":{"region":["north","east"]}},
           "then":{"assign":{"department":"after-sales"}}}]}""";
    RoutingRules fromJson = RoutingRules.fromJson(json, Map.of());
    RoutingDecision d =
        RuleEngine.of(fromJson).decide(input(null, null).attribute("region", "east").build());
    assertThat(d.target()).contains(new RuleAction.AssignTo("after-sales", "after-sales"));
    assertThat(d.fired().get(0).reasons()).contains("attribute region=east in [east, north]");
  }

  @Test
  void malformedDefinitionsNameTheFieldAndValue() {
    Map<String, Predicate<RoutingInput>> none = Map.of();
    assertThatThrownBy(() -> RoutingRules.fromJson("{\"mode\":\"FIRST\",\"rules\":[]}", none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("mode")
        .hasMessageContaining("FIRST")
        .extracting(e -> ((RuleDefinitionException) e).field())
        .isEqualTo("mode");
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":[{\"id\":\"a\",\"when\":{\"priority\":[\"P9\"]},\"then\":{\"addTags\":[\"x\"]}}]}",
                    none))
        .isInstanceOf(RuleDefinitionException.class)
        .extracting(e -> ((RuleDefinitionException) e).field())
        .isEqualTo("rules[0].when.priority[0]");
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":[{\"id\":\"a\",\"when\":{\"colour\":[\"red\"]},\"then\":{\"addTags\":[\"x\"]}}]}",
                    none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("rules[0].when.colour");
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":[{\"id\":\"a\",\"when\":{\"predicates\":[\"nope\"]},\"then\":{\"addTags\":[\"x\"]}}]}",
                    none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not a registered predicate");
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":[{\"id\":\"a\"}]}", none))
        .isInstanceOf(RuleDefinitionException.class)
        .extracting(e -> ((RuleDefinitionException) e).field())
        .isEqualTo("rules[0].then");
    assertThatThrownBy(() -> RoutingRules.fromJson("{\"mode\":", none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("not well-formed");
    assertThatThrownBy(
            () ->
                RoutingRules.fromYaml(
                    "mode: FIRST_MATCH\nrules:\n  - id: a\n    then: { raisePriority: two }\n",
                    none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("rules[0].then.raisePriority");
    assertThatThrownBy(() -> RoutingRules.fromYaml("", none))
        .isInstanceOf(RuleDefinitionException.class);
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":[{\"id\":\"a\",\"when\":{\"category\":[\"lower\"]},\"then\":{\"addTags\":[\"x\"]}}]}",
                    none))
        .isInstanceOf(RuleDefinitionException.class)
        .hasMessageContaining("rules[0].when.category[0]")
        .hasMessageContaining("lower");
  }
}
