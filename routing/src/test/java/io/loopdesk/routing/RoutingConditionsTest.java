package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.ValidationException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each condition kind on a matching and a non-matching ticket with its explanation; the values a
 * condition must have; which later rule an earlier one shadows, kind by kind; unknown keys in rule
 * files; rule and rule-set identity.
 */
class RoutingConditionsTest {
  static final RoutingInput TICKET =
      RoutingInput.builder()
          .category(Category.COMPLAINT)
          .priority(Priority.P1)
          .channel(Channel.PHONE)
          .product("X9")
          .tier(CustomerTier.VIP)
          .warranty(WarrantyStatus.IN_WARRANTY)
          .attribute("region", "north")
          .build();
  static final RoutingInput BARE =
      RoutingInput.builder().channel(Channel.EMAIL).product("Y1").build();

  @SafeVarargs
  static <T> Set<T> ordered(T... values) {
    return new LinkedHashSet<>(Arrays.asList(values));
  }

  @Test
  void eachConditionMatchesOnlyItsValuesAndExplainsWhatItSaw() {
    Condition category =
        new Condition.CategoryIn(ordered(Category.PRODUCT_FAULT, Category.COMPLAINT));
    assertThat(category.test(TICKET)).isTrue();
    assertThat(category.test(BARE)).as("no category yet").isFalse();
    assertThat(new Condition.CategoryIn(Set.of(Category.SUGGESTION)).test(TICKET)).isFalse();
    assertThat(category.explain(TICKET))
        .isEqualTo("category COMPLAINT in [COMPLAINT, PRODUCT_FAULT]");

    Condition priority = new Condition.PriorityIn(ordered(Priority.P1, Priority.P0));
    assertThat(priority.test(TICKET)).isTrue();
    assertThat(priority.test(BARE)).isFalse();
    assertThat(new Condition.PriorityIn(Set.of(Priority.P3)).test(TICKET)).isFalse();
    assertThat(priority.explain(TICKET)).isEqualTo("priority P1 in [P0, P1]");

    Condition channel = new Condition.ChannelIn(ordered(Channel.PHONE, Channel.EMAIL));
    assertThat(channel.test(TICKET)).isTrue();
    assertThat(new Condition.ChannelIn(Set.of(Channel.EMAIL)).test(TICKET)).isFalse();
    assertThat(channel.explain(TICKET)).isEqualTo("channel PHONE in [EMAIL, PHONE]");

    Condition product = new Condition.ProductIn(ordered("X9", "A1"));
    assertThat(product.test(TICKET)).isTrue();
    assertThat(product.test(BARE)).isFalse();
    assertThat(product.explain(TICKET)).isEqualTo("product X9 in [A1, X9]");

    Condition tier = new Condition.TierIn(ordered(CustomerTier.VIP));
    assertThat(tier.test(TICKET)).isTrue();
    assertThat(tier.test(BARE)).isFalse();
    assertThat(tier.explain(BARE)).isEqualTo("customer tier STANDARD in [VIP]");

    Condition warranty = new Condition.WarrantyIn(ordered(WarrantyStatus.IN_WARRANTY));
    assertThat(warranty.test(TICKET)).isTrue();
    assertThat(warranty.test(BARE)).isFalse();
    assertThat(warranty.explain(BARE)).isEqualTo("warranty UNKNOWN in [IN_WARRANTY]");

    Condition region = new Condition.AttributeIn("region", ordered("south", "north"));
    assertThat(region.test(TICKET)).isTrue();
    assertThat(region.test(BARE)).as("attribute absent").isFalse();
    assertThat(new Condition.AttributeIn("region", Set.of("east")).test(TICKET)).isFalse();
    assertThat(region.explain(BARE)).isEqualTo("attribute region=null in [north, south]");

    Condition never = new Condition.Custom("never", in -> false);
    assertThat(never.test(TICKET)).isFalse();
    assertThat(new Condition.Custom("always", in -> true).test(BARE)).isTrue();
    assertThat(never.explain(TICKET)).isEqualTo("predicate never holds");
  }

