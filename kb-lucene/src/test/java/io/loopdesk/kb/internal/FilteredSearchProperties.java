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
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A filtered search that hands a dense filter's matches to the scoring query as accepted documents
 * finds exactly the hits, order, scores and exact counts of the single query with the filter as a
 * required clause: on indexes of several segments with deleted documents, dense and selective
 * filters, with and without the query cache's bit sets, and with early termination of
 * non-competitive documents.
 */
class FilteredSearchProperties {
  /** One indexed article: its words and its kind (A common, C rare). */
  record Doc(List<String> words, String kind) {}

  @Provide
  Arbitrary<Doc> docs() {
    Arbitrary<List<String>> words =
        Arbitraries.of(SmallIndexes.WORDS).list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<String> kind =
        Arbitraries.frequencyOf(
            Tuple.of(7, Arbitraries.just("A")),
            Tuple.of(2, Arbitraries.just("B")),
            Tuple.of(1, Arbitraries.just("C")));
    return Combinators.combine(words, kind).as(Doc::new);
  }

  @Property(tries = 300)
  void acceptedDocumentsFindWhatTheFilteredQueryFinds(
      @ForAll @Size(min = 1, max = 80) List<@From("docs") Doc> docs,
      @ForAll @Size(min = 1, max = 5) Set<@From("words") String> queryWords,
      @ForAll @Size(min = 1, max = 3) Set<@From("kinds") String> kinds,
      @ForAll @IntRange(min = 1, max = 20) int n,
      @ForAll @IntRange(min = 1, max = 60) int exactCountLimit,
      @ForAll @IntRange(min = 1, max = 4) int segments,
      @ForAll @IntRange(min = 0, max = 7) int deleteEvery,
      @ForAll boolean queryCache,
      @ForAll boolean productBoost)
      throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          SmallIndexes.write(directory, docs, segments, i -> document(i, docs.get(i)))) {
        for (int i = 0; deleteEvery > 0 && i < docs.size(); i += deleteEvery + 1) {
          writer.deleteDocuments(new Term("id", Integer.toString(i)));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        KbSearcher searcher =
            (KbSearcher) new KbSearcherFactory(new FacetsConfig()).newSearcher(reader, null);
        if (queryCache) {
          searcher.setQueryCache(new LRUQueryCache(100, 1 << 20, leaf -> true, 1f));
          searcher.setQueryCachingPolicy(
              new QueryCachingPolicy() {
                @Override
                public void onUse(Query query) {}

                @Override
                public boolean shouldCache(Query query) {
                  return true;
                }
              });
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        queryWords.forEach(
            w -> any.add(new BoostQuery(new TermQuery(new Term("body", w)), 1.5f), Occur.SHOULD));
        Query scoring = any.build();
        if (productBoost) {
          scoring =
              new BooleanQuery.Builder()
                  .add(scoring, Occur.MUST)
                  .add(new ConstantScoreQuery(new TermQuery(new Term("body", "电池"))), Occur.SHOULD)
                  .build();
        }
        BooleanQuery.Builder anyKind = new BooleanQuery.Builder();
        kinds.forEach(k -> anyKind.add(new TermQuery(new Term("kind", k)), Occur.SHOULD));
        Query filter = new BooleanQuery.Builder().add(anyKind.build(), Occur.FILTER).build();

        for (int round = 0; round < 2; round++) {
          // the second round runs on bit sets the query cache kept from the first
          TopDocs expected =
              searcher.search(
                  QueryFactory.filteredBy(scoring, filter),
                  new TopScoreDocCollectorManager(n, null, exactCountLimit, false));
          TopScoreDocCollector collector =
              new TopScoreDocCollectorManager(n, null, exactCountLimit, false).newCollector();
          searcher.search(scoring, filter, collector);
          TopDocs actual = collector.topDocs();

          assertThat(render(actual.scoreDocs)).isEqualTo(render(expected.scoreDocs));
          assertThat(actual.totalHits.relation).isEqualTo(expected.totalHits.relation);
          if (expected.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
            assertThat(actual.totalHits.value).isEqualTo(expected.totalHits.value);
          } else {
            assertThat(actual.totalHits.value).isGreaterThanOrEqualTo(exactCountLimit);
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.of(SmallIndexes.WORDS);
  }

  @Provide
  Arbitrary<String> kinds() {
    return Arbitraries.of("A", "B", "C");
  }

  private static Document document(int id, Doc doc) {
    Document d = new Document();
    d.add(new StringField("id", Integer.toString(id), Field.Store.NO));
    d.add(new TextField("body", String.join(" ", doc.words()), Field.Store.NO));
    d.add(new StringField("kind", doc.kind(), Field.Store.NO));
    return d;
  }

  private static List<String> render(ScoreDoc[] hits) {
    return Arrays.stream(hits).map(h -> h.doc + "@" + h.score).toList();
  }
}
