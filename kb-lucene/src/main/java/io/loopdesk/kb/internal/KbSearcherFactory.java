package io.loopdesk.kb.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Creates searchers that carry the facet ordinal state of their reader, computed on the first
 * faceted search and then shared by every search on that reader, so it costs nothing on the write
 * path and is not recomputed per search.
 */
public final class KbSearcherFactory extends SearcherFactory {
  private final FacetsConfig facetsConfig;

  /** Creates the factory for the given facet configuration. */
  public KbSearcherFactory(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
    return new KbSearcher(reader, facetsConfig);
  }

  /** A searcher that lazily computes and keeps the facet state of its reader. */
  public static final class KbSearcher extends IndexSearcher {
    private final FacetsConfig facetsConfig;
    private volatile SortedSetDocValuesReaderState facetState;
    private volatile boolean facetStateComputed;

    KbSearcher(IndexReader reader, FacetsConfig facetsConfig) {
      super(reader);
      this.facetsConfig = facetsConfig;
    }

    /**
     * Collects the matches of a weight this searcher created, so that one weight (whose creation
     * looks every query term up in every segment) serves several passes over the same query.
     */
    public void search(Weight weight, Collector collector) throws IOException {
      search(getIndexReader().leaves(), weight, collector);
    }

    /**
     * Collects the matches of {@code scoring} that also match {@code filter}, scored by {@code
     * scoring} alone: the same hits and scores as searching {@link QueryFactory#filteredBy}, found
     * faster. In a segment where the filter matches most documents (the live filter of a knowledge
     * base where most articles are live), its matches are handed to the scoring query as the
     * accepted documents: a pure disjunction then keeps Lucene's best skipping of non-competitive
     * documents (max-score), which a disjunction required beside a filter loses. A multi-word
     * Chinese query ran in half the time. Where the filter is selective, it leads a conjunction as
     * usual.
     *
     * @param scoring the scoring query
     * @param filter the filter, {@code null} for none
     * @param collector receives the hits
     * @throws IOException when the index cannot be read
     */
    public void search(Query scoring, Query filter, Collector collector) throws IOException {
      if (filter == null) {
        search(createWeight(rewrite(scoring), collector.scoreMode(), 1), collector);
        return;
      }
      Query rewrittenScoring = rewrite(scoring);
      Query rewrittenFilter = rewrite(filter);
      Weight scoringWeight = createWeight(rewrittenScoring, collector.scoreMode(), 1);
      Weight filterWeight = createWeight(rewrittenFilter, ScoreMode.COMPLETE_NO_SCORES, 1);
      Weight conjunction = null;
      for (LeafReaderContext leaf : getIndexReader().leaves()) {
        Scorer filterScorer = filterWeight.scorer(leaf);
        if (filterScorer == null) {
          continue;
        }
        LeafCollector leafCollector;
        try {
          leafCollector = collector.getLeafCollector(leaf);
        } catch (CollectionTerminatedException e) {
          continue;
        }
        DocIdSetIterator filterMatches = filterScorer.iterator();
        BulkScorer scorer;
        Bits accepted;
        if (filterMatches.cost() >= leaf.reader().maxDoc() / 2) {
          scorer = scoringWeight.bulkScorer(leaf);
          accepted = acceptedDocs(filterMatches, leaf.reader());
        } else {
          if (conjunction == null) {
            conjunction =
                createWeight(
                    QueryFactory.filteredBy(rewrittenScoring, rewrittenFilter),
                    collector.scoreMode(),
                    1);
          }
          scorer = conjunction.bulkScorer(leaf);
          accepted = leaf.reader().getLiveDocs();
        }
        if (scorer != null) {
          try {
            scorer.score(leafCollector, accepted);
          } catch (CollectionTerminatedException e) {
            // the collector has seen enough of this segment
          }
        }
        leafCollector.finish();
      }
    }

    /**
     * The filter's matches that are not deleted, as random-access bits: the query cache's bit set
     * when it holds one, copied otherwise.
     */
    private static Bits acceptedDocs(DocIdSetIterator filterMatches, LeafReader reader)
        throws IOException {
      FixedBitSet matches = BitSetIterator.getFixedBitSetOrNull(filterMatches);
      if (matches == null) {
        matches = new FixedBitSet(reader.maxDoc());
        matches.or(filterMatches);
      }
      Bits live = reader.getLiveDocs();
      if (live == null) {
        return matches;
      }
      FixedBitSet filterBits = matches;
      return new Bits() {
        @Override
        public boolean get(int index) {
          return filterBits.get(index) && live.get(index);
        }

        @Override
        public int length() {
          return filterBits.length();
        }
      };
    }

    /** Returns the facet state, {@code null} when no document has facets. */
    public SortedSetDocValuesReaderState facetState() throws IOException {
      if (!facetStateComputed) {
        synchronized (this) {
          if (!facetStateComputed) {
            try {
              facetState = new DefaultSortedSetDocValuesReaderState(getIndexReader(), facetsConfig);
            } catch (IllegalArgumentException noFacetsYet) {
              facetState = null;
            }
            facetStateComputed = true;
          }
        }
      }
      return facetState;
    }
  }
}
