package io.loopdesk.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever articles are written, and however often they are revised, a restarted knowledge base
 * returns exactly the same current versions and histories: the article store round-trips every
 * value (any Unicode, missing dates, tags) and versions always run 1, 2, 3 ...
 */
class ArticleStoreProperties {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @Provide
  Arbitrary<List<Article>> edits() {
    return article().list().ofMaxSize(12);
  }

  private static Arbitrary<Article> article() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('\u0020', '\u9fff')
            .ofMinLength(1)
            .ofMaxLength(40)
            .filter(s -> !s.isBlank());
    Arbitrary<Instant> instant =
        Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    Arbitrary<String> body =
        Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(200);
    Arbitrary<List<String>> tags = text.list().ofMaxSize(3);
    Arbitrary<String> product = Arbitraries.of("", "AC-200", "电动车 EB-5");
    return Combinators.combine(
            Arbitraries.integers().between(0, 5).map(i -> "id-" + i),
            text,
            body,
            Arbitraries.of(ArticleKind.class),
            Arbitraries.of(ArticleStatus.class),
            tags,
            product,
            instant.injectNull(0.5))
        .as(
            (id, title, b, kind, status, categories, p, from) ->
                Article.builder(id)
                    .title(title)
                    .body(b)
                    .kind(kind)
                    .status(status)
                    .categories(categories)
                    .product(p)
                    .effectiveFrom(from)
                    .build());
  }

  @Property(tries = 12)
  void restartReturnsExactlyWhatWasSaved(
      @ForAll("edits") List<Article> edits, @ForAll @IntRange(min = 0, max = 3) int usages)
      throws IOException {
    Path dir = Files.createTempDirectory("kb-prop");
    try {
      List<List<Article>> expectedHistories = new ArrayList<>();
      List<String> ids;
      MutableClock clock = new MutableClock(T0);
      try (LuceneKnowledgeBase kb =
          LuceneKnowledgeBase.builder().directory(dir).clock(clock).open()) {
        for (Article edit : edits) {
          long current = kb.get(edit.id()).map(Article::version).orElse(0L);
          kb.save(edit.toBuilder().version(current).build());
          clock.advance(java.time.Duration.ofSeconds(1));
        }
        ids = edits.stream().map(Article::id).distinct().sorted().toList();
        for (String id : ids) {
          for (int u = 0; u < usages; u++) {
            kb.recordUsage(id, "ticket-" + u);
          }
          expectedHistories.add(kb.history(id));
          List<Long> versions = kb.history(id).stream().map(Article::version).toList();
          for (int v = 0; v < versions.size(); v++) {
            assertEquals(v + 1, versions.get(v));
          }
        }
      }
      try (LuceneKnowledgeBase kb =
          LuceneKnowledgeBase.builder().directory(dir).clock(clock).open()) {
        assertEquals(ids.size(), kb.size());
        for (int i = 0; i < ids.size(); i++) {
          assertEquals(expectedHistories.get(i), kb.history(ids.get(i)));
          assertEquals(usages, kb.usageCount(ids.get(i)));
        }
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
