package io.loopdesk.kb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.apache.lucene.search.ScoreDoc;

/** Invariants of reciprocal rank fusion for any two rankings. */
class ReciprocalRankFusionProperties {
  private static ScoreDoc[] ranking(List<Integer> docs) {
    return docs.stream().map(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
  }

  @Property
  void fusesTheUnionWithoutDuplicatesBestFirst(
      @ForAll @Size(max = 30) @UniqueElements List<@IntRange(max = 60) Integer> lexical,
      @ForAll @Size(max = 30) @UniqueElements List<@IntRange(max = 60) Integer> semantic,
      @ForAll @IntRange(min = 1, max = 100) int k,
      @ForAll @IntRange(min = 1, max = 40) int limit) {
    ScoreDoc[] fused =
        new ReciprocalRankFusion(k, 1, 1).fuse(ranking(lexical), ranking(semantic), limit);
    Set<Integer> union = new LinkedHashSet<>(lexical);
    union.addAll(semantic);
    assertThat(fused).hasSize(Math.min(limit, union.size()));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < fused.length; i++) {
      assertThat(union).contains(fused[i].doc);
      assertThat(seen.add(fused[i].doc)).isTrue();
      if (i > 0) {
        assertThat(fused[i].score).isLessThanOrEqualTo(fused[i - 1].score);
      }
    }
  }

  @Property
  void aDocumentFirstInBothRankingsComesFirst(
      @ForAll @Size(min = 1, max = 30) @UniqueElements List<@IntRange(max = 60) Integer> lexical,
      @ForAll @Size(max = 30) @UniqueElements List<@IntRange(max = 60) Integer> others,
      @ForAll @IntRange(min = 1, max = 100) int k) {
    List<Integer> semantic = new ArrayList<>();
    semantic.add(lexical.get(0));
    others.stream().filter(d -> !d.equals(lexical.get(0))).forEach(semantic::add);
    ScoreDoc[] fused =
        new ReciprocalRankFusion(k, 1, 1).fuse(ranking(lexical), ranking(semantic), 10);
    assertThat(fused[0].doc).isEqualTo(lexical.get(0));
  }

  @Property
  void aZeroWeightRankingOnlyAddsDocumentsAfterTheOthers(
      @ForAll @Size(min = 1, max = 20) @UniqueElements List<@IntRange(max = 40) Integer> lexical,
      @ForAll @Size(max = 20) @UniqueElements List<@IntRange(max = 40) Integer> semantic) {
    ScoreDoc[] fused =
        new ReciprocalRankFusion(60, 1, 0).fuse(ranking(lexical), ranking(semantic), 100);
    int[] firstDocs = Arrays.stream(fused).limit(lexical.size()).mapToInt(d -> d.doc).toArray();
    assertThat(firstDocs).containsExactly(lexical.stream().mapToInt(Integer::intValue).toArray());
  }
}
