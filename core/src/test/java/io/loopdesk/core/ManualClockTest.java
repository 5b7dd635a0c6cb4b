package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The manual clock hosts use to drive scenarios. */
class ManualClockTest {
  @Test
  void movesOnlyWhenToldAndZonedCopiesShareTheTime() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
    assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(Instant.parse("2026-01-01T02:00:00Z"));
    assertThat(shanghai.instant()).isEqualTo(clock.instant());
    assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    clock.set(Instant.parse("2025-12-31T00:00:00Z"));
    assertThat(shanghai.instant()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ManualClock.at(null)).isInstanceOf(ValidationException.class);
  }
}
