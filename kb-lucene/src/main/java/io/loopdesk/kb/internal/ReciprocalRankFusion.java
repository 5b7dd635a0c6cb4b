package io.loopdesk.kb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Merges two rankings of the same documents by reciprocal rank fusion: a document at rank {@code r}
 * (from 1) of a ranking earns {@code weight / (k + r)}; earnings are added. Ties keep the document
 * that ranked better lexically, then the smaller document id, so the order is deterministic.
 * Immutable and thread-safe.
 */
public final class ReciprocalRankFusion {
  private final int k;
  private final double lexicalWeight;
  private final double semanticWeight;

  /**
   * @param k the rank constant, at least 1
   * @param lexicalWeight weight of the first ranking
   * @param semanticWeight weight of the second ranking
   */
  public ReciprocalRankFusion(int k, double lexicalWeight, double semanticWeight) {
    this.k = k;
    this.lexicalWeight = lexicalWeight;
    this.semanticWeight = semanticWeight;
  }

  /**
   * Fuses two rankings.
   *
   * @param lexical the lexical ranking, best first
   * @param semantic the semantic ranking, best first
   * @param limit how many fused documents to return at most
   * @return the fused ranking, best first, each with its fused score
   */
  public ScoreDoc[] fuse(ScoreDoc[] lexical, ScoreDoc[] semantic, int limit) {
    Map<Integer, double[]> byDoc = new HashMap<>();
    for (int i = 0; i < lexical.length; i++) {
      double[] entry =
          byDoc.computeIfAbsent(lexical[i].doc, d -> new double[] {0, Integer.MAX_VALUE});
      entry[0] += lexicalWeight / (k + i + 1);
      entry[1] = Math.min(entry[1], i);
    }
    for (int i = 0; i < semantic.length; i++) {
      double[] entry =
          byDoc.computeIfAbsent(semantic[i].doc, d -> new double[] {0, Integer.MAX_VALUE});
      entry[0] += semanticWeight / (k + i + 1);
    }
    List<Map.Entry<Integer, double[]>> entries = new ArrayList<>(byDoc.entrySet());
    entries.sort(
        (a, b) -> {
          int byScore = Double.compare(b.getValue()[0], a.getValue()[0]);
          if (byScore != 0) {
            return byScore;
          }
          int byLexicalRank = Double.compare(a.getValue()[1], b.getValue()[1]);
          return byLexicalRank != 0 ? byLexicalRank : Integer.compare(a.getKey(), b.getKey());
        });
    int size = Math.min(limit, entries.size());
    ScoreDoc[] fused = new ScoreDoc[size];
    for (int i = 0; i < size; i++) {
      fused[i] = new ScoreDoc(entries.get(i).getKey(), (float) entries.get(i).getValue()[0]);
    }
    return fused;
  }
}
