package io.loopdesk.sla.internal;

import java.time.Instant;

/**
 * A queued moment at which a clock crosses its next warning threshold or its target. Valid only
 * while the clock's generation still equals {@link #generation}.
 */
record Checkpoint(Instant at, MetricClock clock, int generation, int level)
    implements Comparable<Checkpoint> {

  @Override
  public int compareTo(Checkpoint other) {
    return at.compareTo(other.at);
  }
}
