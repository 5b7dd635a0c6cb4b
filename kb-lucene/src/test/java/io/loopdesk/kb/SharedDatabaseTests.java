package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleVersionConflictException;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import io.loopdesk.kb.internal.ArticleStore;
import io.loopdesk.kb.internal.JdbcArticleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two knowledge bases (two CRM instances) on one database: the database is the single source of
 * truth, each instance's index follows it. Run against H2 ({@link H2SharedDatabaseTest}) and
 * PostgreSQL ({@link PostgresSharedDatabaseTest}).
 */
abstract class SharedDatabaseTests {
  /** The brief's bound on save-on-A to searchable-on-B. */
  static final Duration PROPAGATION_BOUND = Duration.ofSeconds(1);

  static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  private final List<LuceneKnowledgeBase> open = new ArrayList<>();

  @TempDir Path dir;

  /** Returns the test's database, with the schema and without articles. */
  abstract DataSource database();

  /** Closes the instances the test opened; subclasses call it before dropping the database. */
  @AfterEach
  void closeAll() {
    open.forEach(LuceneKnowledgeBase::close);
    open.clear();
  }

  LuceneKnowledgeBase instance(String name) {
    LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder()
            .database(database())
            .directory(dir.resolve(name))
            .clock(clock)
            .pollInterval(Duration.ofMillis(100))
            .open();
    open.add(kb);
    return kb;
  }

  static Article.Builder published(String id, String title, String body) {
    return Article.builder(id).title(title).body(body).published();
  }

  static List<String> ids(LuceneKnowledgeBase kb, String query) {
    return kb.search(SearchRequest.builder(query).facets(false).build()).hits().stream()
        .map(Hit::articleId)
        .toList();
  }

  /**
   * Polls until the query finds the article (and the version) on the instance; returns the delay.
   */
  static Duration awaitSearchable(LuceneKnowledgeBase kb, String query, String id, long version)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (Hit hit :
          kb.search(SearchRequest.builder(query).facets(false).highlight(false).build()).hits()) {
        if (hit.articleId().equals(id) && hit.version() == version) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(id + " v" + version + " never became searchable for '" + query + "'");
  }

  @Test
  void aSaveOnOneInstanceIsSearchableOnTheOtherWithinASecond() throws InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");

    Article saved = a.save(published("battery", "电池鼓包怎么办", "立即停止充电").build());
    assertThat(ids(a, "电池鼓包")).containsExactly("battery");
    assertThat(b.get("battery")).contains(saved);
    assertThat(awaitSearchable(b, "电池鼓包", "battery", 1)).isLessThan(PROPAGATION_BOUND);

