package io.loopdesk.kb.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The top hits of a query ranked by its score plus the usage boost ({@code weight * u / (u + }
 * {@value QueryFactory#USAGE_PIVOT}{@code )} for an article used for {@code u} tickets), found
 * without scoring every match.
 *
 * <p>Adding the boost as an optional clause beside a required relevance query makes Lucene score
 * the two together, and a large disjunction (a multi-word Chinese query expands to words, bigrams
 * and characters in four fields) then loses block-max WAND's skipping: such searches took two to
 * three times as long once any article had usage. Instead the ranking is assembled from two cheap
 * searches: the top {@code n} by the query alone (with skipping), and the top {@code n} by query
 * plus boost among the few articles that have usage (led by their postings). This is exact: an
 * article without usage that belongs to the top {@code n} by query plus boost has fewer than {@code
 * n} articles scoring above it, so it is among the top {@code n} by query alone; an article with
 * usage that belongs there is among the top {@code n} of the articles with usage. Articles with
 * usage found by the first search are dropped from it: they are scored by the second search, or do
 * not belong to the top {@code n}. Both searches tell articles with usage by the same thing, the
 * usage feature's postings. Ties are broken by document number, as Lucene does.
 */
public final class UsageBoostedTopHits {
  private static final Comparator<ScoreDoc> RANKING =
      Comparator.comparingDouble((ScoreDoc d) -> -d.score).thenComparingInt(d -> d.doc);

  private UsageBoostedTopHits() {}

  /**
   * Returns the query whose score is {@code query}'s plus the usage boost: the single query the
   * two-search ranking of {@link #top} is equivalent to.
   *
   * @param query the relevance query with its filters
   * @param weight the usage weight, above 0
   * @return the boosted query
   */
  public static Query boosted(Query query, float weight) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(QueryFactory.usageBoost(weight), Occur.SHOULD)
        .build();
  }

  /**
   * Ranks the top {@code n} hits of a filtered query plus the usage boost.
   *
   * @param searcher the searcher that found {@code byQuery}
   * @param scoring the relevance query, without the usage boost and the filter
   * @param filter the filter, {@code null} for none
   * @param byQuery the top {@code n} (or more) hits of {@code scoring} within {@code filter}, best
   *     first
   * @param weight the usage weight, above 0
   * @param n how many hits to return
   * @return the top hits, best first, scored by query plus boost
   * @throws IOException when the index cannot be read
   */
  public static ScoreDoc[] top(
      KbSearcherFactory.KbSearcher searcher,
      Query scoring,
      Query filter,
      ScoreDoc[] byQuery,
      float weight,
      int n)
      throws IOException {
    // the boost as a required clause matches exactly the articles with usage, whose postings lead
    // the search; the count is not needed
    Query usedOnly =
        new BooleanQuery.Builder()
            .add(scoring, Occur.MUST)
            .add(QueryFactory.usageBoost(weight), Occur.MUST)
            .build();
    TopScoreDocCollector collector =
        new TopScoreDocCollectorManager(n, null, 1, false).newCollector();
    searcher.search(usedOnly, filter, collector);
    ScoreDoc[] used = collector.topDocs().scoreDocs;
    if (used.length == 0) {
      return byQuery.length > n ? Arrays.copyOf(byQuery, n) : byQuery;
    }
    List<ScoreDoc> merged = new ArrayList<>(byQuery.length + used.length);
    merged.addAll(Arrays.asList(used));
    // every hit of the second search has usage, so keeping the first search's hits without usage
    // also keeps each article once
    merged.addAll(withoutUsage(searcher, byQuery));
    merged.sort(RANKING);
    return merged.subList(0, Math.min(n, merged.size())).toArray(ScoreDoc[]::new);
  }

  /**
   * The hits without the usage feature, read from its postings (where the second search reads it)
   * with one iterator per segment advanced in document order.
   */
  private static List<ScoreDoc> withoutUsage(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    ScoreDoc[] byDoc = hits.clone();
    Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc d) -> d.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Term usage = new Term(KbFields.FEATURES, KbFields.USAGE_FEATURE);
    List<ScoreDoc> without = new ArrayList<>(byDoc.length);
    LeafReaderContext leaf = null;
    PostingsEnum postings = null;
    for (ScoreDoc d : byDoc) {
      if (leaf == null || d.doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
        postings = leaf.reader().postings(usage, PostingsEnum.NONE);
      }
      int target = d.doc - leaf.docBase;
      boolean used =
          postings != null
              && (postings.docID() < target ? postings.advance(target) : postings.docID())
                  == target;
      if (!used) {
        without.add(d);
      }
    }
    return without;
  }
}
