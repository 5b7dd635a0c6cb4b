package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.spring.boot.LoopdeskAutoConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The dashboard's auto-configuration: on in servlet web applications, off by property, every bean
 * overridable.
 */
class DashboardAutoConfigurationTest {
  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  LoopdeskAutoConfiguration.class, DashboardAutoConfiguration.class))
          .withPropertyValues("loopdesk.store.type=memory", "loopdesk.monitor.enabled=false");

  @Test
  void aWebApplicationWithTheDeskGetsTheDashboard() {
    web.run(
        context -> {
          assertThat(context)
              .hasSingleBean(DashboardController.class)
              .hasSingleBean(DashboardStream.class)
              .hasSingleBean(LiveDashboard.class)
              .hasSingleBean(DashboardAccess.class);
          assertThat(context.getBean(DashboardActorResolver.class))
              .isInstanceOf(PrincipalActorResolver.class);
          assertThat(context.getBean(DashboardProperties.class).getPath())
              .isEqualTo("/loopdesk/dashboard");
        });
  }

  @Test
  void thePropertySwitchesItOff() {
    web.withPropertyValues("loopdesk.dashboard.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(DashboardController.class)
                    .doesNotHaveBean(DashboardStream.class));
  }

  @Test
  void theApplicationsOwnBeansWin() {
    DashboardActorResolver mine = request -> Optional.empty();
    web.withBean(DashboardActorResolver.class, () -> mine)
        .run(context -> assertThat(context.getBean(DashboardActorResolver.class)).isSameAs(mine));
  }

  @Test
  void aBadPathIsRefusedNamingTheProperty() {
    web.withPropertyValues("loopdesk.dashboard.path=dashboard")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("loopdesk.dashboard.path"));
    web.withPropertyValues("loopdesk.dashboard.path=/loopdesk/dashboard/")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("loopdesk.dashboard.path"));
    web.withPropertyValues("loopdesk.dashboard.poll-interval=0s")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("loopdesk.dashboard.poll-interval"));
  }

  @Test
  void anApplicationWithoutAWebServerGetsNone() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                LoopdeskAutoConfiguration.class, DashboardAutoConfiguration.class))
        .withPropertyValues("loopdesk.store.type=memory", "loopdesk.monitor.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(DashboardController.class));
  }
}
