package io.loopdesk.kb.embeddings.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.api.kb.SearchResult;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.kb.bench.ArticleGenerator;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * Hybrid search latency on 100,000 generated articles with vectors (SampleTime gives p50/p99); run
 * it on one core ({@code taskset -c 1}). Article vectors come from {@link PerturbedEmbedder}; every
 * query is embedded by the real model inside the measured call.
 *
 * <ul>
 *   <li>{@code queryEmbedding}: bge-small-zh-v1.5 on one query, one thread.
 *   <li>{@code hybridSearchLean}: {@link LuceneKnowledgeBase#search} without facets and snippets:
 *       query embedding, BM25 top 50, HNSW top 50 with the live filter, fusion, hits.
 *   <li>{@code hybridSearchFull}: the default agent search (facets over the union, snippets).
 *   <li>{@code lexicalSearchLean}: the same index and queries with semantic search off (another
 *       knowledge base on a copy of the articles without vectors), the baseline of the same run.
 * </ul>
 *
 * <p>Warm-up is 75 s per benchmark on purpose: on one core the JIT compilers share the core with
 * the searches, and a hybrid search (Lucene, ONNX Runtime's Java side, the fusion) keeps C2 busy
 * for about a minute; with a few seconds of warm-up the measured tail is mostly compilation (JMH's
 * {@code -prof comp} shows it), not searching.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 15, time = 5)
@Measurement(iterations = 5, time = 5)
public class HybridSearchBenchmark {
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
    "warrenty",
    "屋里开着冷气还是热烘烘的",
    "付的钱多久能返还给我",
    "where is my parcel right now",
    "my mobile runs out of juice by noon"
  };
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  static final int POOL = 300;

  @Param("100000")
  public int articles;

  /**
   * How article vectors are made from the pool, see {@link PerturbedEmbedder}: blended or
   * perturbed.
   */
  @Param("blended")
  public String vectors;

  /**
   * Whether usage is recorded: {@code none}, or {@code 1pct} (every 97th article used for one
   * ticket, as in kb-lucene's search benchmark), which adds the usage search of the lexical leg.
   */
  @Param("none")
  public String usage;

  private BgeSmallZhEmbedder model;
  private LuceneKnowledgeBase hybrid;
  private LuceneKnowledgeBase lexical;
  private int next;

  static Path dataDirectory(int articles, boolean blend) {
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "loopdesk-kb-embeddings-bench-" + articles + (blend ? "-blended" : ""));
  }

  /**
   * Builds the benchmark data (both knowledge bases) if missing; prints sizes. Arguments: the
   * number of articles (100000) and how vectors are made (blended or perturbed).
   */
  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean blend = args.length <= 1 || args[1].equals("blended");
    try (BgeSmallZhEmbedder model = BgeSmallZhEmbedder.load()) {
      build(model, count, blend);
    }
  }

  /**
   * Builds, if missing, a copy of the benchmark data with usage recorded for every 97th article
   * (then merged into one segment), and returns its directory.
   */
  static Path buildWithUsage(BgeSmallZhEmbedder model, int count, boolean blend)
      throws IOException {
    build(model, count, blend);
    Path base = dataDirectory(count, blend);
    Path root = base.resolveSibling(base.getFileName() + "-usage");
    if (Files.exists(root.resolve("complete"))) {
      return root;
    }
    copyTree(base, root);
    Files.deleteIfExists(root.resolve("complete"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    PerturbedEmbedder embedder = articleVectors(model, blend);
    long started = System.nanoTime();
    try (LuceneKnowledgeBase hybrid =
            LuceneKnowledgeBase.builder()
                .directory(root.resolve("hybrid"))
                .clock(clock)
                .semanticSearch(embedder)
                .open();
        LuceneKnowledgeBase lexical =
            LuceneKnowledgeBase.builder().directory(root.resolve("lexical")).clock(clock).open()) {
      for (int i = 0; i < count; i += 97) {
        hybrid.recordUsage("gen-" + i, "ticket-" + i);
        lexical.recordUsage("gen-" + i, "ticket-" + i);
      }
      hybrid.mergeSegments();
      lexical.mergeSegments();
    }
    System.out.printf(
        "[bench-data] usage recorded on every 97th article and merged: %.1f s%n",
        (System.nanoTime() - started) / 1e9);
    Files.writeString(root.resolve("complete"), "ok");
    return root;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The embedder that makes the benchmark's article vectors from the model's pool. */
  private static PerturbedEmbedder articleVectors(BgeSmallZhEmbedder model, boolean blend) {
    return blend
        ? PerturbedEmbedder.blended(model, POOL)
        : PerturbedEmbedder.perturbed(model, POOL);
  }

  static void build(BgeSmallZhEmbedder model, int count, boolean blend) throws IOException {
    Path root = dataDirectory(count, blend);
    if (Files.exists(root.resolve("complete"))) {
      return;
    }
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    List<Article> generated = ArticleGenerator.generate(count, 42);
    long started = System.nanoTime();
    PerturbedEmbedder embedder = articleVectors(model, blend);
    long pooled = System.nanoTime();
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder()
            .directory(root.resolve("hybrid"))
            .clock(clock)
            .semanticSearch(embedder)
            .open()) {
      for (int from = 0; from < count; from += 10_000) {
        kb.saveAll(generated.subList(from, Math.min(count, from + 10_000)));
      }
      kb.mergeSegments();
    }
    long hybridDone = System.nanoTime();
    try (LuceneKnowledgeBase kb =
        LuceneKnowledgeBase.builder().directory(root.resolve("lexical")).clock(clock).open()) {
      for (int from = 0; from < count; from += 10_000) {
        kb.saveAll(generated.subList(from, Math.min(count, from + 10_000)));
      }
      kb.mergeSegments();
    }
    long lexicalDone = System.nanoTime();
    System.out.printf(
        "[bench-data] pool of %d real embeddings: %.1f s (%.1f articles/s)%n",
        POOL, (pooled - started) / 1e9, POOL / ((pooled - started) / 1e9));
    System.out.printf(
        "[bench-data] %d articles with vectors: %.1f s; without: %.1f s%n",
        count, (hybridDone - pooled) / 1e9, (lexicalDone - hybridDone) / 1e9);
    printSizes(root.resolve("hybrid/index"), "hybrid");
    printSizes(root.resolve("lexical/index"), "lexical");
    Files.writeString(root.resolve("complete"), "ok");
  }

  static void printSizes(Path index, String name) throws IOException {
    long vectors = 0;
    long graph = 0;
    long total = 0;
    try (Stream<Path> files = Files.list(index)) {
      for (Path file : files.toList()) {
        long size = Files.size(file);
        String fileName = file.getFileName().toString();
        total += size;
        if (fileName.endsWith(".vec")) {
          vectors += size;
        } else if (fileName.endsWith(".vex") || fileName.endsWith(".vem")) {
          graph += size;
        }
      }
    }
    System.out.printf(
        "[bench-data] %s index: %.1f MB in all, raw vectors (.vec) %.1f MB, HNSW graph (.vex/.vem) %.1f MB%n",
        name, total / 1e6, vectors / 1e6, graph / 1e6);
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    model = BgeSmallZhEmbedder.load();
    boolean blend = vectors.equals("blended");
    build(model, articles, blend);
    Path root =
        usage.equals("none")
            ? dataDirectory(articles, blend)
            : buildWithUsage(model, articles, blend);
    // time passes during the run, as in production: a fixed clock would let the query cache keep
    // the
    // live filter (to the millisecond) for the whole run and flatter every search
    Clock clock =
        Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), NOW));
    // the same model id as when building, so the index is reused; only queries run the model
    hybrid =
        LuceneKnowledgeBase.builder()
            .directory(root.resolve("hybrid"))
            .clock(clock)
            .verifyChecksumsOnOpen(false)
            .semanticSearch(
                new QueryOnlyEmbedder(model, PerturbedEmbedder.modelIdSuffix(blend, POOL)))
            .open();
    lexical =
        LuceneKnowledgeBase.builder()
            .directory(root.resolve("lexical"))
            .clock(clock)
            .verifyChecksumsOnOpen(false)
            .open();
    // data built before the knowledge base merged after bulk imports: merged once, then a no-op
    hybrid.mergeSegments();
    lexical.mergeSegments();
  }

  @TearDown(Level.Trial)
  public void close() {
    hybrid.close();
    lexical.close();
    model.close();
  }

  private String nextQuery() {
    next = (next + 1) % QUERIES.length;
    return QUERIES[next];
  }

  @Benchmark
  public float[] queryEmbedding() {
    return model.embedQuery(nextQuery());
  }

  @Benchmark
  public SearchResult hybridSearchLean() {
    return hybrid.search(SearchRequest.builder(nextQuery()).facets(false).highlight(false).build());
  }

  @Benchmark
  public SearchResult hybridSearchFull() {
    return hybrid.search(SearchRequest.of(nextQuery()));
  }

  @Benchmark
  public SearchResult lexicalSearchLean() {
    return lexical.search(
        SearchRequest.builder(nextQuery()).facets(false).highlight(false).build());
  }

  /**
   * Same model id as {@link PerturbedEmbedder}, without computing its pool: only queries are
   * embedded.
   */
  static final class QueryOnlyEmbedder implements io.loopdesk.kb.TextEmbedder {
    private final BgeSmallZhEmbedder model;
    private final String modelIdSuffix;

    QueryOnlyEmbedder(BgeSmallZhEmbedder model, String modelIdSuffix) {
      this.model = model;
      this.modelIdSuffix = modelIdSuffix;
    }

    @Override
    public String modelId() {
      return model.modelId() + modelIdSuffix;
    }

    @Override
    public int dimension() {
      return model.dimension();
    }

    @Override
    public float[] embedArticle(String title, String body) {
      throw new IllegalStateException("the benchmark index is built by HybridSearchBenchmark.main");
    }

    @Override
    public float[] embedQuery(String text) {
      return model.embedQuery(text);
    }
  }
}
