package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers add and revise articles while readers search: nothing fails, every write is visible to
 * its writer as soon as save returns, readers never see the number of matches go backwards, and the
 * final state is exactly what was written.
 */
class ConcurrencyTest {
  private static final int WRITERS = 2;
  private static final int READERS = 3;
  private static final int ARTICLES_PER_WRITER = 15;

  @TempDir Path dir;

  @Test
  void searchesRunSafelyWhileArticlesAreWritten() throws Exception {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().directory(dir).open()) {
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        tasks.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < ARTICLES_PER_WRITER; i++) {
                    String id = "w" + writer + "-" + i;
                    Article saved =
                        kb.save(
                            Article.builder(id)
                                .title("并发 配送说明 " + id)
                                .body(marker(writer, i) + " 配送 delivery")
                                .status(ArticleStatus.PUBLISHED)
                                .build());
                    assertEquals(
                        1,
                        kb.search(SearchRequest.of(marker(writer, i))).totalHits(),
                        "read-your-writes for " + id);
                    if (i % 5 == 0) {
                      kb.save(saved.toBuilder().body(saved.body() + " revised").build());
                      kb.recordUsage(id, "ticket-" + i);
                    }
                  }
                  return null;
                }));
      }
      for (int r = 0; r < READERS; r++) {
        tasks.add(
            pool.submit(
                () -> {
                  start.await();
                  long lastTotal = 0;
                  while (writing.get()) {
                    SearchResult result =
                        kb.search(SearchRequest.builder("配送 delivery").page(0, 20).build());
                    assertTrue(
                        result.totalHits() >= lastTotal,
                        "matches went backwards: " + lastTotal + " -> " + result.totalHits());
                    lastTotal = result.totalHits();
                    kb.autocompleteTitles("并发", 5);
                    searches.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (int i = 0; i < WRITERS; i++) {
        collect(tasks.get(i), failures);
      }
      writing.set(false);
      for (int i = WRITERS; i < tasks.size(); i++) {
        collect(tasks.get(i), failures);
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      assertTrue(failures.isEmpty(), () -> "failures: " + failures);
      assertTrue(searches.get() > READERS, "readers actually ran: " + searches.get());
      int total = WRITERS * ARTICLES_PER_WRITER;
      assertEquals(total, kb.size());
      assertEquals(total, kb.search(SearchRequest.builder("配送").facets(false).build()).totalHits());
      assertEquals(
          total / 5, kb.search(SearchRequest.builder("revised").page(0, 100).build()).totalHits());
      assertEquals(2, kb.history("w0-0").size());
    }
  }

  private static final String CONSONANTS = "bcdfghjklmnpqrtvwxz";

  /**
   * A made-up word unique to one article: consonants only, so no tokenizer splits it and no stemmer
   * folds two markers together.
   */
  private static String marker(int writer, int i) {
    int base = CONSONANTS.length();
    return "zq"
        + CONSONANTS.charAt(writer)
        + CONSONANTS.charAt(i / base)
        + CONSONANTS.charAt(i % base);
  }

  private static void collect(Future<?> task, ConcurrentLinkedQueue<Throwable> failures)
      throws InterruptedException {
    try {
      task.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      failures.add(e.getCause() == null ? e : e.getCause());
    }
  }
}
