package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every setting is checked when it is set, with an error naming the property, and a rejected value
 * leaves the previous one in place: a misconfigured dashboard fails when Spring binds it, not when
 * its first page is served.
 */
class DashboardPropertiesTest {

  private final DashboardProperties settings = new DashboardProperties();

  @Test
  void durationsMustBePositive() {
    for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
      rejects(
          "loopdesk.dashboard.poll-interval",
          s -> s.setPollInterval(bad),
          s -> s.getPollInterval());
      rejects("loopdesk.dashboard.heartbeat", s -> s.setHeartbeat(bad), s -> s.getHeartbeat());
      rejects("loopdesk.dashboard.window", s -> s.setWindow(bad), s -> s.getWindow());
    }
    settings.setHeartbeat(Duration.ofSeconds(2));
    assertThat(settings.getHeartbeat()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void limitsMustBeAtLeastOne() {
    rejects("loopdesk.dashboard.max-tickets", s -> s.setMaxTickets(0), s -> s.getMaxTickets());
    rejects("loopdesk.dashboard.max-at-risk", s -> s.setMaxAtRisk(-3), s -> s.getMaxAtRisk());
    rejects(
        "loopdesk.dashboard.max-connections",
        s -> s.setMaxConnections(0),
        s -> s.getMaxConnections());
    settings.setMaxAtRisk(1);
    assertThat(settings.getMaxAtRisk()).isEqualTo(1);
  }

  @Test
  void sharesMustBeFractions() {
    for (double bad : new double[] {-0.01, 1.01, 90, Double.NaN}) {
      rejects("loopdesk.dashboard.near-breach", s -> s.setNearBreach(bad), s -> s.getNearBreach());
      DashboardProperties.Standards standards = settings.getStandards();
      rejects(
          "loopdesk.dashboard.standards.first-contact-resolution",
          s -> standards.setFirstContactResolution(bad),
          s -> standards.getFirstContactResolution());
      rejects(
          "loopdesk.dashboard.standards.satisfied-rate",
          s -> standards.setSatisfiedRate(bad),
          s -> standards.getSatisfiedRate());
      rejects(
          "loopdesk.dashboard.standards.sla-attainment",
          s -> standards.setSlaAttainment(bad),
          s -> standards.getSlaAttainment());
    }
    settings.setNearBreach(0);
    assertThat(settings.getNearBreach()).isZero();
  }

  private void rejects(
      String property, Consumer<DashboardProperties> set, Function<DashboardProperties, ?> get) {
    Object before = get.apply(settings);
    assertThatThrownBy(() -> set.accept(settings))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(property));
    assertThat(get.apply(settings)).as(property + " unchanged").isEqualTo(before);
  }
}
