package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.spring.boot.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up of a whole application from an application.yml, good and bad. */
class ApplicationYamlTest {

  private static ConfigurableApplicationContext start(String yaml) {
    SpringApplication application = new SpringApplication(TestApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    return application.run(
        "--spring.config.location=classpath:" + yaml,
        "--spring.main.banner-mode=off",
        "--loopdesk.metrics.enabled=false");
  }

  private static LoopdeskConfigurationException configurationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof LoopdeskConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError(
        "no LoopdeskConfigurationException in the causes of " + failure, failure);
  }

  @Test
  void aGoodApplicationYamlGivesAWorkingDesk() {
    try (ConfigurableApplicationContext context = start("good.yml")) {
      Loopdesk loopdesk = context.getBean(Loopdesk.class);
      assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("office");
      DeskDefinition definition = context.getBean(DeskDefinition.class);
      assertThat(definition.closedLoop().orElseThrow().minimumRating()).isEqualTo(4);
      assertThat(definition.users()).containsOnlyKeys("agent-1");
      assertThat(context.getBean(LoopdeskSlaMonitor.class).isRunning()).isTrue();
    }
  }

  @Test
  void aCalendarZoneTypoFailsStartUpNamingTheKey() {
    assertThatThrownBy(() -> start("bad-zone.yml"))
        .satisfies(
            failure -> {
              LoopdeskConfigurationException e = configurationFailure(failure);
              assertThat(e.property()).isEqualTo("loopdesk.calendars.office.zone");
              FailureAnalysis analysis = new LoopdeskFailureAnalyzer().analyze(failure);
              assertThat(analysis.getDescription()).contains("'loopdesk.calendars.office.zone'");
              assertThat(analysis.getAction()).contains("loopdesk.calendars.office.zone");
            });
  }

  @Test
  void aMisspelledCalendarKeyFailsStartUpNamingTheKey() {
    assertThatThrownBy(() -> start("bad-key.yml"))
        .satisfies(
            failure -> {
              LoopdeskConfigurationException e = configurationFailure(failure);
              assertThat(e.getMessage()).contains("loopdesk.calendars.office").contains("weekley");
            });
  }
}
