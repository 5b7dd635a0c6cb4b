package io.loopdesk.kb.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Creates searchers that carry the facet ordinal state of their reader, so it is computed once per
 * refresh instead of once per search.
 */
public final class KbSearcherFactory extends SearcherFactory {
  private final FacetsConfig facetsConfig;

  /** Creates the factory for the given facet configuration. */
  public KbSearcherFactory(FacetsConfig facetsConfig) {
    this.facetsConfig = facetsConfig;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
    SortedSetDocValuesReaderState state;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
    } catch (IllegalArgumentException noFacetsYet) {
      state = null;
    }
    return new KbSearcher(reader, state);
  }

  /** A searcher with the facet state of its reader ({@code null} while the index holds no facets). */
  public static final class KbSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;

    KbSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
      super(reader);
      this.facetState = facetState;
    }

    /** Returns the facet state, {@code null} when no document has facets. */
    public SortedSetDocValuesReaderState facetState() {
      return facetState;
    }
  }
}
