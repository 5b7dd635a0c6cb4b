package io.loopdesk.kb;

import io.loopdesk.api.ValidationException;

/**
 * How a knowledge base with {@link TextEmbedder semantic search} merges its two rankings of a plain
 * search: the lexical one (BM25 over words, bigrams and characters, with synonyms, usage and
 * product preference) and the semantic one (nearest article vectors to the query's vector, Lucene
 * HNSW).
 *
 * <p>Reciprocal rank fusion: an article at rank {@code r} (from 1) of a ranking earns {@code weight
 * / (k + r)}, and the two earnings are added. Only the {@link #candidates()} best of each ranking
 * take part, and semantic neighbours less similar to the query than {@link #minSimilarity()}
 * (cosine) are dropped, so that a query about nothing in the knowledge base does not return its
 * nearest neighbours anyway. Immutable.
 *
 * @param k the rank constant (larger flattens the difference between ranks); 1 to 1000
 * @param lexicalWeight weight of the lexical ranking; 0 to 10
 * @param semanticWeight weight of the semantic ranking; 0 to 10
 * @param candidates how many of each ranking's best take part; 10 to 1000
 * @param minSimilarity the lowest cosine similarity of a semantic neighbour; -1 to 1
 */
public record HybridRanking(
    int k, double lexicalWeight, double semanticWeight, int candidates, double minSimilarity) {
  /** Validates the settings. */
  public HybridRanking {
    if (k < 1 || k > 1000) {
      throw new ValidationException("hybridRanking.k", k, "must be between 1 and 1000");
    }
    if (!(lexicalWeight >= 0 && lexicalWeight <= 10)) {
      throw new ValidationException(
          "hybridRanking.lexicalWeight", lexicalWeight, "must be between 0 and 10");
    }
    if (!(semanticWeight >= 0 && semanticWeight <= 10)) {
      throw new ValidationException(
          "hybridRanking.semanticWeight", semanticWeight, "must be between 0 and 10");
    }
    if (candidates < 10 || candidates > 1000) {
      throw new ValidationException(
          "hybridRanking.candidates", candidates, "must be between 10 and 1000");
    }
    if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
      throw new ValidationException(
          "hybridRanking.minSimilarity", minSimilarity, "must be between -1 and 1");
    }
  }

  /**
   * Returns the defaults: plain reciprocal rank fusion (k 60, equal weights, the 50 best of each
   * ranking) and a minimum cosine similarity of 0.4, below which bge-small-zh-v1.5 neighbours were
   * unrelated on the relevance collection (measurements in loopdesk-kb-embeddings' BENCHMARKS.md).
   */
  public static HybridRanking standard() {
    return new HybridRanking(60, 1.0, 1.0, 50, 0.4);
  }

  /**
   * Returns {@link #standard()}, under the name presets had before they were named {@code
   * standard()}.
   *
   * @deprecated use {@link #standard()}, the one name for presets
   */
  @Deprecated(forRemoval = true)
  public static HybridRanking defaults() {
    return standard();
  }
}
