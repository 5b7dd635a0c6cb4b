package io.loopdesk.kb.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import io.loopdesk.api.kb.TitleSuggestion;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.kb.SynonymSet;
import io.loopdesk.kb.internal.ArticleDocuments;
import io.loopdesk.kb.internal.KbAnalyzers;
import io.loopdesk.kb.internal.KbFields;
import io.loopdesk.kb.internal.QueryFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Search latency on 100,000 generated articles (SampleTime gives p50/p99).
 *
 * <ul>
 *   <li>{@code plainLucene}: the baseline. The very Lucene query the knowledge base runs (built per
 *       call with the same analyzers, live filter and usage boost), executed directly on an
 *       IndexSearcher over an identical index, reading id, title and version of the top 10.
 *   <li>{@code kbSearchLean}: {@link LuceneKnowledgeBase#search} without facets and snippets: the
 *       same work plus the wrapper (request validation, searcher acquire/release, exact hit count,
 *       typed hits with usage). {@code kbSearchLean / plainLucene} is the wrapper overhead.
 *   <li>{@code kbSearchFull}: the default agent search, with facet counts and highlighted snippets.
 *   <li>{@code kbSuggestForTicket}, {@code kbAutocomplete}: the other agent-facing reads.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
  static final String[] QUERIES = {
    "退货", "三包 换货", "空调 不制冷", "电池 鼓包 充电", "refund", "warranty repair", "battery swelling",
    "AC-200 制冷", "installation appointment", "投诉 升级 话术", "delivery delay", "warrenty"
  };
  static final String TICKET = "客户反映昨天买的空调安装以后一直不制冷，师傅上门检测说是冷媒不足，"
      + "客户要求退货或者换货，同时对安装师傅迟到很不满意，想投诉并要求赔偿。Customer wants a refund.";
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Param("100000")
  public int articles;

  private LuceneKnowledgeBase kb;
  private DirectoryReader baselineReader;
  private IndexSearcher baselineSearcher;
  private QueryFactory queryFactory;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<Article> generated = ArticleGenerator.generate(articles, 42);
    kb = LuceneKnowledgeBase.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).open();
    long start = System.nanoTime();
    for (int from = 0; from < generated.size(); from += 10_000) {
      kb.saveAll(generated.subList(from, Math.min(generated.size(), from + 10_000)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%n[setup] knowledge base indexed %d articles in %.1f s (%.0f articles/s)%n",
        articles, seconds, articles / seconds);
    for (int i = 0; i < articles; i += 97) {
      kb.recordUsage("gen-" + i, "ticket-" + i);
    }

    KbAnalyzers analyzers = new KbAnalyzers(SynonymSet.afterSalesDefaults());
    queryFactory = new QueryFactory(analyzers, true);
    ArticleDocuments documents = new ArticleDocuments();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    start = System.nanoTime();
    try (IndexWriter writer = new IndexWriter(directory,
        new IndexWriterConfig(analyzers.index()).setRAMBufferSizeMB(48).setUseCompoundFile(false))) {
      for (int i = 0; i < generated.size(); i++) {
        Article stored = generated.get(i).withVersion(1, NOW);
        writer.addDocument(documents.toDocument(stored, i % 97 == 0 ? 1 : 0));
      }
      writer.commit();
    }
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("[setup] plain IndexWriter indexed %d articles in %.1f s (%.0f articles/s)%n",
        articles, seconds, articles / seconds);
    baselineReader = DirectoryReader.open(directory);
    baselineSearcher = new IndexSearcher(baselineReader);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    kb.close();
    baselineReader.close();
  }

  private String nextQuery() {
    next = (next + 1) % QUERIES.length;
    return QUERIES[next];
  }

  @Benchmark
  public void plainLucene(Blackhole bh) throws IOException {
    Query relevance = queryFactory.plain(nextQuery(), baselineSearcher);
    Query query = queryFactory.filtered(relevance, Set.of(), Set.of(), "", NOW, 0.1);
    TopDocs top = baselineSearcher.search(query, 10);
    List<String> titles = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      Document d = baselineSearcher.storedFields().document(doc.doc);
      titles.add(d.get(KbFields.ID) + d.get(KbFields.TITLE_GRAMS) + d.get(KbFields.VERSION));
    }
    bh.consume(top.totalHits);
    bh.consume(titles);
  }

  @Benchmark
  public SearchResult kbSearchLean() {
    return kb.search(SearchRequest.builder(nextQuery()).facets(false).highlight(false).build());
  }

  @Benchmark
  public SearchResult kbSearchFull() {
    return kb.search(SearchRequest.of(nextQuery()));
  }

  @Benchmark
  public Object kbSuggestForTicket() {
    return kb.suggestForTicket(TICKET, "AC-200", 5);
  }

  @Benchmark
  public List<TitleSuggestion> kbAutocomplete() {
    String query = nextQuery();
    return kb.autocompleteTitles(query.substring(0, Math.min(2, query.length())), 8);
  }
}
