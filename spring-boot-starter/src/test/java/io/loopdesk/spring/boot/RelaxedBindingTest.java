package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.SlaMetric;
import io.loopdesk.spring.boot.app.TestApplication;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every {@code loopdesk.*} key can be set the ways Spring Boot's relaxed binding allows:
 * environment variables ({@code LOOPDESK_CALENDARS_OFFICE_ZONE}, {@code
 * LOOPDESK_CLOSEDLOOP_MINIMUMRATING}, {@code _0_} for a list index), system properties in
 * camelCase, kebab-case or lower case, layered over application.yml.
 */
class RelaxedBindingTest {

  /** An environment whose variables and system properties are the given ones, not the machine's. */
  private static StandardEnvironment environment(
      Map<String, Object> variables, Map<String, Object> yaml) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
    environment.getPropertySources().addLast(new MapPropertySource("application.yml", yaml));
    return environment;
  }

  private static Map<String, Object> officeYaml() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("loopdesk.calendars.office.zone", "Asia/Shanghai");
    p.put("loopdesk.calendars.office.weekly.WEEKDAYS[0]", "09:00-12:00");
    p.put("loopdesk.calendars.office.holidays", "china");
    p.put("loopdesk.closed-loop.minimum-rating", "4");
    return p;
  }

  @Test
  void environmentVariablesSetAndOverrideEveryKindOfKey() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("LOOPDESK_CALENDARS_OFFICE_ZONE", "Asia/Hong_Kong");
    variables.put("LOOPDESK_CALENDARS_OFFICE_WEEKLY_SATURDAY_0", "10:00-14:00");
    variables.put("LOOPDESK_CALENDARS_OFFICE_BEYONDCOVERAGE", "WEEKLY_HOURS");
    variables.put("LOOPDESK_DEFAULTCALENDAR", "office");
    variables.put("LOOPDESK_CLOSEDLOOP_MINIMUMRATING", "3");
    variables.put("LOOPDESK_CLOSEDLOOP_MAXUNREACHEDATTEMPTS", "5");
    variables.put("LOOPDESK_SLA_BASE", "defaults");
    variables.put("LOOPDESK_SLA_PAUSINGSTATUSES_0", "WAITING_ON_CUSTOMER");
    variables.put("LOOPDESK_SLA_TARGETS_0_METRIC", "RESOLUTION");
    variables.put("LOOPDESK_SLA_TARGETS_0_PRIORITY", "P2");
    variables.put("LOOPDESK_SLA_TARGETS_0_DURATION", "PT10H");
    variables.put("LOOPDESK_SLA_TARGETS_0_CALENDAR", "office");
    variables.put("LOOPDESK_ESCALATION_TEAMLEAD", "lead-1");
    variables.put("LOOPDESK_ROUTING_MODE", "FIRST_MATCH");
    variables.put("LOOPDESK_ROUTING_RULES_0_ID", "faults");
    variables.put("LOOPDESK_ROUTING_RULES_0_WHEN_CATEGORY_0", "PRODUCT_FAULT");
    variables.put("LOOPDESK_ROUTING_RULES_0_THEN_RAISEPRIORITY", "1");
    variables.put("LOOPDESK_ACCESS_ADMINISTRATOR", "admin-1");
    variables.put("LOOPDESK_ACCESS_USERS_LEAD-1_ROLE", "TEAM_LEAD");

    DeskDefinition definition =
        DeskDefinitionProperties.read(environment(variables, officeYaml()), Map.of());

    var office = definition.calendars().get(0);
    assertThat(office.zone()).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
    assertThat(office.weeklyHours(DayOfWeek.MONDAY)).hasSize(1);
    assertThat(office.weeklyHours(DayOfWeek.SATURDAY)).hasSize(1);
    assertThat(definition.closedLoop().orElseThrow().minimumRating()).isEqualTo(3);
    assertThat(definition.closedLoop().orElseThrow().maxUnreachedAttempts()).isEqualTo(5);
    var policy = definition.slaPolicy().orElseThrow();
    assertThat(policy.pausingStatuses()).containsExactly(TicketStatus.WAITING_ON_CUSTOMER);
    assertThat(policy.target(SlaMetric.RESOLUTION, Priority.P2, null).orElseThrow().duration())
        .isEqualTo(Duration.ofHours(10));
    assertThat(definition.routingRules().orElseThrow().rule("faults")).isPresent();
    assertThat(definition.users()).containsOnlyKeys("lead-1");
  }

  @Test
  void everyCamelCaseKeyTheDesksCanonicalYamlWritesIsKnownToTheReader() {
    String yaml =
        String.join(
            "\n",
            "calendars:",
            "  office: { zone: Asia/Shanghai, weekly: { WEEKDAYS: ['09:00-18:00'] }, holidays: china,",
            "            beyondCoverage: WEEKLY_HOURS }",
            "defaultCalendar: office",
            "lifecycle: { auditedExits: [DUPLICATE], transitions: [{ from: RECEIVED, action: MARK_DUPLICATE, to: DUPLICATE }] }",
            "closedLoop: { minimumRating: 4, maxUnreachedAttempts: 2, unreachable: MARK_UNREACHABLE }",
            "priority: { overrides: [vip], complaintLookBack: P14D }",
            "sla: { base: defaults, pausingStatuses: [WAITING_ON_CUSTOMER], warningThresholds: [0.5],",
            "       targets: [{ metric: RESOLUTION, priority: P2, duration: PT24H, calendar: office }] }",
            "escalation: { chains: { default: { teamLead: lead-1, supervisor: sup-1, operationsManager: ops-1 } } }",
            "routing: { mode: FIRST_MATCH, rules: [{ id: r, when: { category: [COMPLAINT] },",
            "  then: { setPriority: P1, raisePriority: 1, addTags: [t], requireSkills: { s: 1 } } }] }",
            "access: { administrator: admin-1, users: { lead-1: { role: TEAM_LEAD } } }");
    String canonical = DeskDefinition.fromYaml(yaml, Map.of()).toYaml();
    java.util.regex.Matcher keys =
        java.util.regex.Pattern.compile("([a-z]+[A-Z][A-Za-z]*):").matcher(canonical);
    List<String> camel = new java.util.ArrayList<>();
    while (keys.find()) {
      camel.add(keys.group(1));
    }

    assertThat(camel).contains("defaultCalendar", "maxUnreachedAttempts", "requireSkills");
    assertThat(DeskDefinitionProperties.KNOWN_CAMEL_KEYS.values()).containsAll(camel);
  }

  @Test
  void environmentVariablesOutsideTheDesksSectionsAreNotPartOfTheDefinition() {
    Map<String, Object> variables =
        Map.of(
            "LOOPDESK_PG_URL",
            "jdbc:postgresql://127.0.0.1/x",
            "LOOPDESK_HOME",
            "/opt/loopdesk",
            "LOOPDESK_STORE_TYPE",
            "memory");

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment(variables, officeYaml()));

    assertThat(tree).containsOnlyKeys("calendars", "closedLoop");
  }

  @Test
  void aMisspelledKeyInAPropertiesFileStillFailsNamingIt() {
    Map<String, Object> yaml = officeYaml();
    yaml.put("loopdesk.closed-loop.minimum-ratings", "4");

    assertThatThrownBy(() -> DeskDefinitionProperties.read(environment(Map.of(), yaml), Map.of()))
        .isInstanceOf(LoopdeskConfigurationException.class)
        .hasMessageContaining("minimumRatings");
  }

  @Test
  void systemPropertiesInCamelKebabOrLowerCaseOverrideTheFile() {
    StandardEnvironment environment = environment(Map.of(), officeYaml());
    Properties system = new Properties();
    system.setProperty("loopdesk.closedLoop.maxUnreachedAttempts", "6");
    system.setProperty("loopdesk.closed-loop.minimum-rating", "2");
    system.setProperty("loopdesk.calendars.office.beyondcoverage", "WEEKLY_HOURS");
    system.setProperty("loopdesk.sla.warning-thresholds[0]", "0.5");
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
            new PropertiesPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, system));

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment);
    DeskDefinition definition = DeskDefinitionProperties.read(environment, Map.of());

    assertThat(tree.get("closedLoop"))
        .isEqualTo(Map.of("minimumRating", 2, "maxUnreachedAttempts", 6));
    assertThat(tree.get("sla")).isEqualTo(Map.of("warningThresholds", List.of(0.5)));
    assertThat(definition.closedLoop().orElseThrow().minimumRating()).isEqualTo(2);
  }

  @Test
  void aWholeApplicationTakesItsDeskFromEnvironmentVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("LOOPDESK_CALENDARS_OFFICE_ZONE", "Asia/Shanghai");
    variables.put("LOOPDESK_CALENDARS_OFFICE_WEEKLY_WEEKDAYS_0", "09:00-18:00");
    variables.put("LOOPDESK_CALENDARS_OFFICE_HOLIDAYS", "china");
    variables.put("LOOPDESK_CLOSEDLOOP_MINIMUMRATING", "5");
    variables.put("LOOPDESK_MONITOR_ENABLED", "false");
    variables.put("LOOPDESK_METRICS_ENABLED", "false");
    StandardEnvironment environment = environment(variables, Map.of());

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TestApplication.class)
            .environment(environment)
            .web(WebApplicationType.NONE)
            .properties("spring.main.banner-mode=off")
            .run()) {
      Loopdesk loopdesk = context.getBean(Loopdesk.class);
      assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("office");
      assertThat(context.getBean(DeskDefinition.class).closedLoop().orElseThrow().minimumRating())
          .isEqualTo(5);
      assertThat(context.getBeansOfType(LoopdeskSlaMonitor.class))
          .as("LOOPDESK_MONITOR_ENABLED=false")
          .isEmpty();
    }
  }
}
