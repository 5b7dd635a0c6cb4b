package io.loopdesk.kb.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.Weight;

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
