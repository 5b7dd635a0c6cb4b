package io.loopdesk.dashboard.internal;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The events of the tickets opened within a window, read from a store's global event feed, as the
 * SLA tracker's cluster mode reads it: from the beginning on start, then every event after the last
 * position, whichever instance saved it. Every instance that shares the store therefore holds the
 * same events. Thread-safe: {@link #catchUp} takes the write lock, readers the read lock.
 */
public final class EventCache {
  private static final int BATCH = 1000;

  private final TicketEventFeed feed;
  private final Duration window;
  private final int maxTickets;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<TicketId, TicketTrail> trails = new LinkedHashMap<>();
  private FeedPosition position = FeedPosition.START;
  private long applied;

  /**
   * Creates an empty cache.
   *
   * @param feed the store's event feed
   * @param window tickets opened longer ago than this are dropped
   * @param maxTickets the most tickets kept; the oldest are dropped first
   */
  public EventCache(TicketEventFeed feed, Duration window, int maxTickets) {
    this.feed = feed;
    this.window = window;
    this.maxTickets = maxTickets;
  }

  /**
   * Applies every event the feed has after the last one applied and drops tickets that left the
   * window.
   *
   * @param now the current instant
   * @return the number of events read
   */
  public int catchUp(Instant now) {
    int read = 0;
    for (List<FeedEvent> batch = feed.readAfter(position, BATCH);
        !batch.isEmpty();
        batch = feed.readAfter(position, BATCH)) {
      lock.writeLock().lock();
      try {
        for (FeedEvent e : batch) {
          apply(e.event());
        }
        position = batch.get(batch.size() - 1).position();
        applied += batch.size();
      } finally {
        lock.writeLock().unlock();
      }
      read += batch.size();
      if (batch.size() < BATCH) {
        break;
      }
    }
    evict(now);
    return read;
  }

  private void apply(TicketEvent e) {
    TicketTrail trail = trails.get(e.ticketId());
    if (trail != null) {
      if (e.version() > trail.version()) {
        trail.apply(e);
      }
    } else if (e.version() == 1 && e.change() instanceof TicketChange.Opened opened) {
      trails.put(e.ticketId(), new TicketTrail(e, opened));
    }
  }

  private void evict(Instant now) {
    Instant cutoff = now.minus(window);
    lock.writeLock().lock();
    try {
      Iterator<TicketTrail> it = trails.values().iterator();
      int excess = trails.size() - maxTickets;
      while (it.hasNext()) {
        TicketTrail t = it.next();
        if (excess > 0 || t.createdAt().isBefore(cutoff)) {
          it.remove();
          excess--;
        } else {
          break;
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Runs a reader under the read lock: it must not keep the trails after it returns.
   *
   * @param reader reads the trails, in feed order of their opening
   * @param <T> what it returns
   * @return its result
   */
  public <T> T read(java.util.function.Function<Collection<TicketTrail>, T> reader) {
    lock.readLock().lock();
    try {
      return reader.apply(trails.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs a writer under the write lock, e.g. to store SLA clocks on the trails.
   *
   * @param writer changes the trails
   */
  public void write(java.util.function.Consumer<Collection<TicketTrail>> writer) {
    lock.writeLock().lock();
    try {
      writer.accept(trails.values());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Returns how many feed events were applied so far: it grows with every event any instance saved.
   */
  public long applied() {
    lock.readLock().lock();
    try {
      return applied;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Returns how many tickets are kept. */
  public int size() {
    return read(Collection::size);
  }
}
