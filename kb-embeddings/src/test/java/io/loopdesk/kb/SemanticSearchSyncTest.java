package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.KnowledgeBaseStorageException;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Semantic search stays in step with the articles: vectors are written on save, replaced on a new
 * version, hidden with the article when it is archived, rebuilt with the index, added when an index
 * built without them is reopened with an embedder, and followed by other instances of a shared
 * database. Uses {@link ConceptEmbedder}, whose words of one meaning share no character, so every
 * "found by meaning" below is beyond the lexical analysis (checked against a lexical instance).
 */
class SemanticSearchSyncTest {
  private static final HybridRanking STRICT = new HybridRanking(60, 1, 1, 50, 0.5);

  @TempDir Path directory;

  private static Article.Builder published(String id, String title, String body) {
    return Article.builder(id).title(title).body(body).kind(ArticleKind.FAQ).published();
  }

  private static List<String> ids(LuceneKnowledgeBase kb, String query) {
    return kb.search(SearchRequest.builder(query).facets(false).build()).hits().stream()
        .map(Hit::articleId)
        .toList();
  }

  @Test
  void findsByMeaningWhatLexicalSearchCannot() {
    try (LuceneKnowledgeBase hybrid =
            LuceneKnowledgeBase.builder().semanticSearch(new ConceptEmbedder("c1"), STRICT).open();
        LuceneKnowledgeBase lexical = LuceneKnowledgeBase.builder().open()) {
      List<Article> articles =
          List.of(
              published("refunds", "Refund policy", "Refunds are paid within five days.").build(),
              published("battery", "Battery care", "Charge the battery indoors.").build());
      hybrid.saveAll(articles);
      lexical.saveAll(articles);
      assertThat(ids(lexical, "还钱")).isEmpty();
      assertThat(ids(hybrid, "还钱")).containsExactly("refunds");
      SearchResult result = hybrid.search(SearchRequest.of("电瓶"));
      assertThat(result.hits()).extracting(Hit::articleId).containsExactly("battery");
      assertThat(result.totalHits()).isEqualTo(1);
      assertThat(result.facets().byKind()).containsEntry(ArticleKind.FAQ, 1L);
      // a lexical match and a semantic one are both found, the one matching both ways first
      assertThat(ids(hybrid, "battery 还钱")).containsExactly("battery", "refunds");
      // the union is counted once: "battery" matches both ways, "refunds" only by meaning
      assertThat(
              hybrid.search(SearchRequest.builder("battery 还钱").facets(false).build()).totalHits())
          .isEqualTo(2);
      assertThat(hybrid.search(SearchRequest.of("battery 还钱")).totalHits()).isEqualTo(2);
    }
  }

