package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.desk.DeskDefinition;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DeskDefinitionPropertiesTest {

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("application.yml", properties));
    return environment;
  }

  private static Map<String, Object> officeCalendar() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("loopdesk.calendars.office.zone", "Asia/Shanghai");
    p.put("loopdesk.calendars.office.weekly.WEEKDAYS[0]", "09:00-12:00");
    p.put("loopdesk.calendars.office.weekly.WEEKDAYS[1]", "13:30-18:00");
    p.put("loopdesk.calendars.office.holidays", "china");
    return p;
  }

  @Test
  void rebuildsNestedMapsAndListsInIndexOrderFromFlatNames() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("loopdesk.sla.targets[1].metric", "FIRST_RESPONSE");
    p.put("loopdesk.sla.targets[0].metric", "RESOLUTION");
    p.put("loopdesk.sla.targets[0].priority", "P2");
    p.put("loopdesk.priority.overrides[0]", "vip");

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment(p));

    assertThat(tree)
        .isEqualTo(
            Map.of(
                "sla",
                    Map.of(
                        "targets",
                        List.of(
                            Map.of("metric", "RESOLUTION", "priority", "P2"),
                            Map.of("metric", "FIRST_RESPONSE"))),
                "priority", Map.of("overrides", List.of("vip"))));
  }

  @Test
  void aSourceOfHigherPrecedenceReplacesListsAndMergesMaps() {
    StandardEnvironment environment = environment(officeCalendar());
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application-prod.yml",
                Map.of(
                    "loopdesk.calendars.office.weekly.WEEKDAYS[0]", "08:00-20:00",
                    "loopdesk.calendars.office.zone", "Asia/Hong_Kong")));

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment);

    assertThat(tree)
        .isEqualTo(
            Map.of(
                "calendars",
                Map.of(
                    "office",
                    Map.of(
                        "zone", "Asia/Hong_Kong",
                        "weekly", Map.of("WEEKDAYS", List.of("08:00-20:00")),
                        "holidays", "china"))));
  }

  @Test
  void kebabCaseKeysBecomeTheDefinitionsCamelCaseButNamesStayAsWritten() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("loopdesk.calendars.head-office.zone", "Asia/Shanghai");
    p.put("loopdesk.calendars.head-office.beyond-coverage", "WEEKLY_HOURS");
    p.put("loopdesk.default-calendar", "head-office");
    p.put("loopdesk.escalation.chains.customer-service.team-lead", "lead-1");
    p.put("loopdesk.access.users.lead-1.role", "TEAM_LEAD");
    p.put("loopdesk.calendars.head-office.overrides.2026-12-24[0]", "09:00-12:00");

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment(p));

    assertThat(tree).containsEntry("defaultCalendar", "head-office");
    assertThat(tree.get("calendars"))
        .isEqualTo(
            Map.of(
                "head-office",
                Map.of(
                    "zone",
                    "Asia/Shanghai",
                    "beyondCoverage",
                    "WEEKLY_HOURS",
                    "overrides",
                    Map.of("2026-12-24", List.of("09:00-12:00")))));
    assertThat(tree.get("escalation"))
        .isEqualTo(Map.of("chains", Map.of("customer-service", Map.of("teamLead", "lead-1"))));
    assertThat(tree.get("access"))
        .isEqualTo(Map.of("users", Map.of("lead-1", Map.of("role", "TEAM_LEAD"))));
  }

  @Test
  void theStartersOwnKeysAndOtherPrefixesAreNotPartOfTheDefinition() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("loopdesk.enabled", "true");
    p.put("loopdesk.store.type", "memory");
    p.put("loopdesk.monitor.period", "PT5S");
    p.put("loopdesk.health.max-monitor-lag", "PT1M");
    p.put("loopdesk.metrics.refresh", "PT1M");
    p.put("loopdesk.cluster.instance-name", "a");
    p.put("loopdeskx.calendars.other.zone", "UTC");

    assertThat(DeskDefinitionProperties.tree(environment(p))).containsOnlyKeys("calendars");
  }

  @Test
  void numbersWrittenAsTextBecomeNumbersAndEmptyTextAnEmptyList() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("loopdesk.closedLoop.minimumRating", "4");
    p.put("loopdesk.sla.warningThresholds[0]", "0.75");
    p.put("loopdesk.access.administrator", "admin-1");
    p.put("loopdesk.access.users.u1.role", "AGENT");
    p.put("loopdesk.access.users.u1.queues[0]", "007");
    p.put("loopdesk.calendars.office.weekly.SATURDAY", "");

    Map<String, Object> tree = DeskDefinitionProperties.tree(environment(p));

    assertThat(tree.get("closedLoop")).isEqualTo(Map.of("minimumRating", 4));
    assertThat(tree.get("sla")).isEqualTo(Map.of("warningThresholds", List.of(0.75)));
    assertThat(tree.get("access"))
        .isEqualTo(
            Map.of(
                "administrator",
                "admin-1",
                "users",
                Map.of("u1", Map.of("role", "AGENT", "queues", List.of("007")))));
    DeskDefinition definition = DeskDefinitionProperties.read(environment(p), Map.of());
    assertThat(definition.closedLoop().orElseThrow().minimumRating()).isEqualTo(4);
    assertThat(definition.calendars().get(0).weeklyHours(DayOfWeek.SATURDAY)).isEmpty();
  }

  @Test
  void placeholdersInValuesAreResolved() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("office.zone", "Asia/Urumqi");
    p.put("loopdesk.calendars.office.zone", "${office.zone}");

    DeskDefinition definition = DeskDefinitionProperties.read(environment(p), Map.of());

    assertThat(definition.calendars().get(0).zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
  }

  @Test
  void readsAWholeCalendarWithChinasHolidays() {
    DeskDefinition definition =
        DeskDefinitionProperties.read(environment(officeCalendar()), Map.of());

    assertThat(definition.calendars()).hasSize(1);
    var office = definition.calendars().get(0);
    assertThat(office.weeklyHours(DayOfWeek.MONDAY)).hasSize(2);
    assertThat(office.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
    assertThat(office.isWorkingDay(LocalDate.of(2026, 9, 30))).isTrue();
  }

  @Test
  void anUnknownZoneFailsNamingTheProperty() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("loopdesk.calendars.office.zone", "Asia/Shangai");

    assertThatThrownBy(() -> DeskDefinitionProperties.read(environment(p), Map.of()))
        .isInstanceOfSatisfying(
            LoopdeskConfigurationException.class,
            e -> assertThat(e.property()).isEqualTo("loopdesk.calendars.office.zone"))
        .hasMessageStartingWith(
            "Invalid Loopdesk configuration at loopdesk.calendars.office.zone: ");
  }

  @Test
  void aMisspelledKeyFailsNamingIt() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("loopdesk.calendars.office.holiday", "china");

    assertThatThrownBy(() -> DeskDefinitionProperties.read(environment(p), Map.of()))
        .isInstanceOf(LoopdeskConfigurationException.class)
        .hasMessageContaining("loopdesk.calendars.office")
        .hasMessageContaining("holiday");
  }

  @Test
  void aMisspelledSectionFailsNamingIt() {
    Map<String, Object> p = new LinkedHashMap<>(officeCalendar());
    p.put("loopdesk.calender.office.zone", "UTC");

    assertThatThrownBy(() -> DeskDefinitionProperties.read(environment(p), Map.of()))
        .isInstanceOf(LoopdeskConfigurationException.class)
        .hasMessageContaining("calender");
  }

  @Test
  void noDeskKeysGiveTheDefaultDesk() {
    DeskDefinition definition =
        DeskDefinitionProperties.read(environment(Map.of("other", "x")), Map.of());

    assertThat(definition.calendars()).isEmpty();
    assertThat(definition.slaPolicy()).isEmpty();
  }
}