  @Test
  void aConditionNeedsAtLeastOneValueAndNoNull() {
    List<Function<Set<Object>, Object>> kinds =
        List.of(
            v -> new Condition.CategoryIn(cast(v)),
            v -> new Condition.PriorityIn(cast(v)),
            v -> new Condition.ChannelIn(cast(v)),
            v -> new Condition.ProductIn(cast(v)),
            v -> new Condition.TierIn(cast(v)),
            v -> new Condition.WarrantyIn(cast(v)),
            v -> new Condition.AttributeIn("k", cast(v)));
    List<String> fields =
        List.of("category", "priority", "channel", "product", "tier", "warranty", "attribute k");
    for (int i = 0; i < kinds.size(); i++) {
      Function<Set<Object>, Object> kind = kinds.get(i);
      String field = fields.get(i);
      assertThatThrownBy(() -> kind.apply(Set.of()))
          .as(field)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
          .hasMessageContaining("at least one value");
      Set<Object> withNull = new LinkedHashSet<>();
      withNull.add(null);
      assertThatThrownBy(() -> kind.apply(withNull))
          .as(field)
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
          .hasMessageContaining("null");
    }
    assertThatThrownBy(() -> new Condition.AttributeIn(" ", Set.of("a")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new Condition.Custom("c", null))
        .isInstanceOf(ValidationException.class);
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<T> cast(Set<Object> values) {
    return (Set<T>) (Set<?>) values;
  }

  @Test
  void customConditionsAreIdentifiedByName() {
    Condition.Custom a = new Condition.Custom("vip", in -> true);
    Condition.Custom sameName = new Condition.Custom("vip", in -> false);
    Condition.Custom other = new Condition.Custom("repeat", in -> true);
    assertThat(a).isEqualTo(sameName).hasSameHashCodeAs(sameName).isNotEqualTo(other);
    assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
    assertThat(a).hasToString("Custom[vip]");
  }

  private static RoutingRule rule(
      String id, Function<RoutingRule.Builder, RoutingRule.Builder> when) {
    return when.apply(RoutingRule.builder(id)).tag(id).build();
  }

  private static void shadows(
      Function<RoutingRule.Builder, RoutingRule.Builder> wide,
      Function<RoutingRule.Builder, RoutingRule.Builder> narrow) {
    RoutingRule w = rule("wide", wide);
    RoutingRule n = rule("narrow", narrow);
    assertThatThrownBy(() -> RoutingRules.builder(MatchMode.FIRST_MATCH).add(w).add(n).build())
        .isInstanceOfSatisfying(
            RuleDefinitionException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[1]");
              assertThat(e.value()).isEqualTo("narrow");
            })
        .hasMessageContaining("'wide'");
    assertThat(RoutingRules.builder(MatchMode.FIRST_MATCH).add(n).add(w).build().rules())
        .as("narrow first is fine")
        .extracting(RoutingRule::id)
        .containsExactly("narrow", "wide");
    assertThat(RoutingRules.builder(MatchMode.ALL_MATCH).add(w).add(n).build().rules()).hasSize(2);
  }

  @Test
  void anEarlierRuleWithWiderValuesOfTheSameKindShadowsALaterOne() {
    shadows(
        b -> b.category(Category.COMPLAINT, Category.SUGGESTION),
        b -> b.category(Category.COMPLAINT));
    shadows(b -> b.priority(Priority.P0, Priority.P1), b -> b.priority(Priority.P1));
    shadows(b -> b.channel(Channel.PHONE, Channel.EMAIL), b -> b.channel(Channel.PHONE));
    shadows(b -> b.product("X9", "A1"), b -> b.product("X9"));
    shadows(b -> b.tier(CustomerTier.VIP, CustomerTier.STANDARD), b -> b.tier(CustomerTier.VIP));
    shadows(
        b -> b.warranty(WarrantyStatus.IN_WARRANTY, WarrantyStatus.UNKNOWN),
        b -> b.warranty(WarrantyStatus.IN_WARRANTY));
    shadows(b -> b.attribute("region", "north", "south"), b -> b.attribute("region", "north"));
    shadows(
        b -> b.matching("vip", in -> true),
        b -> b.matching("vip", in -> true).channel(Channel.PHONE));
    shadows(b -> b.channel(Channel.PHONE), b -> b.channel(Channel.PHONE).product("X9"));
  }

  private static void bothReachable(
      Function<RoutingRule.Builder, RoutingRule.Builder> first,
      Function<RoutingRule.Builder, RoutingRule.Builder> second) {
    assertThat(
            RoutingRules.builder(MatchMode.FIRST_MATCH)
                .add(rule("first", first))
                .add(rule("second", second))
                .build()
                .rules())
        .hasSize(2);
  }

  @Test
  void aLaterRuleWithValuesOutsideTheEarlierOnesOrAnotherKindStaysReachable() {
    bothReachable(
        b -> b.category(Category.COMPLAINT),
        b -> b.category(Category.COMPLAINT, Category.SUGGESTION));
    bothReachable(b -> b.priority(Priority.P0), b -> b.priority(Priority.P0, Priority.P1));
    bothReachable(b -> b.channel(Channel.PHONE), b -> b.channel(Channel.PHONE, Channel.EMAIL));
    bothReachable(b -> b.product("X9"), b -> b.product("X9", "A1"));
    bothReachable(
        b -> b.tier(CustomerTier.VIP), b -> b.tier(CustomerTier.VIP, CustomerTier.STANDARD));
    bothReachable(
        b -> b.warranty(WarrantyStatus.IN_WARRANTY),
        b -> b.warranty(WarrantyStatus.IN_WARRANTY, WarrantyStatus.UNKNOWN));
    bothReachable(
        b -> b.attribute("region", "north"), b -> b.attribute("region", "north", "south"));
    bothReachable(b -> b.attribute("region", "north"), b -> b.attribute("zone", "north"));
    bothReachable(b -> b.matching("vip", in -> true), b -> b.matching("repeat", in -> true));
    bothReachable(b -> b.channel(Channel.PHONE), b -> b.product("X9"));
    bothReachable(b -> b.product("X9"), b -> b.channel(Channel.PHONE));
    bothReachable(b -> b.tier(CustomerTier.VIP), b -> b.warranty(WarrantyStatus.IN_WARRANTY));
    bothReachable(b -> b.warranty(WarrantyStatus.IN_WARRANTY), b -> b.tier(CustomerTier.VIP));
    bothReachable(b -> b.priority(Priority.P0), b -> b.category(Category.COMPLAINT));
    bothReachable(b -> b.attribute("region", "north"), b -> b.matching("region", in -> true));
    bothReachable(b -> b.matching("region", in -> true), b -> b.attribute("region", "north"));
    bothReachable(b -> b.channel(Channel.PHONE).product("X9"), b -> b.channel(Channel.PHONE));
  }

  @Test
  void theBuilderChainsEveryConditionAndKeepsTheirValues() {
    RoutingRule r =
        RoutingRule.builder("all-kinds")
            .description("every kind at once")
            .channel(Channel.PHONE)
            .product("X9")
            .attribute("region", "north")
            .category(Category.COMPLAINT)
            .assignTo("cs", "complaints")
            .build();
    assertThat(r.description()).isEqualTo("every kind at once");
    assertThat(r.categories()).contains(Set.of(Category.COMPLAINT));
    assertThat(r.matches(TICKET)).isTrue();
    assertThat(r.matches(BARE)).isFalse();
    assertThat(RoutingRule.builder("none").channel(Channel.PHONE).tag("t").build().categories())
        .isEmpty();
    assertThat(r.toString()).startsWith("RoutingRule[all-kinds, when=").contains("then=");
  }

  @Test
  void rulesAndRuleSetsAreEqualByContent() {
    RoutingRule a =
        RoutingRule.builder("a").description("d").channel(Channel.PHONE).tag("x").build();
    RoutingRule same =
        RoutingRule.builder("a").description("d").channel(Channel.PHONE).tag("x").build();
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a)
        .isNotEqualTo(
            RoutingRule.builder("b").description("d").channel(Channel.PHONE).tag("x").build());
    assertThat(a)
        .isNotEqualTo(
            RoutingRule.builder("a").description("other").channel(Channel.PHONE).tag("x").build());
    assertThat(a)
        .isNotEqualTo(
            RoutingRule.builder("a").description("d").channel(Channel.EMAIL).tag("x").build());
    assertThat(a)
        .isNotEqualTo(
            RoutingRule.builder("a").description("d").channel(Channel.PHONE).tag("y").build());
    assertThat(a.hashCode()).isNotEqualTo(RoutingRule.builder("b").tag("x").build().hashCode());

    RoutingRules one = RoutingRules.builder(MatchMode.ALL_MATCH).add(a).build();
    RoutingRules sameSet = RoutingRules.builder(MatchMode.ALL_MATCH).add(same).build();
    assertThat(one).isEqualTo(sameSet).hasSameHashCodeAs(sameSet);
    assertThat(one).isNotEqualTo(RoutingRules.builder(MatchMode.FIRST_MATCH).add(a).build());
    assertThat(one)
        .isNotEqualTo(
            RoutingRules.builder(MatchMode.ALL_MATCH)
                .add(RoutingRule.builder("b").tag("x").build())
                .build());
    assertThat(one.hashCode())
        .isNotEqualTo(
            RoutingRules.builder(MatchMode.ALL_MATCH)
                .add(RoutingRule.builder("b").tag("x").build())
                .build()
                .hashCode());
    assertThat(one).hasToString("RoutingRules[ALL_MATCH, 1 rules]");
  }

