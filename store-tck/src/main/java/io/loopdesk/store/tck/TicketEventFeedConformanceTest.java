package io.loopdesk.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.FeedSubscription;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit for a store's global event feed ({@link TicketEventFeed}): the executable
 * form of its contract. Extend it next to {@link TicketStoreConformanceTest} for a store that
 * offers a feed:
 *
 * <pre>{@code
 * class MyStoreFeedConformanceTest extends TicketEventFeedConformanceTest {
 *   @Override
 *   protected TicketStore newStore() {
 *     return new MyStore(freshEmptyDatabase());
 *   }
 *
 *   @Override
 *   protected TicketStore reopen(TicketStore store) {
 *     return new MyStore(sameDatabaseAs(store));   // as after a restart
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that every saved event is in the feed exactly once and rejected saves never are,
 * that positions strictly increase and a single writer's events come in save order, that paging
 * with any limit walks the same sequence, that a reader tailing the feed while several writers
 * (some of them losing version races) save concurrently loses and duplicates nothing, that
 * subscription positions are durable, per name and only move forwards, that a {@link
 * FeedSubscription} resumes after a failure and a restart without losing an event, and that bad
 * arguments are rejected with {@link ValidationException}.
 *
 * <p>Each test gets a new, empty store from {@link #newStore()} and hands it (and any store {@link
 * #reopen reopened} from it) to {@link #release(TicketStore)} afterwards.
 */
public abstract class TicketEventFeedConformanceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123456789Z");

  /** The store under test, new for every test. */
  protected TicketStore store;

  /** Its feed. */
  protected TicketEventFeed feed;

  private final List<TicketStore> opened = new ArrayList<>();

  /**
   * Returns a new, empty store that offers a feed ({@link TicketStore#eventFeed()}): no ticket, no
   * event and no subscription position is visible through it.
   *
   * @return the store under test
   */
  protected abstract TicketStore newStore();

  /**
   * Returns a new store object over the same data as {@code used}, as a process would build after a
   * restart. The default returns {@code used} itself, which suits stores without durable data.
   *
   * @param used a store returned by {@link #newStore()} or by this method
   * @return a store over the same data
   */
  protected TicketStore reopen(TicketStore used) {
    return used;
  }

  /**
   * Releases a store returned by {@link #newStore()}; stores returned by {@link #reopen} are
   * released before it. Does nothing by default.
   *
   * @param used the store
   */
  protected void release(TicketStore used) {}

  /** How many writer threads the concurrency test uses; override to use more. */
  protected int writerThreads() {
    return 4;
  }

  /**
   * How long the tailing reader waits for events after the writers finished: a store may deliver an
   * event a little after its save returned (see the gap-safety rule of {@link TicketEventFeed}).
   */
  protected Duration settleTime() {
    return Duration.ofSeconds(30);
  }

  @BeforeEach
  void openStore() {
    store = newStore();
    assertThat(store).as("newStore()").isNotNull();
    opened.add(store);
    feed = store.eventFeed().orElse(null);
    assertThat(feed).as("newStore().eventFeed()").isNotNull();
  }

  @AfterEach
  void releaseStores() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      TicketStore used = opened.get(i);
      if (opened.indexOf(used) == i) {
        release(used);
      }
    }
    opened.clear();
    store = null;
    feed = null;
  }

  // ---------------------------------------------------------------- reading

  @Test
  void anEmptyFeedReadsNothing() {
    assertThat(feed.readAfter(FeedPosition.START, 10)).isEmpty();
    assertThat(
            feed.readAfter(
                new FeedPosition(Long.MAX_VALUE, Long.MAX_VALUE), TicketEventFeed.MAX_LIMIT))
        .isEmpty();
  }

  @Test
  void everySavedEventIsInTheFeedOnceInSaveOrderForOneWriter() {
    List<TicketEvent> saved =
        saveInterleaved(List.of(notes("F-a", 5), notes("F-b", 3), notes("F-c", 8)));

    List<FeedEvent> read = readAll(FeedPosition.START, TicketEventFeed.MAX_LIMIT);

    assertThat(read).extracting(FeedEvent::event).isEqualTo(saved);
    assertStrictlyIncreasing(read);
    assertThat(feed.readAfter(read.get(read.size() - 1).position(), 10))
        .as("after the last event")
        .isEmpty();
  }

  @Test
  void readingAfterAPositionReturnsExactlyTheEventsBehindIt() {
    List<TicketEvent> saved = saveInterleaved(List.of(notes("F-d", 6), notes("F-e", 6)));
    List<FeedEvent> all = readAll(FeedPosition.START, TicketEventFeed.MAX_LIMIT);
    for (int i = 0; i < all.size(); i++) {
      List<FeedEvent> rest = feed.readAfter(all.get(i).position(), TicketEventFeed.MAX_LIMIT);
      assertThat(rest).as("events after #%d", i).isEqualTo(all.subList(i + 1, all.size()));
    }
    assertThat(all).hasSize(saved.size());
  }

  @Test
  void pagingWithAnyLimitWalksTheSameSequence() {
    saveInterleaved(List.of(notes("F-p", 9), notes("F-q", 4), notes("F-r", 7)));
    List<FeedEvent> all = feed.readAfter(FeedPosition.START, TicketEventFeed.MAX_LIMIT);
    for (int limit : new int[] {1, 2, 3, 7, 19, 20, 21}) {
      List<FeedEvent> paged = new ArrayList<>();
      FeedPosition after = FeedPosition.START;
      List<FeedEvent> page;
      do {
        page = feed.readAfter(after, limit);
        assertThat(page.size()).as("page size with limit %d", limit).isLessThanOrEqualTo(limit);
        paged.addAll(page);
        if (!page.isEmpty()) {
          after = page.get(page.size() - 1).position();
        }
      } while (!page.isEmpty());
      assertThat(paged).as("pages of %d", limit).isEqualTo(all);
    }
  }

  @Test
  void rejectedSavesNeverReachTheFeed() {
    TicketHistory h = notes("F-reject", 3);
    h.saveAllTo(store);
    TicketHistory rival = notes("F-reject", 2);
    rival.custom(TicketAction.of("NOTE"), "stale", TicketStatus.RECEIVED);
    assertThatThrownBy(() -> store.save(rival.lastEvent(), rival.ticket()))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.save(h.events().get(0), h.snapshots().get(0)))
        .isInstanceOf(VersionConflictException.class);

    assertThat(readAll(FeedPosition.START, 100)).extracting(FeedEvent::event).isEqualTo(h.events());
  }

  @Test
  void everyEventHasAStableIdThatDiffersFromEveryOtherEvent() {
    List<TicketEvent> saved = saveInterleaved(List.of(notes("F-id-1", 4), notes("F-id-2", 4)));
    List<FeedEvent> read = readAll(FeedPosition.START, 100);
    Set<UUID> ids = new HashSet<>();
    for (FeedEvent e : read) {
      assertThat(e.eventId()).isEqualTo(FeedEvent.idOf(e.event()));
      ids.add(e.eventId());
    }
    assertThat(ids).hasSize(saved.size());
    assertThat(reopenedFeed().readAfter(FeedPosition.START, 100))
        .extracting(FeedEvent::eventId)
        .containsExactlyElementsOf(read.stream().map(FeedEvent::eventId).toList());
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> feed.readAfter(null, 1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("after"));
    assertThatThrownBy(() -> feed.readAfter(FeedPosition.START, 0))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    assertThatThrownBy(() -> feed.readAfter(FeedPosition.START, TicketEventFeed.MAX_LIMIT + 1))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    for (String name :
        List.of(
            "",
            "  ",
            "x".repeat(TicketEventFeed.MAX_SUBSCRIPTION_NAME_LENGTH + 1),
            "a\u0000b",
            "line\nbreak")) {
      assertThatThrownBy(() -> feed.subscriptionPosition(name))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("subscription"));
      assertThatThrownBy(() -> feed.saveSubscriptionPosition(name, FeedPosition.START))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("subscription"));
    }
    assertThatThrownBy(() -> feed.subscriptionPosition(null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> feed.saveSubscriptionPosition("ok", null))
        .isInstanceOf(ValidationException.class);
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentWritersWithATailingReaderLoseAndDuplicateNothing() throws Exception {
    int threads = writerThreads();
    int ticketsPerThread = 12;
    TicketHistory hot = notes("F-hot", 1);
    hot.saveAllTo(store);
    ConcurrentLinkedQueue<TicketEvent> saved = new ConcurrentLinkedQueue<>(hot.events());
    AtomicInteger writersLeft = new AtomicInteger(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      tasks.add(
          () -> {
            go.await();
            try {
              Random random = new Random(thread);
              for (int i = 0; i < ticketsPerThread; i++) {
                TicketHistory h =
                    Samples.randomHistory(
                        random, TicketId.of("F-w-" + thread + "-" + i), T0.plusMillis(i), 8, 3);
                for (int v = 0; v < h.events().size(); v++) {
                  store.save(h.events().get(v), h.snapshots().get(v));
                  saved.add(h.events().get(v));
                  if (random.nextInt(3) == 0) {
                    saveHotNote(thread, saved);
                  }
                }
              }
              return thread;
            } finally {
              writersLeft.decrementAndGet();
            }
          });
    }
    List<FeedEvent> tailed = new ArrayList<>();
    tasks.add(
        () -> {
          go.await();
          FeedPosition after = FeedPosition.START;
          long settleBy = Long.MAX_VALUE;
          while (System.nanoTime() < settleBy) {
            boolean writing = writersLeft.get() > 0;
            List<FeedEvent> page = feed.readAfter(after, 7);
            tailed.addAll(page);
            if (!page.isEmpty()) {
              after = page.get(page.size() - 1).position();
            }
            if (!writing && settleBy == Long.MAX_VALUE) {
              settleBy = System.nanoTime() + settleTime().toNanos();
            }
            if (!writing && page.isEmpty() && tailed.size() >= saved.size()) {
              break;
            }
            if (page.isEmpty()) {
              Thread.sleep(1);
            }
          }
          return tailed.size();
        });
    runTogether(tasks, go);

    assertStrictlyIncreasing(tailed);
    Map<UUID, Integer> seen = new HashMap<>();
    for (FeedEvent e : tailed) {
      seen.merge(e.eventId(), 1, Integer::sum);
    }
    assertThat(seen.values()).as("deliveries per event").allMatch(n -> n == 1);
    assertThat(tailed).extracting(FeedEvent::event).containsExactlyInAnyOrderElementsOf(saved);
    Map<TicketId, Long> lastVersion = new HashMap<>();
    for (FeedEvent e : tailed) {
      long previous = lastVersion.getOrDefault(e.event().ticketId(), 0L);
      assertThat(e.event().version())
          .as("version order of %s", e.event().ticketId())
          .isEqualTo(previous + 1);
      lastVersion.put(e.event().ticketId(), e.event().version());
    }
    assertThat(readAll(FeedPosition.START, 13)).as("a second, untimed read").isEqualTo(tailed);
  }

  /** Appends a note to the shared hot ticket, retrying lost races, so that some saves roll back. */
  private void saveHotNote(int thread, ConcurrentLinkedQueue<TicketEvent> saved) {
    Actor actor = Actor.of("agent-" + thread, Role.AGENT);
    while (true) {
      Ticket current = store.find(TicketId.of("F-hot")).orElseThrow();
      TicketEvent event =
          new TicketEvent(
              current.id(),
              current.version() + 1,
              current.updatedAt().plusNanos(1),
              actor,
              current.status(),
              TicketStatus.RECEIVED,
              new TicketChange.CustomTransition(TicketAction.of("NOTE"), "from " + thread));
      try {
        store.save(event, event.applyTo(current));
        saved.add(event);
        return;
      } catch (VersionConflictException lost) {
        // another writer saved first: read again and retry
      }
    }
  }

  // ---------------------------------------------------------------- subscriptions

  @Test
  void subscriptionPositionsAreDurablePerNameAndOnlyMoveForward() {
    saveInterleaved(List.of(notes("F-s", 6)));
    List<FeedEvent> all = readAll(FeedPosition.START, 100);
    FeedPosition third = all.get(2).position();
    FeedPosition fifth = all.get(4).position();

    assertThat(feed.subscriptionPosition("kpi")).isEmpty();
    feed.saveSubscriptionPosition("kpi", fifth);
    feed.saveSubscriptionPosition("kpi", third);
    feed.saveSubscriptionPosition("订单同步 → CRM", third);

    TicketEventFeed restarted = reopenedFeed();
    assertThat(restarted.subscriptionPosition("kpi"))
        .as("an older position is ignored")
        .contains(fifth);
    assertThat(restarted.subscriptionPosition("订单同步 → CRM")).contains(third);
    assertThat(restarted.subscriptionPosition("other")).isEmpty();
    restarted.saveSubscriptionPosition("kpi", all.get(5).position());
    assertThat(feed.subscriptionPosition("kpi")).contains(all.get(5).position());
  }

  @Test
  void aSubscriptionResumesAfterAFailureAndARestartWithoutLosingAnEvent() {
    List<TicketEvent> saved = saveInterleaved(List.of(notes("F-sub-1", 7), notes("F-sub-2", 6)));
    List<TicketEvent> handled = new ArrayList<>();
    TicketEvent poison = saved.get(5);
    FeedSubscription first =
        FeedSubscription.builder(
                feed,
                "sla-export",
                e -> {
                  if (e.event().equals(poison)) {
                    throw new IllegalStateException("handler failed");
                  }
                  handled.add(e.event());
                })
            .batchSize(4)
            .build();

    assertThatThrownBy(first::catchUp).hasMessage("handler failed");
    assertThat(handled).isEqualTo(saved.subList(0, 5));
    assertThat(first.position()).isEqualTo(readAll(FeedPosition.START, 100).get(4).position());

    FeedSubscription second =
        FeedSubscription.builder(reopenedFeed(), "sla-export", e -> handled.add(e.event()))
            .batchSize(3)
            .build();
    assertThat(second.catchUp()).isEqualTo(saved.size() - 5);
    assertThat(handled).as("every event once, in feed order").isEqualTo(saved);

    List<TicketEvent> later = saveInterleaved(List.of(notes("F-sub-3", 2)));
    FeedSubscription third =
        FeedSubscription.builder(reopenedFeed(), "sla-export", e -> handled.add(e.event())).build();
    assertThat(third.poll()).isEqualTo(later.size());
    assertThat(handled.subList(saved.size(), handled.size())).isEqualTo(later);
    assertThat(third.poll()).isZero();
  }

  @Test
  void aNewSubscriptionCanStartAtTheEndOfTheFeed() {
    saveInterleaved(List.of(notes("F-new-1", 3)));
    FeedPosition end = readAll(FeedPosition.START, 100).get(2).position();
    List<TicketEvent> handled = new ArrayList<>();
    FeedSubscription fresh =
        FeedSubscription.builder(feed, "fresh", e -> handled.add(e.event()))
            .startAfter(end)
            .build();
    assertThat(fresh.catchUp()).isZero();
    List<TicketEvent> later = saveInterleaved(List.of(notes("F-new-2", 2)));
    assertThat(fresh.catchUp()).isEqualTo(2);
    assertThat(handled).isEqualTo(later);
  }

  // ---------------------------------------------------------------- helpers

  /** A ticket opened and then given {@code count - 1} notes, one nanosecond apart. */
  private static TicketHistory notes(String id, int count) {
    TicketHistory h =
        TicketHistory.open(
            TicketId.of(id),
            T0,
            Duration.ofNanos(1),
            Samples.AGENT,
            Samples.opened(new Random(id.hashCode()), 3));
    for (int v = 2; v <= count; v++) {
      if (v == 2) {
        h.classify(Category.PRODUCT_FAULT, Samples.priority(new Random(v)), null);
      } else {
        h.custom(TicketAction.of("NOTE"), "note " + v, TicketStatus.CLASSIFIED);
      }
    }
    return h;
  }

  /** Saves the histories' events round robin from one thread; returns them in save order. */
  private List<TicketEvent> saveInterleaved(List<TicketHistory> histories) {
    List<TicketEvent> order = new ArrayList<>();
    int[] next = new int[histories.size()];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < histories.size(); i++) {
        TicketHistory h = histories.get(i);
        if (next[i] < h.events().size()) {
          store.save(h.events().get(next[i]), h.snapshots().get(next[i]));
          order.add(h.events().get(next[i]));
          next[i]++;
          progress = true;
        }
      }
    }
    return order;
  }

  /** Reads the whole feed after a position in pages of {@code limit}. */
  private List<FeedEvent> readAll(FeedPosition after, int limit) {
    List<FeedEvent> all = new ArrayList<>();
    List<FeedEvent> page;
    do {
      page = feed.readAfter(after, limit);
      all.addAll(page);
      if (!page.isEmpty()) {
        after = page.get(page.size() - 1).position();
      }
    } while (!page.isEmpty());
    return all;
  }

  private TicketEventFeed reopenedFeed() {
    TicketStore again = reopen(store);
    opened.add(again);
    TicketEventFeed reopenedFeed = again.eventFeed().orElse(null);
    assertThat(reopenedFeed).as("reopen(store).eventFeed()").isNotNull();
    return reopenedFeed;
  }

  private static void assertStrictlyIncreasing(List<FeedEvent> events) {
    Set<FeedPosition> distinct = new LinkedHashSet<>();
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).position().isAfter(events.get(i - 1).position()))
          .as("position %s after %s", events.get(i).position(), events.get(i - 1).position())
          .isTrue();
    }
    events.forEach(e -> distinct.add(e.position()));
    assertThat(distinct).hasSize(events.size());
  }

  private static <T> List<T> runTogether(List<Callable<T>> tasks, CountDownLatch go)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
