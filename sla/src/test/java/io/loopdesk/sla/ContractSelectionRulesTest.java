package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketListener;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One example per rule of contract selection: the first matching rule in declared order chooses the
 * policy (so the order states the precedence), conditions within a rule must all hold, the default
 * applies when none matches, the reason is recorded on the ticket's SLA state and in its audit
 * trail, and a tier or contract change re-evaluates the open clocks as a re-prioritisation does.
 */
class ContractSelectionRulesTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final String YAML =
      """
            default: standard
            policies:
              standard:
                targets:
                  - { metric: RESOLUTION, priority: P2, duration: PT72H, calendar: 24x7 }
              vip:
                targets:
                  - { metric: RESOLUTION, priority: P2, duration: PT24H, calendar: 24x7 }
              enterprise:
                targets:
                  - { metric: RESOLUTION, priority: P2, duration: PT8H, calendar: 24x7 }
                olas:
                  - { team: second-line, duration: PT2H, calendar: 24x7 }
              hotline:
                targets:
                  - { metric: RESOLUTION, priority: P2, duration: PT48H, calendar: 24x7 }
            rules:
              - { name: enterprise-contract, contracts: [ENTERPRISE], policy: enterprise }
              - { name: vip-customers, tiers: [VIP], policy: vip }
              - { name: router-hotline, channels: [PHONE], products: [router X1], policy: hotline }
            """;
  private static final SlaContracts CONTRACTS = SlaContracts.fromYaml(YAML);

  private final List<SlaEvent> events = new ArrayList<>();
  private final SlaTracker tracker =
      SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of()).listener(events::add).build();

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  private static SlaSubject subject(
      CustomerTier tier, Channel channel, String product, String contract) {
    return new SlaSubject("c-1", tier, channel, product, contract);
  }

  private TicketScript open(String id, CustomerTier tier, Channel channel, String product) {
    return TicketScript.open(tracker, id, T0, tier, channel, product)
        .classify(T0, Priority.P2, Category.PRODUCT_FAULT);
  }

  private Optional<Instant> resolutionDeadline(TicketScript t, Instant at) {
    return tracker
        .status(t.id(), at)
        .orElseThrow()
        .clock(SlaMetric.RESOLUTION)
        .orElseThrow()
        .deadline();
  }

  @Test
  void theFirstMatchingRuleInDeclaredOrderWins() {
    PolicySelection both =
        CONTRACTS.select(subject(CustomerTier.VIP, Channel.PHONE, "router X1", "ENTERPRISE"));
    assertEquals("enterprise", both.policyName(), "the contract rule comes first");
    assertEquals("enterprise-contract", both.ruleName());
    assertEquals(
        "vip-customers",
        CONTRACTS.select(subject(CustomerTier.VIP, Channel.PHONE, "router X1", null)).ruleName(),
        "the tier rule comes before the channel rule");
    SlaContracts reversed =
        SlaContracts.builder("standard", CONTRACTS.policy("standard"))
            .policy("vip", CONTRACTS.policy("vip"))
            .policy("hotline", CONTRACTS.policy("hotline"))
            .rule(CONTRACTS.rules().get(2))
            .rule(CONTRACTS.rules().get(1))
            .build();
    assertEquals(
        "router-hotline",
        reversed.select(subject(CustomerTier.VIP, Channel.PHONE, "router X1", null)).ruleName(),
        "the same rules in the other order choose the other policy");
  }

  @Test
  void everyConditionOfARuleMustHoldAndAnyListedValueSatisfiesACondition() {
    assertEquals(
        "hotline",
        CONTRACTS
            .select(subject(CustomerTier.STANDARD, Channel.PHONE, "router X1", null))
            .policyName());
    assertEquals(
        "standard",
        CONTRACTS
            .select(subject(CustomerTier.STANDARD, Channel.EMAIL, "router X1", null))
            .policyName(),
        "the channel does not match");
    assertEquals(
        "standard",
        CONTRACTS
            .select(subject(CustomerTier.STANDARD, Channel.PHONE, "modem M2", null))
            .policyName(),
        "the product does not match");
    assertEquals(
        "standard",
        CONTRACTS.select(subject(CustomerTier.STANDARD, null, "router X1", null)).policyName(),
        "an unknown value never matches a condition");
    ContractRule two =
        ContractRule.builder("two-tiers", "vip")
            .tiers(CustomerTier.VIP, CustomerTier.STANDARD)
            .customers("c-1", "c-2")
            .build();
    assertTrue(two.matches(subject(CustomerTier.STANDARD, null, null, null)));
    assertFalse(two.matches(new SlaSubject("c-3", CustomerTier.VIP, null, null, null)));
    assertTrue(
        ContractRule.builder("all", "vip").build().matches(SlaSubject.UNKNOWN),
        "no condition matches all");
    assertEquals("any ticket", ContractRule.builder("all", "vip").build().describeConditions());
    assertEquals("customer c-1|c-2, tier STANDARD|VIP", two.describeConditions());
  }

  @Test
  void theDefaultPolicyAppliesWhenNoRuleMatches() {
    PolicySelection selection = CONTRACTS.select(SlaSubject.UNKNOWN);
    assertEquals("standard", selection.policyName());
    assertTrue(selection.isDefault());
    assertEquals("no rule matched; default policy 'standard'", selection.reason());
    assertFalse(CONTRACTS.select(subject(CustomerTier.VIP, null, null, null)).isDefault());
  }

  @Test
  void theTicketsSlaStateAndAuditTrailShowWhichRuleChoseThePolicyAndWhy() {
    TicketScript vip = open("V", CustomerTier.VIP, Channel.EMAIL, "modem M2");
    PolicySelection selection = tracker.status(vip.id(), T0).orElseThrow().selection();
    assertEquals(
        new PolicySelection(
            "vip", "vip-customers", "rule 'vip-customers' (tier VIP) chose policy 'vip'"),
        selection);
    assertEquals(Optional.of(hours(24)), resolutionDeadline(vip, T0));
    assertTrue(
        tracker.auditTrail(vip.id()).stream()
            .anyMatch(
                e ->
                    e.kind().equals("POLICY_SELECTED")
                        && e.detail().equals(selection.reason())
                        && e.at().equals(T0)),
        tracker.auditTrail(vip.id()).toString());
    TicketScript hotline = open("H", CustomerTier.STANDARD, Channel.PHONE, "router X1");
    assertEquals(Optional.of(hours(48)), resolutionDeadline(hotline, T0));
    TicketScript plain = open("P", CustomerTier.STANDARD, Channel.APP, "router X1");
    assertEquals(Optional.of(hours(72)), resolutionDeadline(plain, T0));
    assertTrue(tracker.status(plain.id(), T0).orElseThrow().selection().isDefault());
  }

  @Test
  void aTierUpgradeReevaluatesOpenClocksFromTheirOriginalStart() {
    TicketScript t = open("U", CustomerTier.STANDARD, Channel.EMAIL, "modem M2");
    assertEquals(Optional.of(hours(72)), resolutionDeadline(t, hours(1)));
    Optional<PolicySelection> selection = tracker.changeTier(t.id(), CustomerTier.VIP, hours(2));
    assertEquals("vip", selection.orElseThrow().policyName());
    assertEquals(
        Optional.of(hours(24)),
        resolutionDeadline(t, hours(2)),
        "24 h counted from the ticket's creation");
    assertEquals(selection.get(), tracker.status(t.id(), hours(2)).orElseThrow().selection());
    assertTrue(
        tracker.auditTrail(t.id()).stream()
            .anyMatch(
                e ->
                    e.kind().equals("POLICY_CHANGED")
                        && e.at().equals(hours(2))
                        && e.detail().contains("vip-customers")));
  }

  @Test
  void
      aContractChangeWhoseTargetIsAlreadyExceededIsBreachedAtTheNextTickAndEndingItRestoresTheTierPolicy() {
    TicketScript t =
        open("E", CustomerTier.VIP, Channel.EMAIL, "modem M2").assign(T0, "b", "second-line");
    assertTrue(
        tracker.status(t.id(), T0).orElseThrow().clock(SlaMetric.OLA).isEmpty(), "vip has no OLA");
    tracker.changeContract(t.id(), "ENTERPRISE", hours(10));
    List<SlaEvent> fired = tracker.tick(hours(10));
    assertTrue(
        fired.contains(
            new SlaEvent.Breached(
                t.id(), SlaMetric.RESOLUTION, hours(8), SlaTarget.on("24x7", Duration.ofHours(8)))),
        fired.toString());
    SlaStatus ola =
        tracker.status(t.id(), hours(10)).orElseThrow().clock(SlaMetric.OLA).orElseThrow();
    assertEquals(T0, ola.startedAt(), "the enterprise OLA counts from the assignment to the team");
    assertTrue(
        fired.contains(
            new SlaEvent.Breached(
                t.id(),
                SlaMetric.OLA,
                hours(2),
                SlaTarget.on("24x7", Duration.ofHours(2)),
                "second-line")),
        fired.toString());
    assertEquals("vip", tracker.changeContract(t.id(), null, hours(11)).orElseThrow().policyName());
    assertEquals(Optional.of(hours(24)), resolutionDeadline(t, hours(11)));
    assertEquals(
        1,
        fired.stream()
            .filter(e -> e instanceof SlaEvent.Breached b && b.metric() == SlaMetric.RESOLUTION)
            .count());
  }

  @Test
  void aChangeThatKeepsThePolicyIsAuditedAndChangesNoClock() {
    TicketScript t = open("S", CustomerTier.VIP, Channel.EMAIL, "modem M2");
    SlaStatus before =
        tracker.status(t.id(), hours(1)).orElseThrow().clock(SlaMetric.RESOLUTION).orElseThrow();
    assertEquals(
        "vip", tracker.changeContract(t.id(), "GOLD", hours(1)).orElseThrow().policyName());
    assertEquals(
        before,
        tracker.status(t.id(), hours(1)).orElseThrow().clock(SlaMetric.RESOLUTION).orElseThrow());
    assertEquals(
        1,
        tracker.auditTrail(t.id()).stream().filter(e -> e.kind().equals("POLICY_CHANGED")).count());
    assertEquals(
        Optional.empty(),
        tracker.changeTier(io.loopdesk.api.TicketId.of("unknown"), CustomerTier.VIP, T0));
  }

  @Test
  void aTrackerThatJoinsMidStreamKeepsTheTicketsChannelAndProductForALaterChange() {
    AtomicReference<TicketListener> target = new AtomicReference<>((event, after) -> {});
    TicketListener forward = (event, after) -> target.get().onEvent(event, after);
    TicketScript t =
        TicketScript.open(forward, "M", T0, CustomerTier.STANDARD, Channel.PHONE, "router X1");
    target.set(tracker);
    t.classify(T0, Priority.P2, Category.PRODUCT_FAULT);
    assertEquals("hotline", tracker.status(t.id(), T0).orElseThrow().selection().policyName());

    Optional<PolicySelection> selection = tracker.changeContract(t.id(), "BASIC", hours(1));

    assertEquals(
        "hotline",
        selection.orElseThrow().policyName(),
        "the phone channel and router product still choose the hotline policy");
    assertEquals(Optional.of(hours(48)), resolutionDeadline(t, hours(1)));
  }

  @Test
  void aChangeBeforeClassificationOnlyChoosesThePolicyTheClassificationWillUse() {
    TicketScript t =
        TicketScript.open(tracker, "B", T0, CustomerTier.STANDARD, Channel.EMAIL, "modem M2");
    tracker.changeTier(t.id(), CustomerTier.VIP, hours(1));
    t.classify(hours(1), Priority.P2, Category.PRODUCT_FAULT);
    assertEquals(Optional.of(hours(24)), resolutionDeadline(t, hours(1)));
  }

  @Test
  void contractChangesAreRejectedWhenInvalidOrOnAClusteredTracker() {
    TicketScript t = open("X", CustomerTier.STANDARD, Channel.EMAIL, "modem M2");
    assertEquals(
        "tier",
        assertThrows(SlaPolicyException.class, () -> tracker.changeTier(t.id(), null, T0)).field());
    assertEquals(
        "ticketId",
        assertThrows(SlaPolicyException.class, () -> tracker.changeTier(null, CustomerTier.VIP, T0))
            .field());
    assertEquals(
        "at",
        assertThrows(SlaPolicyException.class, () -> tracker.changeContract(t.id(), "A", null))
            .field());
    assertEquals(
        "contract",
        assertThrows(SlaPolicyException.class, () -> tracker.changeContract(t.id(), " ", T0))
            .field());
    assertEquals(
        "contract",
        assertThrows(
                SlaPolicyException.class, () -> tracker.changeContract(t.id(), "c".repeat(201), T0))
            .field());
    io.loopdesk.core.InMemoryTicketStore store = new io.loopdesk.core.InMemoryTicketStore();
    SlaTracker clustered =
        SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of()).cluster(store, "a").build();
    assertEquals(
        "cluster",
        assertThrows(
                SlaPolicyException.class, () -> clustered.changeTier(t.id(), CustomerTier.VIP, T0))
            .field());
  }

  @Test
  void theDeadlinePolicyUsesTheTicketsPolicy() {
    TicketScript t = open("D", CustomerTier.VIP, Channel.EMAIL, "modem M2");
    assertEquals(Optional.of(hours(24)), tracker.deadlinePolicy().resolutionDue(t.ticket(), T0));
    SlaTracker fresh = SlaTracker.forContracts(CONTRACTS, CalendarRegistry.of()).build();
    assertEquals(
        Optional.of(hours(24)),
        fresh.deadlinePolicy().resolutionDue(t.ticket(), T0),
        "a ticket the tracker has not seen gets the policy its data selects");
  }

  @Test
  void contractsAreValidated() {
    SlaPolicy standard = SlaPolicy.standard();
    assertEquals(
        "contracts",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaTracker.forContracts(null, CalendarRegistry.of()))
            .field());
    assertEquals(
        "policy", assertThrows(SlaPolicyException.class, () -> SlaContracts.single(null)).field());
    assertEquals(
        "policyName",
        assertThrows(SlaPolicyException.class, () -> SlaContracts.builder(" ", standard)).field());
    assertEquals(
        "policy",
        assertThrows(SlaPolicyException.class, () -> SlaContracts.builder("a", null)).field());
    assertEquals(
        "rules.r.policy",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.builder("a", standard)
                        .rule(ContractRule.builder("r", "missing").build())
                        .build())
            .field());
    assertEquals(
        "rule.name",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.builder("a", standard)
                        .rule(ContractRule.builder("r", "a").build())
                        .rule(ContractRule.builder("r", "a").build()))
            .field());
    assertEquals(
        "rule",
        assertThrows(SlaPolicyException.class, () -> SlaContracts.builder("a", standard).rule(null))
            .field());
    assertEquals(
        "policies.b.warningThresholds",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.builder("a", standard)
                        .policy("b", SlaPolicy.builder().warningThresholds(0.5).build())
                        .build())
            .field());
    assertEquals(
        "subject", assertThrows(SlaPolicyException.class, () -> CONTRACTS.select(null)).field());
    assertEquals(
        "policy", assertThrows(SlaPolicyException.class, () -> CONTRACTS.policy("nope")).field());
    assertEquals(
        "name",
        assertThrows(SlaPolicyException.class, () -> ContractRule.builder(null, "a").build())
            .field());
    assertEquals(
        "policyName",
        assertThrows(SlaPolicyException.class, () -> ContractRule.builder("r", "").build())
            .field());
    assertEquals(
        "tiers",
        assertThrows(
                SlaPolicyException.class,
                () -> ContractRule.builder("r", "a").tiers((CustomerTier) null).build())
            .field());
    assertEquals(
        "products",
        assertThrows(
                SlaPolicyException.class,
                () -> ContractRule.builder("r", "a").products((String[]) null))
            .field());
    assertEquals(Set.of(), new ContractRule("r", null, null, null, null, null, "a").tiers());
    assertEquals(
        "policyName",
        assertThrows(SlaPolicyException.class, () -> new PolicySelection("", "r", "x")).field());
    assertEquals(
        "ruleName",
        assertThrows(SlaPolicyException.class, () -> new PolicySelection("p", null, "x")).field());
    assertEquals(
        "reason",
        assertThrows(SlaPolicyException.class, () -> new PolicySelection("p", "r", null)).field());
    assertEquals(
        List.of("standard", "vip", "enterprise", "hotline"),
        List.copyOf(CONTRACTS.policies().keySet()));
    assertEquals("standard", CONTRACTS.defaultPolicyName());
    assertTrue(CONTRACTS.toString().contains("enterprise-contract"));
    assertEquals(SlaContracts.SINGLE_POLICY, SlaContracts.single(standard).defaultPolicyName());
  }

  @Test
  void yamlErrorsNameTheirPath() {
    assertTrue(
        assertThrows(
                SlaPolicyException.class,
                () -> SlaContracts.fromYaml("default: s\npolicies:\n  s: { a: [1, }\n"))
            .field()
            .startsWith("$ (line 3, column "),
        "malformed YAML is located by line and column, as in a policy file");
    assertEquals(
        "default",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaContracts.fromYaml("default: gold\npolicies:\n  standard: {}"))
            .field());
    assertEquals(
        "policies",
        assertThrows(SlaPolicyException.class, () -> SlaContracts.fromYaml("default: a")).field());
    assertEquals(
        "policies.standard.targets[0].duration",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: standard\npolicies:\n  standard:\n    targets:\n"
                            + "      - { metric: RESOLUTION, duration: soon, calendar: 24x7 }"))
            .field());
    assertEquals(
        "rules[0].tiers",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r, tiers: [GOLD], policy: s }"))
            .field());
    assertEquals(
        "rules[0].channels",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r, channels: [phone line], policy: s }"))
            .field());
    assertEquals(
        "rules[0].policy",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r }"))
            .field());
    assertEquals(
        "rules[0].colour",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r, colour: red, policy: s }"))
            .field());
    assertEquals(
        "rules[0].products",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r, products: x, policy: s }"))
            .field());
    assertEquals(
        "rules[0].policy",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaContracts.fromYaml(
                        "default: s\npolicies:\n  s: {}\nrules:\n  - { name: r, policy: t }"))
            .field());
    assertEquals(
        "rules",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaContracts.fromYaml("default: s\npolicies:\n  s: {}\nrules: {}"))
            .field());
    assertEquals(
        "rules[0]",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaContracts.fromYaml("default: s\npolicies:\n  s: {}\nrules: [1]"))
            .field());
    assertEquals(
        "$.tiers",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaContracts.fromYaml("default: s\npolicies:\n  s: {}\ntiers: []"))
            .field());
    assertEquals(
        "$", assertThrows(SlaPolicyException.class, () -> SlaContracts.fromYaml(" ")).field());
    assertEquals(
        "$", assertThrows(SlaPolicyException.class, () -> SlaContracts.fromYaml("[1]")).field());
    assertEquals(
        "$ (line 1, column 2)",
        assertThrows(SlaPolicyException.class, () -> SlaContracts.fromJson("{")).field());
    assertEquals(
        "vip",
        SlaContracts.fromJson(
                "{\"default\":\"s\",\"policies\":{\"s\":{},\"vip\":{}},"
                    + "\"rules\":[{\"name\":\"r\",\"tiers\":[\"vip\"],\"customers\":[\"c-1\"],\"policy\":\"vip\"}]}")
            .select(new SlaSubject("c-1", CustomerTier.VIP, null, null, null))
            .policyName());
  }
}
