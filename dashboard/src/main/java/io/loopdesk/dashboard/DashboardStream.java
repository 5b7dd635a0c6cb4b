package io.loopdesk.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.api.Checks;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps open dashboards up to date with server-sent events. Every poll interval ({@code
 * loopdesk.dashboard.poll-interval}, 200 ms by default) it reads the store's event feed through the
 * {@link LiveDashboard}; when anything arrived, or a heartbeat passed without events, it computes
 * one snapshot per distinct viewer and filter among the open connections and sends it to each of
 * them. A page therefore shows a ticket event within about one poll interval plus the computation,
 * whichever instance saved it. Runs on one daemon thread of its own ({@code loopdesk-dashboard})
 * while the application context runs. Thread-safe.
 */
public final class DashboardStream implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardStream.class);
  private static final long EMITTER_TIMEOUT_MILLIS = Duration.ofMinutes(30).toMillis();

  private final LiveDashboard dashboard;
  private final Clock clock;
  private final Duration pollInterval;
  private final Duration heartbeat;
  private final int maxConnections;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private ScheduledExecutorService executor;
  private volatile Instant lastPush = Instant.EPOCH;

  /**
   * Creates the stopped stream.
   *
   * @param dashboard the figures
   * @param clock the desk's clock
   * @param settings poll interval, heartbeat and connection limit
   */
  public DashboardStream(LiveDashboard dashboard, Clock clock, DashboardProperties settings) {
    Checks.notNull("dashboard", dashboard);
    Checks.notNull("clock", clock);
    Checks.notNull("settings", settings);
    this.dashboard = dashboard;
    this.clock = clock;
    this.pollInterval = settings.getPollInterval();
    this.heartbeat = settings.getHeartbeat();
    this.maxConnections = settings.getMaxConnections();
  }

  /**
   * Opens a live connection for a viewer and filter and sends it the current snapshot at once.
   *
   * @param viewer the viewer, from {@link DashboardAccess}
   * @param filter the filter
   * @return the emitter to return from the controller, or empty when the connection limit is
   *     reached
   */
  public java.util.Optional<SseEmitter> subscribe(Viewer viewer, DashboardFilter filter) {
    if (connections.incrementAndGet() > maxConnections) {
      connections.decrementAndGet();
      return java.util.Optional.empty();
    }
    String key =
        viewer.actor().id()
            + "|"
            + viewer.actor().role()
            + "|"
            + viewer.visibilityKey()
            + "|"
            + filter.toQueryString();
    SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT_MILLIS);
    Group group =
        groups.compute(
            key,
            (k, g) -> {
              Group target = g != null ? g : new Group(viewer, filter);
              target.emitters.add(emitter);
              return target;
            });
    Runnable remove =
        () -> {
          if (group.emitters.remove(emitter)) {
            connections.decrementAndGet();
          }
        };
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    try {
      emitter.send(SseEmitter.event().data(toJson(dashboard.snapshot(viewer, filter))));
    } catch (IOException | RuntimeException e) {
      remove.run();
      emitter.completeWithError(e);
    }
    return java.util.Optional.of(emitter);
  }

  /** Returns the number of open live connections. */
  public int connections() {
    return connections.get();
  }

  /**
   * Writes a snapshot as JSON.
   *
   * @param snapshot the snapshot
   * @return its JSON text
   */
  public String toJson(DashboardSnapshot snapshot) {
    try {
      return json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dashboard snapshot could not be written as JSON", e);
    }
  }

  /**
   * Reads the feed once and pushes new snapshots if anything changed or a heartbeat passed; the
   * scheduler calls it every poll interval, tests may call it directly.
   *
   * @return the number of connections a snapshot was sent to
   */
  public int pushOnce() {
    long started = System.nanoTime();
    int events = dashboard.refresh();
    long refreshed = System.nanoTime();
    Instant now = clock.instant();
    if (events == 0 && Duration.between(lastPush, now).compareTo(heartbeat) < 0) {
      return 0;
    }
    lastPush = now;
    int sent = 0;
    long computing = 0;
    for (Map.Entry<String, Group> entry : groups.entrySet()) {
      Group group = entry.getValue();
      if (group.emitters.isEmpty()) {
        groups.computeIfPresent(entry.getKey(), (k, g) -> g.emitters.isEmpty() ? null : g);
        continue;
      }
      long computeStart = System.nanoTime();
      String data = toJson(dashboard.snapshot(group.viewer, group.filter));
      computing += System.nanoTime() - computeStart;
      for (SseEmitter emitter : group.emitters) {
        try {
          emitter.send(SseEmitter.event().data(data));
          sent++;
        } catch (IOException | IllegalStateException e) {
          if (group.emitters.remove(emitter)) {
            connections.decrementAndGet();
          }
        }
      }
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} events read in {} ms; {} snapshots computed in {} ms, sent to {} pages in {} ms total",
          events,
          (refreshed - started) / 1_000_000,
          groups.size(),
          computing / 1_000_000,
          sent,
          (System.nanoTime() - refreshed) / 1_000_000);
    }
    return sent;
  }

  private void tick() {
    try {
      pushOnce();
    } catch (RuntimeException e) {
      LOG.warn("dashboard refresh failed; open pages keep the last figures", e);
    }
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "loopdesk-dashboard");
              thread.setDaemon(true);
              return thread;
            });
    long millis = Math.max(1, pollInterval.toMillis());
    executor.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    for (Group group : groups.values()) {
      for (SseEmitter emitter : group.emitters) {
        emitter.complete();
      }
    }
    groups.clear();
    connections.set(0);
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /** The connections that see the same figures. */
  private static final class Group {
    final Viewer viewer;
    final DashboardFilter filter;
    final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

    Group(Viewer viewer, DashboardFilter filter) {
      this.viewer = viewer;
      this.filter = filter;
    }
  }
}
