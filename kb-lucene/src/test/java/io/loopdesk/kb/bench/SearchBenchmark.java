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
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.lucene.store.FSDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 *       {@code kbSearchFacetsOnly} and {@code kbSearchSnippetsOnly} split its cost into its two
 *       extras.
 *   <li>{@code kbSuggestForTicket}, {@code kbAutocomplete}: the other agent-facing reads.
 *   <li>{@code kbSearchAdversarial}, {@code kbSuggestAdversarial}: the lean search and the ticket
 *       suggestion on what agents really paste, one row per {@link Adversarial#input}; compare with
 *       {@code kbSearchLean} and {@code kbSuggestForTicket} of the same run.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
public class SearchBenchmark {
  static final String[] QUERIES = {
    "退货",
    "三包 换货",
    "空调 不制冷",
    "电池 鼓包 充电",
    "refund",
    "warranty repair",
    "battery swelling",
    "AC-200 制冷",
    "installation appointment",
    "投诉 升级 话术",
    "delivery delay",
    "warrenty"
  };
  static final String TICKET =
      "客户反映昨天买的空调安装以后一直不制冷，师傅上门检测说是冷媒不足，"
          + "客户要求退货或者换货，同时对安装师傅迟到很不满意，想投诉并要求赔偿。Customer wants a refund.";
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Param("100000")
  public int articles;

  private LuceneKnowledgeBase kb;
  private DirectoryReader baselineReader;
  private IndexSearcher baselineSearcher;
  private QueryFactory queryFactory;
  private int next;

  /**
   * Builds the 100,000-article knowledge base and the baseline index once, on disk under {@code
   * kb.bench.dir} (default: the temp directory), and reopens them for every later benchmark fork:
   * JMH runs each benchmark in a fresh JVM and indexing takes minutes on a shared 2-core machine.
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path root = prepare();
    kb =
        LuceneKnowledgeBase.builder()
            .directory(root.resolve("kb"))
            .verifyChecksumsOnOpen(false)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .open();
    baselineReader = DirectoryReader.open(FSDirectory.open(root.resolve("baseline")));
    baselineSearcher = new IndexSearcher(baselineReader);
    queryFactory = new QueryFactory(new KbAnalyzers(SynonymSet.afterSalesDefaults()), true);
  }

  /** Builds the data directory when missing and returns it. */
  Path prepare() throws IOException {
    Path root =
        Path.of(System.getProperty("kb.bench.dir", System.getProperty("java.io.tmpdir")))
            .resolve("loopdesk-kb-bench-" + articles);
    Path done = root.resolve("complete");
    if (!Files.exists(done)) {
      build(root);
      Files.writeString(done, "ok");
    }
    return root;
  }

  /**
   * Builds the benchmark data ahead of a JMH run (optional; the first fork builds it otherwise).
   *
   * @param args optional article count, default 100,000
   */
  public static void main(String[] args) throws IOException {
    SearchBenchmark benchmark = new SearchBenchmark();
    benchmark.articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.println("benchmark data in " + benchmark.prepare());
  }

  private void build(Path root) throws IOException {
    List<Article> generated = ArticleGenerator.generate(articles, 42);
    long start = System.nanoTime();
    try (LuceneKnowledgeBase building =
        LuceneKnowledgeBase.builder()
            .directory(root.resolve("kb"))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .open()) {
      for (int from = 0; from < generated.size(); from += 10_000) {
        building.saveAll(generated.subList(from, Math.min(generated.size(), from + 10_000)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%n[setup] knowledge base (on disk, journaled) indexed %d articles in %.1f s (%.0f articles/s)%n",
          articles, seconds, articles / seconds);
      for (int i = 0; i < articles; i += 97) {
        building.recordUsage("gen-" + i, "ticket-" + i);
      }
    }
    KbAnalyzers analyzers = new KbAnalyzers(SynonymSet.afterSalesDefaults());
    ArticleDocuments documents = new ArticleDocuments();
    start = System.nanoTime();
    try (FSDirectory directory = FSDirectory.open(root.resolve("baseline"));
        IndexWriter writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig(analyzers.index())
                    .setRAMBufferSizeMB(48)
                    .setUseCompoundFile(false))) {
      for (int i = 0; i < generated.size(); i++) {
        Article stored = generated.get(i).withVersion(1, NOW);
        writer.addDocument(documents.toDocument(stored, i % 97 == 0 ? 1 : 0));
      }
      writer.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "[setup] plain IndexWriter (on disk) indexed %d articles in %.1f s (%.0f articles/s)%n",
        articles, seconds, articles / seconds);
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
  public SearchResult kbSearchFacetsOnly() {
    return kb.search(SearchRequest.builder(nextQuery()).facets(true).highlight(false).build());
  }

  @Benchmark
  public SearchResult kbSearchSnippetsOnly() {
    return kb.search(SearchRequest.builder(nextQuery()).facets(false).highlight(true).build());
  }

  @Benchmark
  public Object kbSuggestForTicket() {
    return kb.suggestForTicket(TICKET, "AC-200", 5);
  }

  /** Texts that broke or slowed plain search before it bounded its queries. */
  @State(Scope.Benchmark)
  public static class Adversarial {
    /** Which pasted text. */
    @Param({
      "pastedLog",
      "heldDownWord",
      "longToken10k",
      "token255",
      "unknownWords",
      "unicodeSpaces",
      "longChinese"
    })
    public String input;

    String text;

    @Setup(Level.Trial)
    public void setUp() {
      text = adversarial(input);
    }
  }

  /**
   * The adversarial inputs: a log line pasted 200 times (1,800 words), 退换货 held down for 3,000
   * characters, an unbroken 10,000-letter token, a 255-letter token, five words no article holds, a
   * query written with U+00A0 and U+3000 spaces, and 20,000 characters of a Chinese ticket thread.
   */
  static String adversarial(String input) {
    java.util.Random random = new java.util.Random(11);
    return switch (input) {
      case "pastedLog" ->
          "2026-03-01 08:00:00 ERROR AC-200 compressor fault code E42 retrying ".repeat(200);
      case "heldDownWord" -> "退换货".repeat(1_000);
      case "longToken10k", "token255" -> {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < (input.equals("token255") ? 255 : 10_000); i++) {
          token.append((char) ('a' + random.nextInt(26)));
        }
        yield token.toString();
      }
      case "unknownWords" -> "xqzvbnmw plortex grindavik snorfle quaxinate";
      case "unicodeSpaces" -> "refund\u00a0policy\u3000退货\u00a0流程";
      case "longChinese" -> (TICKET + "客服回复：请提供订单号和安装照片。").repeat(200).substring(0, 20_000);
      default -> throw new IllegalArgumentException(input);
    };
  }

  @Benchmark
  public SearchResult kbSearchAdversarial(Adversarial adversarial) {
    return kb.search(
        SearchRequest.builder(adversarial.text).facets(false).highlight(false).build());
  }

  @Benchmark
  public Object kbSuggestAdversarial(Adversarial adversarial) {
    return kb.suggestForTicket(adversarial.text, "AC-200", 5);
  }

  @Benchmark
  public List<TitleSuggestion> kbAutocomplete() {
    String query = nextQuery();
    return kb.autocompleteTitles(query.substring(0, Math.min(2, query.length())), 8);
  }
}
