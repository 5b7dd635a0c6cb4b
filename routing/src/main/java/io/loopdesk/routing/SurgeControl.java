package io.loopdesk.routing;

import io.loopdesk.api.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the desk enters and leaves surge from the load the host reports ({@link
 * #observe(DeskLoad)}), by a {@link SurgePolicy} with hysteresis: enter when the load share exceeds
 * the entry threshold; leave when it has stayed below the exit threshold for the dwell time (any
 * observation at or above the exit threshold restarts the dwell). Time comes from the injected
 * clock.
 *
 * <p>Every switch is audited: it is kept in {@link #switches()} (the latest {@value
 * #KEPT_SWITCHES}), logged, and given to every {@link SurgeListener}, where hosts write it to their
 * audit store.
 *
 * <p><b>Single JVM.</b> The surge state lives in this object only: it is not shared between
 * instances of the host and starts {@link SurgeState#NORMAL} after a restart. With several
 * instances, let one instance observe the load and publish the switches to the others (for example
 * through the listener), or give each instance the desk-wide load so that all reach the same state.
 * Thread-safe: observations are serialised, and listeners are called in switch order while the
 * control's lock is held, so they must be quick.
 */
public final class SurgeControl {
  /** How many switches {@link #switches()} keeps. */
  public static final int KEPT_SWITCHES = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(SurgeControl.class);

  private final SurgePolicy policy;
  private final Clock clock;
  private final List<SurgeListener> listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<SurgeSwitch> switches = new ArrayDeque<>();
  private volatile SurgeState state = SurgeState.NORMAL;
  private DeskLoad lastLoad;
  private Instant belowSince;

  private SurgeControl(SurgePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Returns a control in the normal state.
   *
   * @param policy the thresholds and the plan
   * @param clock the clock switches are timed by
   * @return the control
   */
  public static SurgeControl create(SurgePolicy policy, Clock clock) {
    if (policy == null || clock == null) {
      throw new ValidationException(policy == null ? "policy" : "clock", null, "must not be null");
    }
    return new SurgeControl(policy, clock);
  }

  /**
   * Registers a listener for switches.
   *
   * @param listener the listener
   */
  public void addListener(SurgeListener listener) {
    if (listener == null) {
      throw new ValidationException("listener", null, "must not be null");
    }
    listeners.add(listener);
  }

  /** Returns the policy. */
  public SurgePolicy policy() {
    return policy;
  }

  /** Returns the current state. */
  public SurgeState state() {
    return state;
  }

  /** Returns the load last observed, or null before the first observation. */
  public synchronized DeskLoad lastLoad() {
    return lastLoad;
  }

  /** Returns the recorded switches, oldest first. */
  public synchronized List<SurgeSwitch> switches() {
    return List.copyOf(switches);
  }

  /**
   * Records the current load and switches state if the policy says so.
   *
   * @param load the load now
   * @return the state after the observation
   */
  public SurgeState observe(DeskLoad load) {
    if (load == null) {
      throw new ValidationException("load", null, "must not be null");
    }
    synchronized (this) {
      Instant now = clock.instant();
      lastLoad = load;
      SurgeSwitch change = next(load, now);
      if (change != null) {
        state = change.to();
        switches.addLast(change);
        if (switches.size() > KEPT_SWITCHES) {
          switches.removeFirst();
        }
        LOG.warn(
            "surge {} -> {} at {}: {}", change.from(), change.to(), change.at(), change.reason());
        for (SurgeListener l : listeners) {
          try {
            l.onSwitch(change);
          } catch (RuntimeException e) {
            LOG.error("surge listener failed on {} -> {}", change.from(), change.to(), e);
          }
        }
      }
      return state;
    }
  }

  private SurgeSwitch next(DeskLoad load, Instant now) {
    double share = load.share();
    if (state == SurgeState.NORMAL) {
      if (share > policy.enterAbove()) {
        belowSince = null;
        return new SurgeSwitch(
            now,
            SurgeState.NORMAL,
            SurgeState.SURGE,
            load,
            "load " + load + " above " + percent(policy.enterAbove()));
      }
      return null;
    }
    if (share >= policy.exitBelow()) {
      belowSince = null;
      return null;
    }
    if (belowSince == null) {
      belowSince = now;
    }
    Duration below = Duration.between(belowSince, now);
    if (below.compareTo(policy.exitDwell()) >= 0) {
      Instant since = belowSince;
      belowSince = null;
      return new SurgeSwitch(
          now,
          SurgeState.SURGE,
          SurgeState.NORMAL,
          load,
          "load "
              + load
              + " below "
              + percent(policy.exitBelow())
              + " since "
              + since
              + " ("
              + below
              + ")");
    }
    return null;
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  @Override
  public String toString() {
    return "SurgeControl[" + state + ", " + policy + "]";
  }
}
