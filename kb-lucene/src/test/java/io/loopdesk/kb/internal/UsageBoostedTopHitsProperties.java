package io.loopdesk.kb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.kb.internal.KbSearcherFactory.KbSearcher;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The usage boost ranked in by two searches gives exactly the hits, order and scores of the single
 * query with the boost as an optional clause, on indexes of several segments where some articles
 * have usage and many scores tie, with no filter or with filters matching many or few articles.
 */
class UsageBoostedTopHitsProperties {
  /** One indexed article: its words and how many tickets used it (0 for none). */
  record Doc(List<String> words, int usage) {}

  @Provide
  Arbitrary<Doc> docs() {
    Arbitrary<List<String>> words =
        Arbitraries.of(SmallIndexes.WORDS).list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<Integer> usage =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
            net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 40)),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1_000, 1_000_000)));
    return Combinators.combine(words, usage).as(Doc::new);
  }

  @Property(tries = 200)
  void twoSearchesRankAsTheBoostedQuery(
      @ForAll @Size(min = 1, max = 60) List<@net.jqwik.api.From("docs") Doc> docs,
      @ForAll @Size(min = 1, max = 4) Set<@net.jqwik.api.From("words") String> queryWords,
      @ForAll @IntRange(min = 1, max = 25) int n,
      @ForAll @IntRange(min = 1, max = 4) int segments,
      @ForAll("weights") float weight,
      @ForAll("filters") String filterWord)
      throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      SmallIndexes.write(directory, docs, segments, i -> document(docs.get(i))).close();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        KbSearcher searcher =
            (KbSearcher) new KbSearcherFactory(new FacetsConfig()).newSearcher(reader, null);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queryWords.forEach(w -> any.add(new TermQuery(new Term("body", w)), Occur.SHOULD));
        Query query = any.build();
        // none, or one of the words as a filter: matching many articles or few
        Query filter =
            filterWord.isEmpty()
                ? null
                : new ConstantScoreQuery(new TermQuery(new Term("body", filterWord)));
        Query filtered = QueryFactory.filteredBy(query, filter);

        ScoreDoc[] expected =
            searcher.search(UsageBoostedTopHits.boosted(filtered, weight), n).scoreDocs;
        ScoreDoc[] byQuery = searcher.search(filtered, n).scoreDocs;
        ScoreDoc[] actual = UsageBoostedTopHits.top(searcher, query, filter, byQuery, weight, n);

        assertThat(render(actual)).isEqualTo(render(expected));
      }
    }
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of(SmallIndexes.WORDS);
  }

  @Provide
  Arbitrary<String> filters() {
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(SmallIndexes.WORDS));
  }

  @Provide
  Arbitrary<Float> weights() {
    return Arbitraries.oneOf(
        Arbitraries.of(2f, 0.5f, 50f), Arbitraries.floats().between(0.01f, 20));
  }

  private static Document document(Doc doc) {
    Document d = new Document();
    d.add(new TextField("body", String.join(" ", doc.words()), Field.Store.NO));
    d.add(new NumericDocValuesField(KbFields.USAGE, doc.usage()));
    if (doc.usage() > 0) {
      d.add(new FeatureField(KbFields.FEATURES, KbFields.USAGE_FEATURE, doc.usage()));
    }
    return d;
  }

  private static List<String> render(ScoreDoc[] hits) {
    return Arrays.stream(hits).map(h -> h.doc + "@" + h.score).toList();
  }
}