    b.save(saved.toBuilder().title("Battery swelling: stop charging").build());
    assertThat(awaitSearchable(a, "battery swelling", "battery", 2)).isLessThan(PROPAGATION_BOUND);
    assertThat(ids(a, "电池鼓包")).isEmpty();
    assertThat(a.history("battery")).extracting(Article::version).containsExactly(1L, 2L);
    assertThat(a.size()).isEqualTo(1);
  }

  @Test
  void usageRecordedOnOneInstanceCountsOnTheOther() throws InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    a.save(published("refund", "Refund timeline", "Refunds take five days.").build());
    assertThat(a.recordUsage("refund", "T-1")).isTrue();
    assertThat(b.recordUsage("refund", "T-1"))
        .as("the pair is already recorded, by the other instance")
        .isFalse();
    assertThat(b.recordUsage("refund", "T-2")).isTrue();
    assertThat(a.usageCount("refund")).isEqualTo(2);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    long seen = 0;
    while (seen != 2 && System.nanoTime() < deadline) {
      seen = a.search(SearchRequest.of("refund")).hits().get(0).usageCount();
      Thread.sleep(5);
    }
    assertThat(seen).isEqualTo(2);
  }

  @Test
  void staleCopiesAndDuplicateIdsGetTheVersionConflictOnEitherInstance()
      throws InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    Article first = a.save(published("p", "三包政策", "七日内可以退货").build());
    b.save(first.toBuilder().body("十五日内可以换货").build());

    ArticleVersionConflictException stale =
        assertThrows(
            ArticleVersionConflictException.class,
            () -> a.save(first.toBuilder().title("旧").build()));
    assertThat(stale.expectedVersion()).isEqualTo(1);
    assertThat(stale.actualVersion()).isEqualTo(2);
    ArticleVersionConflictException duplicate =
        assertThrows(
            ArticleVersionConflictException.class,
            () -> b.save(published("p", "重新创建", "").build()));
    assertThat(duplicate.actualVersion()).isEqualTo(2);
    assertThrows(
        ArticleVersionConflictException.class,
        () -> a.saveAll(List.of(published("q", "新文章", "").build(), first.toBuilder().build())));
    assertThat(b.get("q")).as("saveAll is all or nothing across instances too").isEmpty();
    assertThat(awaitSearchable(a, "换货", "p", 2)).isLessThan(PROPAGATION_BOUND);
  }

  @Test
  void aDeletedIndexIsRebuiltFromTheDatabaseOnStart() throws IOException, InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    List<Article> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      batch.add(published("a" + i, "配送说明 " + i, "配送 delivery " + i).build());
    }
    a.saveAll(batch);
    a.recordUsage("a7", "T-1");
    awaitSearchable(b, "配送说明 7", "a7", 1);
    b.close();
    open.remove(b);

    a.save(published("late", "延保服务", "延长保修").build());
    deleteTree(dir.resolve("b").resolve("index"));
    LuceneKnowledgeBase reopened = instance("b");
    assertThat(reopened.search(SearchRequest.builder("配送").facets(false).build()).totalHits())
        .isEqualTo(50);
    assertThat(ids(reopened, "延保服务")).first().isEqualTo("late");
    assertThat(reopened.search(SearchRequest.of("配送说明 7")).hits().get(0).usageCount()).isEqualTo(1);
  }

  @Test
  void anInstanceThatWasDownCatchesUpOnStart() throws InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    a.save(published("first", "安装收费", "标准安装免费").build());
    awaitSearchable(b, "安装收费", "first", 1);
    b.close();
    open.remove(b);

    Article second = a.save(published("second", "上门维修", "工程师上门").build());
    a.save(second.toBuilder().body("工程师两天内上门").build());
    LuceneKnowledgeBase reopened = instance("b");
    assertThat(ids(reopened, "上门维修")).containsExactly("second");
    assertThat(reopened.search(SearchRequest.of("上门维修")).hits().get(0).version()).isEqualTo(2);
    assertThat(ids(reopened, "安装收费")).containsExactly("first");
  }

  @Test
  void anInstanceBehindAPrunedFeedRebuildsInsteadOfMissingChanges() throws Exception {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    a.save(published("first", "安装收费", "标准安装免费").build());
    awaitSearchable(b, "安装收费", "first", 1);
    b.close();
    open.remove(b);
    a.save(published("second", "上门维修", "工程师上门").build());
    a.save(published("third", "延保服务", "延长保修").build());
    try (Connection c = database().getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM loopdesk_kb_change");
    }
    LuceneKnowledgeBase reopened = instance("b");
    assertThat(ids(reopened, "上门维修")).containsExactly("second");
    assertThat(ids(reopened, "延保服务")).first().isEqualTo("third");
    a.save(published("fourth", "以旧换新", "旧机回收").build());
    assertThat(awaitSearchable(reopened, "以旧换新", "fourth", 1)).isLessThan(PROPAGATION_BOUND);
  }

  /**
   * Writers on both instances revise the same few articles, retrying on conflict: every accepted
   * save is in the history exactly once, versions run 1..n without holes, losers got the conflict,
   * and both indexes end on the stored version of every article (no change of the feed skipped).
   */
  @Test
  void concurrentSavesOnBothInstancesNeverLoseAVersion() throws Exception {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    int articles = 3;
    for (int i = 0; i < articles; i++) {
      a.save(published("c" + i, "并发文章 " + i, "start").build());
    }
    int writersPerInstance = 3;
    int savesPerWriter = 15;
    AtomicInteger conflicts = new AtomicInteger();
    Map<String, Integer> accepted = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> acceptedBodies = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2 * writersPerInstance);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < 2 * writersPerInstance; w++) {
      LuceneKnowledgeBase kb = w % 2 == 0 ? a : b;
      int writer = w;
      tasks.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < savesPerWriter; i++) {
                  String id = "c" + ((writer + i) % articles);
                  String body = "writer " + writer + " save " + i;
                  while (true) {
                    Article current = kb.get(id).orElseThrow();
                    try {
                      kb.save(current.toBuilder().body(body).build());
                      accepted.merge(id, 1, Integer::sum);
                      acceptedBodies.add(id + "|" + body);
                      break;
                    } catch (ArticleVersionConflictException lost) {
                      conflicts.incrementAndGet();
                    }
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> task : tasks) {
      task.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<String> historyBodies = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      String id = "c" + i;
      List<Article> history = a.history(id);
      assertThat(history)
          .extracting(Article::version)
          .containsExactlyElementsOf(
              java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
      assertThat(history).hasSize(1 + accepted.getOrDefault(id, 0));
      history.stream().skip(1).forEach(v -> historyBodies.add(id + "|" + v.body()));
    }
    assertThat(historyBodies).containsExactlyInAnyOrderElementsOf(acceptedBodies);
    System.out.printf(
        "[shared-db] %d saves accepted, %d conflicts retried%n",
        acceptedBodies.size(), conflicts.get());

    for (LuceneKnowledgeBase kb : List.of(a, b)) {
      for (int i = 0; i < articles; i++) {
        long stored = a.get("c" + i).orElseThrow().version();
        awaitSearchable(kb, "并发文章 " + i, "c" + i, stored);
      }
    }
  }

  @Test
  void draftsAndFiltersBehaveAsOnOneInstance() throws InterruptedException {
    LuceneKnowledgeBase a = instance("a");
    LuceneKnowledgeBase b = instance("b");
    Article draft = a.save(Article.builder("d").title("电池鼓包处理").build());
    a.save(published("live", "安装收费", "").build());
    awaitSearchable(b, "安装收费", "live", 1);
    SearchResult hidden = b.search(SearchRequest.of("电池鼓包"));
    assertThat(hidden.totalHits()).isZero();
    assertThat(hidden.notLiveMatches()).isEqualTo(1);
    a.save(draft.toBuilder().published().build());
    assertThat(awaitSearchable(b, "电池鼓包", "d", 2)).isLessThan(PROPAGATION_BOUND);
  }

  /**
   * The gap the feed must not have: a writer that took position 2 but has not committed yet, and a
   * faster writer behind it. The faster one cannot take position 3 until 2 is committed, so a
   * reader never sees 3 without 2 (with a sequence it would, and would skip 2 for ever).
   */
  @Test
  void aLaterWriterCannotOvertakeAnUncommittedFeedPosition() throws Exception {
    JdbcArticleStore store = JdbcArticleStore.open(database());
    store.save(List.of(published("x", "X", "").build()), T0);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Connection slow = database().getConnection()) {
      slow.setAutoCommit(false);
      try (Statement st = slow.createStatement()) {
        st.executeUpdate(
            "UPDATE loopdesk_kb_change_head SET head_position = head_position + 1 WHERE id = 1");
        st.executeUpdate(
            "INSERT INTO loopdesk_kb_change (change_position, article_id) VALUES (2, 'x')");
      }
      Future<List<Article>> fast =
          executor.submit(() -> store.save(List.of(published("y", "Y", "").build()), T0));
      Thread.sleep(300);
      assertThat(fast.isDone())
          .as("the second writer waits for the first one's position to be committed")
          .isFalse();
      assertThat(store.changesSince(1, 100).articleIds()).isEmpty();
      slow.commit();
      assertThat(fast.get(10, TimeUnit.SECONDS)).extracting(Article::id).containsExactly("y");
    } finally {
      executor.shutdownNow();
    }
    ArticleStore.Changes changes = store.changesSince(1, 100);
    assertThat(changes.articleIds()).containsExactly("x", "y");
    assertThat(changes.lastPosition()).isEqualTo(3);
  }

  @Test
  void anyTextRoundTripsThroughTheDatabase() {
    LuceneKnowledgeBase a = instance("a");
    Random random = new Random(5);
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "NUL \u0000 inside",
                "lone high \uD800 and lone low \uDFFF",
                "pair \uD83D\uDE00 emoji",
                "\uDE00\uD83D reversed",
                "quotes \" and \\ backslash",
                "退货\u00a0\u3000流程",
                "\uFFFF\uFFFE"));
    for (int i = 0; i < 20; i++) {
      StringBuilder body = new StringBuilder();
      for (int c = 0; c < 200; c++) {
        body.append((char) random.nextInt(0x10000));
      }
      bodies.add(body.toString());
    }
    for (int i = 0; i < bodies.size(); i++) {
      Article saved =
          a.save(
              published("u" + i, "Unicode " + i, bodies.get(i))
                  .categories("标签 " + i)
                  .product("AC-200")
                  .effectiveFrom(T0.minusSeconds(i))
                  .build());
      assertThat(a.get("u" + i)).contains(saved);
      assertThat(a.history("u" + i)).containsExactly(saved);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
