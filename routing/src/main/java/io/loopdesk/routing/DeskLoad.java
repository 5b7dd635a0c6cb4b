package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;

/**
 * The load on a desk or a group of queues at one moment: tickets waiting for an agent, tickets
 * being worked on, and how many tickets the agents on duty can hold at once. The load share is
 * {@code (queued + inProgress) / capacity}; the call-centre handbook declares an emergency above
 * 120 %.
 *
 * @param queued tickets waiting for an agent, at least 0
 * @param inProgress tickets held by agents, at least 0
 * @param capacity tickets the agents on duty can hold together, at least 1
 */
public record DeskLoad(int queued, int inProgress, int capacity) {
  /** Validates the figures. */
  public DeskLoad {
    if (queued < 0) {
      throw new ValidationException("queued", queued, "must be at least 0");
    }
    if (inProgress < 0) {
      throw new ValidationException("inProgress", inProgress, "must be at least 0");
    }
    if (capacity < 1) {
      throw new ValidationException("capacity", capacity, "must be at least 1");
    }
  }

  /** Returns the load share: queued plus in-progress work over capacity, e.g. 1.25 for 125 %. */
  public double share() {
    return ((double) queued + inProgress) / capacity;
  }

  @Override
  public String toString() {
    return Math.round(share() * 100)
        + "% ("
        + queued
        + " queued + "
        + inProgress
        + " in progress of "
        + capacity
        + ")";
  }
}
