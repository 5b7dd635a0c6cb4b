package io.loopdesk.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.ArticleKind;
import io.loopdesk.api.kb.ArticleStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * The judged test collection in {@code src/test/resources/relevance}: after-sales articles
 * (policies, FAQs, scripts, manuals, cases) in Chinese, English and mixed text, and agent queries
 * with the ids of the articles a human judged relevant.
 */
final class RelevanceCollection {
  record ArticleData(
      String id, String kind, String title, String body, List<String> categories, String product) {
    Article toArticle() {
      return Article.builder(id)
          .kind(ArticleKind.valueOf(kind))
          .title(title)
          .body(body)
          .categories(categories)
          .product(product)
          .status(ArticleStatus.PUBLISHED)
          .build();
    }
  }

  record Judgement(String query, String lang, List<String> relevant) {}

  /** Mean reciprocal rank at 10 and recall at 5 of one system over a list of judgements. */
  record Scores(double mrrAt10, double recallAt5, int queries) {
    @Override
    public String toString() {
      return String.format("MRR@10=%.3f recall@5=%.3f (n=%d)", mrrAt10, recallAt5, queries);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private RelevanceCollection() {}

  static List<ArticleData> articles() {
    return read("/relevance/articles.json", ArticleData[].class);
  }

  static List<Judgement> judgements() {
    return read("/relevance/queries.json", Judgement[].class);
  }

  /**
   * The paraphrase subset: queries that describe the problem of their relevant articles without
   * sharing a content word with them ({@code ParaphraseSubsetTest} checks this), so that only a
   * search that understands meaning can find those articles. Written before any semantic ranking
   * was tuned on it.
   */
  static List<Judgement> paraphrases() {
    return read("/relevance/paraphrases.json", Judgement[].class);
  }

  private static <T> List<T> read(String resource, Class<T[]> type) {
    try (InputStream in = RelevanceCollection.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return List.of(JSON.readValue(in, type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scores a ranking function.
   *
   * @param judgements the queries to run
   * @param ranking returns the ids of the top 10 articles for a query, best first
   */
  static Scores evaluate(List<Judgement> judgements, Function<String, List<String>> ranking) {
    double reciprocalRanks = 0;
    double recall = 0;
    for (Judgement judgement : judgements) {
      List<String> ranked = ranking.apply(judgement.query());
      for (int i = 0; i < Math.min(10, ranked.size()); i++) {
        if (judgement.relevant().contains(ranked.get(i))) {
          reciprocalRanks += 1.0 / (i + 1);
          break;
        }
      }
      long found = ranked.stream().limit(5).filter(judgement.relevant()::contains).count();
      recall += (double) found / judgement.relevant().size();
    }
    int n = judgements.size();
    return new Scores(reciprocalRanks / n, recall / n, n);
  }
}
