package io.loopdesk.testkit;

import io.loopdesk.core.ManualClock;

/**
 * Builds a fresh desk under test for one generated command sequence. Called once per try, so that
 * sequences do not share tickets; build a new store each time (or clear a shared database).
 */
@FunctionalInterface
public interface DeskFactory {
  /**
   * Builds the desk.
   *
   * @param clock the clock the model advances; the desk (and its SLA tracker) must take time from
   *     it, e.g. {@code ServiceDesks.builder().clock(clock)}
   * @return the desk with what the kit needs to know about it
   */
  DeskUnderTest create(ManualClock clock);
}
