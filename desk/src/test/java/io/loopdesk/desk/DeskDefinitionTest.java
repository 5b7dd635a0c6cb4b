package io.loopdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.core.ManualClock;
import io.loopdesk.routing.RoutingRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeskDefinitionTest {

  private static final Instant EVE_OF_NATIONAL_DAY =
      OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant();
  private static final Actor AGENT = Actor.of("agent-1", Role.AGENT);

  static String fullDesk() {
    try (InputStream in = DeskDefinitionTest.class.getResourceAsStream("/full-desk.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Ticket open(ServiceDesk desk, Level impact, Level urgency, Level severity) {
    Ticket t =
        desk.open(
            NewTicket.builder()
                .channel(Channel.PHONE)
                .customer(Customer.of("C-1", "张三", "13812345678", null))
                .product("X9 phone")
                .problem("battery does not charge")
                .build(),
            AGENT);
    return desk.classify(
        t.id(),
        t.version(),
        Classification.of(Category.PRODUCT_FAULT, impact, urgency, severity),
        AGENT);
  }

  @Test
  void aFullDeskFromOneYamlFileHasEveryPartWired() {
    DeskDefinition definition = DeskDefinition.fromYaml(fullDesk());
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    try (Loopdesk loopdesk =
        Loopdesk.builder().definition(definition).clock(clock).withoutMonitor().build()) {
      assertThat(loopdesk.calendars().names()).contains("office", "hotline");
      assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("office");

      Ticket p1 = open(loopdesk.desk(), Level.LOW, Level.LOW, Level.HIGH);
      assertThat(p1.dueAt())
          .as("48 office hours over National Day, holidays from 'holidays: china'")
          .contains(OffsetDateTime.parse("2026-10-14T14:30:00+08:00").toInstant());

      Ticket p2 = open(loopdesk.desk(), Level.LOW, Level.LOW, Level.LOW);
      assertThat(p2.priority().orElseThrow().priority())
          .as("matrix cell changed to P2")
          .isEqualTo(Priority.P2);
      // 24 office hours: 30 Sep 6.5 h, 8 and 9 Oct 15 h, the make-up Saturday 10 Oct 09:00-11:30
      assertThat(p2.dueAt())
          .contains(OffsetDateTime.parse("2026-10-10T11:30:00+08:00").toInstant());

      Ticket fresh =
          loopdesk
              .desk()
              .open(
                  NewTicket.builder()
                      .channel(Channel.PHONE)
                      .customer(Customer.of("C-2", "李四", "13900001111", null))
                      .product("X9 phone")
                      .problem("duplicate of an earlier call")
                      .build(),
                  AGENT);
      assertThat(loopdesk.desk().allowedActions(fresh)).contains(TicketAction.of("MARK_DUPLICATE"));

      assertThat(definition.closedLoop().orElseThrow().minimumRating()).isEqualTo(4);
      assertThat(loopdesk.routing().rules().rules())
          .extracting(RoutingRule::id)
          .containsExactly("faults-to-engineers", "complaints-to-service");
      assertThat(loopdesk.directory().roleOf("lead-1")).contains(Role.TEAM_LEAD);
      assertThat(loopdesk.directory().teamOf("lead-1")).containsExactly("agent-1");
      assertThat(loopdesk.directory().roleOf("qa-1")).contains(Role.QA_SPECIALIST);
      assertThat(loopdesk.escalations().orElseThrow().chainOf(p1).step(1).ownerId())
          .isEqualTo("lead-1");
    }
  }

  @Test
  void theCanonicalYamlReadsBackToAnEqualDefinitionAndIsAFixedPoint() {
    DeskDefinition original = DeskDefinition.fromYaml(fullDesk());
    String yaml = original.toYaml();
    DeskDefinition again = DeskDefinition.fromYaml(yaml);

    assertThat(again).isEqualTo(original).hasSameHashCodeAs(original);
    assertThat(again.toYaml()).isEqualTo(yaml);
    assertThat(yaml).contains("holidays: \"china\"").doesNotContain("publicHolidays");
    assertThat(again.calendars()).isEqualTo(original.calendars());
    assertThat(again.routingRules()).isEqualTo(original.routingRules());
    assertThat(again.users()).isEqualTo(original.users());
    assertThat(again.escalationChains()).isEqualTo(original.escalationChains());
    assertThat(DeskDefinition.fromJson(original.toJson())).isEqualTo(original);
  }

  @Test
  void aMapAsAFrameworkBindsItGivesTheSameDefinition() throws IOException {
    Map<String, Object> map = new YAMLMapper().readValue(fullDesk(), new TypeReference<>() {});
    assertThat(DeskDefinition.fromMap(map, Map.of()))
        .isEqualTo(DeskDefinition.fromYaml(fullDesk()));
  }

  @Test
  void aFileIsReadByItsExtension(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("desk.yml"), fullDesk());
    ManualClock clock = ManualClock.at(EVE_OF_NATIONAL_DAY);
    try (Loopdesk loopdesk = Loopdesk.fromYaml(file).clock(clock).withoutMonitor().build()) {
      assertThat(loopdesk.calendars().names()).contains("office");
    }
    assertThatThrownBy(() -> DeskDefinition.read(dir.resolve("missing.yaml")))
        .isInstanceOf(DeskDefinitionException.class)
        .hasMessageContaining("missing.yaml");
  }

  @Test
  void anEmptyDefinitionKeepsEveryDefault() {
    DeskDefinition empty = DeskDefinition.fromYaml("{}");
    assertThat(empty.calendars()).isEmpty();
    assertThat(empty.slaPolicy()).isEmpty();
    try (Loopdesk loopdesk = Loopdesk.builder().definition(empty).withoutMonitor().build()) {
      assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("24x7");
    }
  }

  static Stream<Arguments> badDefinitions() {
    String office = "calendars:\n  office:\n    zone: Asia/Shanghai\n";
    return Stream.of(
        Arguments.of("calendars:\n  office:\n    zone: Mars/Olympus\n", "calendars.office.zone"),
        Arguments.of(
            "calendars:\n  office:\n    weekly: { WEEKDAYS: [\"09:00-18:00\"] }\n",
            "calendars.office.zone"),
        Arguments.of(office + "    holidays: atlantis\n", "calendars.office.holidays"),
        Arguments.of(office + "    hollidays: china\n", "calendars.office.hollidays"),
        Arguments.of(
            office + "    weekly: { FUNDAY: [\"09:00-18:00\"] }\n",
            "calendars.office.weekly.FUNDAY"),
        Arguments.of(
            office + "    weekly: { MONDAY: [\"18:00-09:00\"] }\n",
            "calendars.office.weekly.MONDAY[0]"),
        Arguments.of(
            office + "    overrides: [{ from: 2026-10-07, to: 2026-10-01 }]\n",
            "calendars.office.overrides[0].to"),
        Arguments.of(office + "defaultCalendar: night\n", "defaultCalendar"),
        Arguments.of("slas: {}\n", "slas"),
        Arguments.of(
            "sla:\n  targets:\n    - { metric: RESOLUTION, priority: P1, duration: 48 hours }\n",
            "sla.targets[0].duration"),
        Arguments.of(
            office
                + "sla:\n  targets:\n    - { metric: RESOLUTION, priority: P1, duration: PT4H, calendar: night }\n",
            "sla.targets[0].calendar"),
        Arguments.of(
            "routing:\n  mode: FIRST_MATCH\n  rules:\n    - { id: r1, when: { category: [COMPLAINT] } }\n",
            "routing.rules[0].then"),
        Arguments.of("routing:\n  mode: SOMETIMES\n  rules: []\n", "routing.mode"),
        Arguments.of(
            "access:\n  administrator: admin-1\n  users:\n    agent-1: { role: JANITOR }\n",
            "access.users.agent-1.role"),
        Arguments.of("priority:\n  overrides: [vip, golden]\n", "priority.overrides[1]"),
        Arguments.of(
            "priority:\n  cells: [{ impact: HUGE, urgency: LOW, severity: LOW, priority: P0 }]\n",
            "priority.cells[0].impact"),
        Arguments.of("priority:\n  complaintLookBack: a fortnight\n", "priority.complaintLookBack"),
        Arguments.of("closedLoop: { minimumRating: four }\n", "closedLoop.minimumRating"),
        Arguments.of("closedLoop: { minimumRating: 9 }\n", "closedLoop.minimumRating"),
        Arguments.of(
            "lifecycle:\n  transitions: [{ from: RECEIVED, action: MARK_DUPLICATE }]\n",
            "lifecycle.transitions[0].to"),
        Arguments.of(
            "lifecycle:\n  transitions: [{ from: RECEIVED, action: MARK_DUPLICATE, to: LIMBO }]\n",
            "lifecycle"),
        Arguments.of(
            "escalation:\n  chains:\n    tech: { teamLead: a, supervisor: b, operationsManager: c }\n",
            "escalation.chains.default"),
        Arguments.of("escalation:\n  policy: sometimes\n", "escalation.policy"),
        Arguments.of("calendars: [unclosed\n", "$ (line 1, column 21)"),
        Arguments.of("sla: {}\nsla: {}\n", "$ (line 2, column 4)"),
        Arguments.of("- just\n- a list\n", "$"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badDefinitions")
  void aBadDefinitionNamesThePathOfTheKeyAndShowsNoParserInternals(String yaml, String path) {
    assertThatThrownBy(() -> DeskDefinition.fromYaml(yaml))
        .isInstanceOf(LoopdeskException.class)
        .isInstanceOfSatisfying(
            DeskDefinitionException.class,
            e -> {
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.getMessage())
                  .startsWith("Invalid desk definition at " + path + ": ")
                  .doesNotContainIgnoringCase("jackson")
                  .doesNotContain("com.fasterxml")
                  .doesNotContain("snakeyaml");
            });
  }

  @Test
  void nullsAreTypedErrors() {
    assertThatThrownBy(() -> DeskDefinition.fromYaml(null))
        .isInstanceOf(DeskDefinitionException.class);
    assertThatThrownBy(() -> DeskDefinition.fromMap(null, Map.of()))
        .isInstanceOf(DeskDefinitionException.class);
    assertThatThrownBy(() -> DeskDefinition.fromTree(null, Map.of()))
        .isInstanceOf(DeskDefinitionException.class);
  }

  @Test
  void routingRulesMayNameThePredicatesTheHostRegisters() {
    Map<String, Object> routing =
        Map.of(
            "mode",
            "FIRST_MATCH",
            "rules",
            java.util.List.of(
                Map.of(
                    "id",
                    "repeat-callers",
                    "when",
                    Map.of("predicates", java.util.List.of("repeatCaller")),
                    "then",
                    Map.of("raisePriority", 1))));
    Map<String, java.util.function.Predicate<io.loopdesk.routing.RoutingInput>> predicates =
        Map.of("repeatCaller", input -> true);
    assertThat(
            DeskDefinition.fromMap(Map.of("routing", routing), predicates)
                .routingRules()
                .orElseThrow()
                .rules())
        .hasSize(1);
    assertThatThrownBy(() -> DeskDefinition.fromMap(Map.of("routing", routing), Map.of()))
        .isInstanceOfSatisfying(
            DeskDefinitionException.class,
            e -> assertThat(e.path()).startsWith("routing.rules[0]"));
  }
}
