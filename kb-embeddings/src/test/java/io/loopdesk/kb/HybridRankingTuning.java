package io.loopdesk.kb;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.Hit;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.RelevanceCollection.Scores;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import io.loopdesk.kb.embeddings.CachingTextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid that chose {@link HybridRanking#standard()}: prints MRR@10 and recall@5 on the
 * paraphrase subset and on the other queries for a few fusion settings, with and without BGE's
 * query instruction. Not a test; run {@code java -cp <test classpath>
 * io.loopdesk.kb.HybridRankingTuning}.
 */
public final class HybridRankingTuning {
  private HybridRankingTuning() {}

  /** Prints the grid. */
  public static void main(String[] args) {
    List<Article> articles =
        RelevanceCollection.articles().stream().map(ArticleData::toArticle).toList();
    List<Judgement> paraphrases = RelevanceCollection.paraphrases();
    List<Judgement> rest = RelevanceCollection.judgements();
    List<HybridRanking> grid =
        List.of(
            new HybridRanking(60, 1, 1, 50, 0),
            new HybridRanking(60, 1, 1, 50, 0.4),
            new HybridRanking(60, 1, 1.5, 50, 0),
            new HybridRanking(60, 1, 2, 50, 0),
            new HybridRanking(20, 1, 1, 50, 0),
            new HybridRanking(20, 1, 1.5, 50, 0),
            new HybridRanking(20, 1, 2, 50, 0),
            new HybridRanking(5, 1, 1.5, 50, 0),
            new HybridRanking(60, 1, 1.5, 50, 0.3),
            new HybridRanking(60, 1, 1.5, 50, 0.4),
            new HybridRanking(60, 1, 1.5, 50, 0.5));
    for (boolean instruction : List.of(false, true)) {
      try (BgeSmallZhEmbedder model =
          BgeSmallZhEmbedder.builder().queryInstruction(instruction).load()) {
        CachingTextEmbedder embedder = new CachingTextEmbedder(model, 10_000);
        for (HybridRanking ranking : grid) {
          try (LuceneKnowledgeBase kb =
              LuceneKnowledgeBase.builder().semanticSearch(embedder, ranking).open()) {
            kb.saveAll(articles);
            Scores p = RelevanceCollection.evaluate(paraphrases, q -> top10(kb, q));
            Scores r = RelevanceCollection.evaluate(rest, q -> top10(kb, q));
            System.out.printf(
                "[tuning] | %s | k=%d lex=%.1f sem=%.1f min=%.1f | %.3f | %.3f | %.3f | %.3f |%n",
                instruction ? "instruction" : "plain",
                ranking.k(),
                ranking.lexicalWeight(),
                ranking.semanticWeight(),
                ranking.minSimilarity(),
                p.mrrAt10(),
                p.recallAt5(),
                r.mrrAt10(),
                r.recallAt5());
          }
        }
      }
    }
  }

  private static List<String> top10(LuceneKnowledgeBase kb, String query) {
    List<String> ids = new ArrayList<>();
    for (Hit hit :
        kb.search(SearchRequest.builder(query).page(0, 10).facets(false).highlight(false).build())
            .hits()) {
      ids.add(hit.articleId());
    }
    return ids;
  }
}
