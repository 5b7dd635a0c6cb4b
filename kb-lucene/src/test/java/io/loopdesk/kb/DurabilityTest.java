package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.IndexCorruptedException;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import io.loopdesk.api.kb.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart, crash recovery, lost and damaged index, damaged article store, exclusive access. */
class DurabilityTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final MutableClock clock = new MutableClock(T0);

  @TempDir Path dir;

  private LuceneKnowledgeBase open(Path path) {
    return LuceneKnowledgeBase.builder().directory(path).clock(clock).open();
  }

  private static Article article(String id, String title, String body) {
    return Article.builder(id)
        .title(title)
        .body(body)
        .status(ArticleStatus.PUBLISHED)
        .kind(ArticleKind.POLICY)
        .categories("三包")
        .product("AC-200")
        .build();
  }

  private static List<String> ids(LuceneKnowledgeBase kb, String query) {
    return kb.search(SearchRequest.of(query)).hits().stream().map(Hit::articleId).toList();
  }

  private void populate(LuceneKnowledgeBase kb) {
    Article first = kb.save(article("p1", "三包政策", "七日内可以退货"));
    kb.save(first.toBuilder().body("七日内可以退货，十五日内可以换货").build());
    kb.saveAll(
        List.of(
            article("p2", "Refund policy", "Refunds within 30 days"),
            article("p3", "空调保修", "整机保修六年")));
    kb.recordUsage("p3", "T-1");
  }

  private void assertPopulated(LuceneKnowledgeBase kb) {
    assertEquals(3, kb.size());
    assertEquals(2, kb.history("p1").size());
    assertEquals("七日内可以退货，十五日内可以换货", kb.get("p1").orElseThrow().body());
    assertEquals(1, kb.usageCount("p3"));
    assertEquals(List.of("p1"), ids(kb, "换货"));
    assertEquals(List.of("p2"), ids(kb, "refund"));
    Hit p3 = kb.search(SearchRequest.of("整机")).hits().get(0);
    assertEquals(1, p3.usageCount());
    assertEquals(3, kb.search(SearchRequest.builder("").build()).totalHits());
  }

  @Test
  void everythingSurvivesARestart() {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertPopulated(kb);
    }
  }

  @Test
  void writesAcknowledgedBeforeACrashAreRecovered() throws IOException {
    Path crashed = dir.resolve("crashed");
    try (LuceneKnowledgeBase kb = open(dir.resolve("live"))) {
      populate(kb);
      // single saves are not committed to the index yet; copying the files now is what a crash
      // leaves
      kb.save(article("p4", "安装收费", "标准安装免费"));
      copyTree(dir.resolve("live"), crashed);
    }
    try (LuceneKnowledgeBase kb = open(crashed)) {
      assertPopulated4(kb);
    }
  }

  private static void assertPopulated4(LuceneKnowledgeBase kb) {
    assertEquals(4, kb.size());
    assertEquals(List.of("p4"), ids(kb, "安装收费"));
    assertEquals(List.of("p1"), ids(kb, "换货"));
  }

  @Test
  void aDeletedIndexIsRebuiltFromTheArticleStore() throws IOException {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    deleteTree(dir.resolve("index"));
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertPopulated(kb);
    }
  }

  @Test
  void rebuildIndexKeepsSearchesWorking() {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
      assertEquals(3, kb.rebuildIndex());
      assertPopulated(kb);
    }
  }

  @Test
  void aCorruptIndexGivesATypedErrorAndCanBeRebuilt() throws IOException {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    Path index = dir.resolve("index");
    corruptLargestFile(index);

    IndexCorruptedException error = assertThrows(IndexCorruptedException.class, () -> open(dir));
    assertEquals(index.toString(), error.location());
    assertTrue(error.getMessage().contains("CorruptIndexPolicy.REBUILD"), error.getMessage());

    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder()
            .directory(dir)
            .clock(clock)
            .onCorruptIndex(CorruptIndexPolicy.REBUILD)
            .open()) {
      assertPopulated(kb);
    }
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertPopulated(kb);
    }
  }

  @Test
  void aGarbledCommitPointGivesATypedError() throws IOException {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    try (Stream<Path> files = Files.list(dir.resolve("index"))) {
      for (Path segments :
          files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(segments, "not a lucene commit".getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThrows(IndexCorruptedException.class, () -> open(dir));
  }

  @Test
  void aTornLastJournalLineIsDroppedAndLaterWritesSucceed() throws IOException {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    Files.write(
        dir.resolve("articles.jsonl"),
        "{\"seq\":99,\"article\":{\"id\":\"half".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertPopulated(kb);
      kb.save(article("p5", "延保服务", "延长保修"));
    }
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertEquals(4, kb.size());
      assertEquals("p5", ids(kb, "延保服务").get(0));
    }
  }

  @Test
  void damageInsideTheArticleStoreIsReportedNotIgnored() throws IOException {
    try (LuceneKnowledgeBase kb = open(dir)) {
      populate(kb);
    }
    Path journal = dir.resolve("articles.jsonl");
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    lines.set(1, "this is not json");
    Files.write(journal, lines, StandardCharsets.UTF_8);
    KnowledgeBaseStorageException error =
        assertThrows(KnowledgeBaseStorageException.class, () -> open(dir));
    assertTrue(error.getMessage().contains("line 2"), error.getMessage());
  }

  @Test
  void aDirectoryCanBeOpenedByOneKnowledgeBaseAtATime() {
    try (LuceneKnowledgeBase kb = open(dir)) {
      kb.save(article("p1", "三包政策", ""));
      assertThrows(KnowledgeBaseStorageException.class, () -> open(dir));
      assertEquals(1, kb.size(), "the failed second open must not disturb the first");
    }
    try (LuceneKnowledgeBase kb = open(dir)) {
      assertEquals(1, kb.size());
    }
  }

  private static void corruptLargestFile(Path index) throws IOException {
    Path victim;
    try (Stream<Path> files = Files.list(index)) {
      victim =
          files
              .filter(p -> !p.getFileName().toString().equals("write.lock"))
              .filter(p -> !p.getFileName().toString().startsWith("segments"))
              .max(Comparator.comparingLong(DurabilityTest::size))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(victim);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 16 && i < bytes.length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(victim, bytes);
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
