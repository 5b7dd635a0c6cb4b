package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import io.loopdesk.core.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Entering and leaving surge with hysteresis; every switch audited. */
class SurgeControlTest {
  static final Instant NINE = Instant.parse("2026-11-02T01:00:00Z");

  final ManualClock clock = ManualClock.at(NINE);
  final SurgePolicy policy = SurgePolicy.builder().build();
  final SurgeControl control = SurgeControl.create(policy, clock);
  final List<SurgeSwitch> heard = new ArrayList<>();

  static DeskLoad load(int percent) {
    return new DeskLoad(Math.max(0, percent - 80), Math.min(percent, 80), 100);
  }

  @Test
  void entersAboveTheHandbooksHundredTwentyPercentNotAtIt() {
    control.addListener(heard::add);
    assertThat(control.observe(load(120))).isEqualTo(SurgeState.NORMAL);
    assertThat(control.switches()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(control.observe(load(121))).isEqualTo(SurgeState.SURGE);
    assertThat(heard)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at()).isEqualTo(NINE.plusSeconds(60));
              assertThat(s.from()).isEqualTo(SurgeState.NORMAL);
              assertThat(s.to()).isEqualTo(SurgeState.SURGE);
              assertThat(s.reason())
                  .isEqualTo("load 121% (41 queued + 80 in progress of 100) above 120%");
            });
    assertThat(control.switches()).isEqualTo(heard);
    assertThat(control.lastLoad()).isEqualTo(load(121));
  }

  @Test
  void leavesOnlyAfterTheLoadStayedBelowTheExitThresholdForTheDwellTime() {
    control.addListener(heard::add);
    control.observe(load(130));
    clock.advance(Duration.ofMinutes(5));
    assertThat(control.observe(load(110)))
        .as("between the thresholds: stays")
        .isEqualTo(SurgeState.SURGE);
    clock.advance(Duration.ofMinutes(5));
    assertThat(control.observe(load(95))).as("dwell starts").isEqualTo(SurgeState.SURGE);
    clock.advance(Duration.ofMinutes(10));
    assertThat(control.observe(load(100)))
        .as("at 100 % the dwell restarts")
        .isEqualTo(SurgeState.SURGE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(control.observe(load(90))).isEqualTo(SurgeState.SURGE);
    clock.advance(Duration.ofMinutes(14));
    assertThat(control.observe(load(90))).as("14 of 15 minutes").isEqualTo(SurgeState.SURGE);
    clock.advance(Duration.ofMinutes(1));
    assertThat(control.observe(load(80))).isEqualTo(SurgeState.NORMAL);
    assertThat(heard).hasSize(2);
    SurgeSwitch exit = heard.get(1);
    assertThat(exit.from()).isEqualTo(SurgeState.SURGE);
    assertThat(exit.at()).isEqualTo(NINE.plus(Duration.ofMinutes(36)));
    assertThat(exit.reason()).contains("below 100%").contains("PT15M");
  }

  @Test
  void aFailingListenerDoesNotUndoTheSwitchNorStopOthers() {
    control.addListener(
        s -> {
          throw new IllegalStateException("audit store down");
        });
    control.addListener(heard::add);
    assertThat(control.observe(load(150))).isEqualTo(SurgeState.SURGE);
    assertThat(control.state()).isEqualTo(SurgeState.SURGE);
    assertThat(heard).hasSize(1);
  }

  @Test
  void concurrentObserversSeeSwitchesAlternateAndListenersHearThemInOrder() throws Exception {
    control.addListener(heard::add);
    int threads = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                java.util.Random random = new java.util.Random(seed);
                for (int i = 0; i < 2000; i++) {
                  control.observe(new DeskLoad(0, random.nextInt(200), 100));
                  if (i % 50 == 0) {
                    clock.advance(Duration.ofMinutes(1));
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (java.util.concurrent.Future<?> f : done) {
      f.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<SurgeSwitch> recorded = control.switches();
    assertThat(recorded)
        .isNotEmpty()
        .isEqualTo(heard.subList(Math.max(0, heard.size() - recorded.size()), heard.size()));
    for (int i = 0; i < heard.size(); i++) {
      assertThat(heard.get(i).to()).isEqualTo(i % 2 == 0 ? SurgeState.SURGE : SurgeState.NORMAL);
      assertThat(heard.get(i).from()).isNotEqualTo(heard.get(i).to());
    }
    assertThat(control.state()).isEqualTo(heard.get(heard.size() - 1).to());
  }

  @Test
  void badPoliciesAndLoadsAreRejected() {
    assertThatThrownBy(() -> SurgePolicy.builder().enterAbove(1.0).exitBelow(1.1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exitBelow");
    assertThatThrownBy(() -> SurgePolicy.builder().enterAbove(0))
        .hasMessageContaining("enterAbove");
    assertThatThrownBy(() -> SurgePolicy.builder().exitDwell(Duration.ofMinutes(-1)))
        .hasMessageContaining("exitDwell");
    assertThatThrownBy(
            () ->
                SurgePolicy.builder().overflow("hotline", new RuleAction.AssignTo("cs", "hotline")))
        .hasMessageContaining("overflow hotline");
    assertThatThrownBy(() -> new DeskLoad(1, 1, 0)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new DeskLoad(-1, 1, 1)).hasMessageContaining("queued");
    assertThatThrownBy(() -> control.observe(null)).hasMessageContaining("load");
    assertThatThrownBy(() -> SurgeControl.create(policy, null)).hasMessageContaining("clock");
  }

  /**
   * Against a plain model of the rule: the state is SURGE exactly when some observation exceeded
   * 120 % and since the last such one the load has not stayed below 100 % for 15 minutes; switches
   * alternate and each one is recorded.
   */
  @Property(tries = 200)
  void stateFollowsTheHysteresisRule(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 200) Integer> loads,
      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 10) Integer> minutesApart) {
    ManualClock c = ManualClock.at(NINE);
    SurgeControl s = SurgeControl.create(policy, c);
    boolean surge = false;
    Instant belowSince = null;
    int switches = 0;
    for (int i = 0; i < loads.size(); i++) {
      c.advance(Duration.ofMinutes(minutesApart.get(i)));
      int percent = loads.get(i);
      if (!surge && percent > 120) {
        surge = true;
        switches++;
        belowSince = null;
      } else if (surge && percent >= 100) {
        belowSince = null;
      } else if (surge) {
        belowSince = belowSince == null ? c.instant() : belowSince;
        if (!Duration.between(belowSince, c.instant()).minus(Duration.ofMinutes(15)).isNegative()) {
          surge = false;
          switches++;
          belowSince = null;
        }
      }
      assertThat(s.observe(new DeskLoad(0, percent, 100)))
          .isEqualTo(surge ? SurgeState.SURGE : SurgeState.NORMAL);
    }
    List<SurgeSwitch> recorded = s.switches();
    assertThat(recorded).hasSize(switches);
    for (int i = 0; i < recorded.size(); i++) {
      assertThat(recorded.get(i).to()).isEqualTo(i % 2 == 0 ? SurgeState.SURGE : SurgeState.NORMAL);
    }
  }
}
