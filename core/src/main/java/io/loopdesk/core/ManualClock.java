package io.loopdesk.core;

import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, for tests and simulations that drive a desk through
 * scenarios: {@code ManualClock clock = ManualClock.at(start); ...
 * clock.advance(Duration.ofHours(2));}. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a UTC clock standing at an instant.
   *
   * @param start the instant
   * @return the clock
   */
  public static ManualClock at(Instant start) {
    return at(start, ZoneOffset.UTC);
  }

  /**
   * Returns a clock standing at an instant, in a zone.
   *
   * @param start the instant
   * @param zone the zone reported by {@link #getZone()}
   * @return the clock
   */
  public static ManualClock at(Instant start, ZoneId zone) {
    if (start == null || zone == null) {
      throw new ValidationException(start == null ? "start" : "zone", null, "must not be null");
    }
    return new ManualClock(new AtomicReference<>(start), zone);
  }

  /**
   * Moves the clock forward.
   *
   * @param by a duration, not negative
   * @return the new instant
   */
  public Instant advance(Duration by) {
    if (by == null || by.isNegative()) {
      throw new ValidationException("by", by, "must be a duration that is not negative");
    }
    return now.updateAndGet(t -> t.plus(by));
  }

  /**
   * Sets the clock to an instant, which may be earlier than the current one.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    if (instant == null) {
      throw new ValidationException("instant", null, "must not be null");
    }
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a clock in another zone that shares this clock's time: advancing one moves both. */
  @Override
  public Clock withZone(ZoneId newZone) {
    return new ManualClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