  @Test
  void namesUpToAHundredCharactersAreAccepted() {
    String hundred = "q".repeat(100);
    assertThat(RoutingRule.builder("r").assignTo("d", hundred).build().actions())
        .containsExactly(new RuleAction.AssignTo("d", hundred));
    assertThatThrownBy(() -> RoutingRule.builder("r").assignTo("d", hundred + "q"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 100");
  }

  @Test
  void raisingByOneToThreeStepsIsAllowed() {
    assertThat(new RuleAction.RaisePriority(1).steps()).isEqualTo(1);
    assertThat(new RuleAction.RaisePriority(3).steps()).isEqualTo(3);
    assertThatThrownBy(() -> new RuleAction.RaisePriority(0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void unknownKeysAnywhereInARuleFileAreRejectedByPath() {
    Map<String, java.util.function.Predicate<RoutingInput>> none = Map.of();
    String rule =
        "{\"id\":\"a\",\"when\":{\"channel\":[\"PHONE\"]},\"then\":{\"assign\":{\"department\":\"d\"}}}";
    assertThat(
            RoutingRules.fromJson("{\"mode\":\"FIRST_MATCH\",\"rules\":[" + rule + "]}", none)
                .rules())
        .hasSize(1);
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"version\":2,\"rules\":[" + rule + "]}", none))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class, e -> assertThat(e.field()).isEqualTo("$.version"));
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":["
                        + "{\"id\":\"a\",\"owner\":\"x\",\"then\":{\"addTags\":[\"t\"]}}]}",
                    none))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class, e -> assertThat(e.field()).isEqualTo("rules[0].owner"));
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":["
                        + "{\"id\":\"a\",\"then\":{\"addTags\":[\"t\"],\"notify\":true}}]}",
                    none))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class,
            e -> assertThat(e.field()).isEqualTo("rules[0].then.notify"));
    assertThatThrownBy(
            () ->
                RoutingRules.fromJson(
                    "{\"mode\":\"FIRST_MATCH\",\"rules\":["
                        + "{\"id\":\"a\",\"then\":{\"assign\":{\"department\":\"d\",\"agent\":\"x\"}}}]}",
                    none))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class,
            e -> {
              assertThat(e.field()).isEqualTo("rules[0].then.assign.agent");
              assertThat(e.value()).isEqualTo("agent");
            });
  }

  @Test
  void aDefinitionThatIsNotAnObjectIsQuotedShortened() {
    String longList = "[" + "1,".repeat(30) + "1]";
    assertThatThrownBy(() -> RoutingRules.fromJson(longList, Map.of()))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class,
            e -> {
              assertThat(e.field()).isEqualTo("$");
              assertThat(e.value()).isEqualTo(longList.substring(0, 40) + "...");
            });
    assertThatThrownBy(() -> RoutingRules.fromJson("[1]", Map.of()))
        .isInstanceOfSatisfying(
            RuleDefinitionException.class, e -> assertThat(e.value()).isEqualTo("[1]"));
    assertThatThrownBy(() -> RoutingRules.builder(null))
        .isInstanceOfSatisfying(RuleDefinitionException.class, e -> assertThat(e.value()).isNull())
        .hasMessageContaining("mode = null");
  }
}