  @Test
  void aNewVersionReplacesTheVectorAndArchivingHidesIt() {
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().semanticSearch(new ConceptEmbedder("c1"), STRICT).open()) {
      Article first =
          kb.save(published("a", "Refund policy", "Refunds are paid within five days.").build());
      assertThat(ids(kb, "还钱")).containsExactly("a");
      Article second =
          kb.save(first.toBuilder().title("Screen care").body("Clean the screen gently.").build());
      assertThat(ids(kb, "还钱")).isEmpty();
      assertThat(ids(kb, "显示屏")).containsExactly("a");
      kb.save(second.toBuilder().status(ArticleStatus.ARCHIVED).build());
      assertThat(ids(kb, "显示屏")).isEmpty();
      assertThat(kb.search(SearchRequest.of("显示屏")).notLiveMatches()).isZero();
    }
  }

  @Test
  void usageLiftsAnArticleInAHybridSearchAsInALexicalOne() {
    ConceptEmbedder embedder = new ConceptEmbedder("c1");
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().semanticSearch(embedder, STRICT).open()) {
      // no concept words: the semantic half finds nothing, so the lexical ranking decides
      kb.save(published("a", "Store hours", "Stores open five days a week.").build());
      kb.save(published("b", "Store hours", "Stores open five days a week.").build());
      String second = ids(kb, "five days").get(1);
      kb.recordUsage(second, "T-1");
      int queriesBefore = embedder.queryCalls.get();

      SearchResult result = kb.search(SearchRequest.builder("five days").facets(false).build());

      assertThat(embedder.queryCalls.get()).as("searched as hybrid").isGreaterThan(queriesBefore);
      assertThat(result.hits())
          .extracting(Hit::articleId)
          .containsExactly(second, otherThan(second));
      assertThat(result.hits().get(0).usageCount()).isEqualTo(1);
      assertThat(result.totalHits()).isEqualTo(2);
    }
  }

  private static String otherThan(String id) {
    return id.equals("a") ? "b" : "a";
  }

  @Test
  void filtersApplyToTheSemanticHalf() {
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().semanticSearch(new ConceptEmbedder("c1"), STRICT).open()) {
      kb.save(published("faq", "Refund policy", "Refunds take five days.").build());
      kb.save(
          published("script", "Refund script", "Say: refunds take five days.")
              .kind(ArticleKind.SCRIPT)
              .build());
      kb.save(published("ph9", "Refunds for PH-9", "Refunds of phones.").product("PH-9").build());
      SearchResult scripts =
          kb.search(SearchRequest.builder("还钱").kinds(ArticleKind.SCRIPT).build());
      assertThat(scripts.hits()).extracting(Hit::articleId).containsExactly("script");
      SearchResult tv = kb.search(SearchRequest.builder("还钱").product("TV-55").build());
      assertThat(tv.hits()).extracting(Hit::articleId).containsExactlyInAnyOrder("faq", "script");
    }
  }

  @Test
  void rebuildKeepsTheVectorsAndReusesNothingStale() {
    ConceptEmbedder embedder = new ConceptEmbedder("c1");
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().semanticSearch(embedder, STRICT).open()) {
      kb.save(published("a", "Refund policy", "Refunds take five days.").build());
      int before = embedder.articleCalls.get();
      assertThat(kb.rebuildIndex()).isEqualTo(1);
      assertThat(embedder.articleCalls.get()).isGreaterThan(before);
      assertThat(ids(kb, "还钱")).containsExactly("a");
    }
  }

  @Test
  void reopeningWithOrWithoutAnEmbedderRebuildsTheIndex() {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().directory(directory).open()) {
      kb.save(published("a", "Refund policy", "Refunds take five days.").build());
      assertThat(ids(kb, "还钱")).isEmpty();
    }
    ConceptEmbedder embedder = new ConceptEmbedder("c1");
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder()
            .directory(directory)
            .semanticSearch(embedder, STRICT)
            .open()) {
      assertThat(embedder.articleCalls.get()).isEqualTo(1);
      assertThat(ids(kb, "还钱")).containsExactly("a");
    }
    ConceptEmbedder same = new ConceptEmbedder("c1");
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().directory(directory).semanticSearch(same, STRICT).open()) {
      assertThat(same.articleCalls.get()).as("same model: the index is reused").isZero();
      assertThat(ids(kb, "还钱")).containsExactly("a");
    }
    ConceptEmbedder other = new ConceptEmbedder("c2");
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().directory(directory).semanticSearch(other, STRICT).open()) {
      assertThat(other.articleCalls.get()).as("another model: re-embedded").isEqualTo(1);
    }
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().directory(directory).open()) {
      assertThat(ids(kb, "还钱")).isEmpty();
      assertThat(ids(kb, "refund")).containsExactly("a");
    }
  }

  @Test
  void anotherInstanceOfASharedDatabaseFindsANewArticleByMeaning() throws InterruptedException {
    JdbcConnectionPool pool = KbDatabases.h2Memory();
    try {
      followsByMeaning(pool);
    } finally {
      KbDatabases.shutdown(pool);
    }
  }

  /**
   * A save on instance A is found by meaning on instance B within one second, and so is its next
   * version.
   */
  static void followsByMeaning(JdbcConnectionPool pool) throws InterruptedException {
    try (LuceneKnowledgeBase a =
            LuceneKnowledgeBase.builder()
                .database(pool)
                .migrateSchema(true)
                .semanticSearch(new ConceptEmbedder("c1"), STRICT)
                .pollInterval(Duration.ofMillis(50))
                .open();
        LuceneKnowledgeBase b =
            LuceneKnowledgeBase.builder()
                .database(pool)
                .semanticSearch(new ConceptEmbedder("c1"), STRICT)
                .pollInterval(Duration.ofMillis(50))
                .open()) {
      Article saved = a.save(published("p", "Parcel tracking", "Track the parcel online.").build());
      long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (ids(b, "包裹").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ids(b, "包裹")).containsExactly("p");
      a.save(saved.toBuilder().title("Screen care").body("Clean the monitor.").build());
      deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (!ids(b, "包裹").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(ids(b, "包裹")).isEmpty();
      assertThat(ids(b, "显示屏")).containsExactly("p");
    }
  }

  @Test
  void aBrokenEmbedderIsReportedWithoutEchoingTheQuery() {
    TextEmbedder wrongSize =
        new TextEmbedder() {
          @Override
          public String modelId() {
            return "broken";
          }

          @Override
          public int dimension() {
            return 4;
          }

          @Override
          public float[] embedArticle(String title, String body) {
            return new float[] {1, 0, 0, 0};
          }

          @Override
          public float[] embedQuery(String text) {
            return new float[] {1, 0};
          }
        };
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().semanticSearch(wrongSize).open()) {
      kb.save(published("a", "Refund policy", "Refunds take five days.").build());
      assertThatThrownBy(() -> kb.search(SearchRequest.of("张三 13800138000 退款")))
          .isInstanceOf(KnowledgeBaseStorageException.class)
          .hasMessageContaining("broken")
          .hasMessageNotContaining("13800138000");
    }
    assertThatThrownBy(() -> LuceneKnowledgeBase.builder().semanticSearch(null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new HybridRanking(0, 1, 1, 50, 0))
        .isInstanceOf(ValidationException.class);
  }
}
