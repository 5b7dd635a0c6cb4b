package io.loopdesk.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.RelevanceCollection.ArticleData;
import io.loopdesk.kb.RelevanceCollection.Judgement;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored vectors of the relevance collection are what the model computes today: every article
 * and query of the collection is stored, and a sample of them is reproduced by the real model.
 */
class StoredEmbeddingsTest {
  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void theStoredVectorsCoverTheCollectionAndMatchTheModel() {
    try (StoredEmbeddings stored =
            StoredEmbeddings.load(
                () -> {
                  throw new AssertionError("every text of the collection must be stored");
                });
        BgeSmallZhEmbedder model = BgeSmallZhEmbedder.load()) {
      assertThat(stored.modelId()).isEqualTo(model.modelId());
      List<Article> articles =
          RelevanceCollection.articles().stream().map(ArticleData::toArticle).toList();
      for (Article article : articles) {
        assertThat(stored.stored())
            .containsKey(StoredEmbeddings.articleKey(article.title(), article.body()));
      }
      List<Judgement> paraphrases = RelevanceCollection.paraphrases();
      for (Judgement judgement : RelevanceCollection.judgements()) {
        assertThat(stored.stored()).containsKey(StoredEmbeddings.queryKey(judgement.query()));
      }
      for (Judgement judgement : paraphrases) {
        assertThat(stored.stored()).containsKey(StoredEmbeddings.queryKey(judgement.query()));
      }
      for (int i = 0; i < articles.size(); i += 18) {
        Article article = articles.get(i);
        assertThat(
                cosine(
                    stored.embedArticle(article.title(), article.body()),
                    model.embedArticle(article.title(), article.body())))
            .isGreaterThan(0.999);
      }
      for (int i = 0; i < paraphrases.size(); i += 13) {
        String query = paraphrases.get(i).query();
        assertThat(cosine(stored.embedQuery(query), model.embedQuery(query))).isGreaterThan(0.999);
      }
      assertThat(stored.misses()).isZero();
    }
  }
}
