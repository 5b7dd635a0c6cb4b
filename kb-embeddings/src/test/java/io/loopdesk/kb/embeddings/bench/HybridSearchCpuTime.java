package io.loopdesk.kb.embeddings.bench;

import io.loopdesk.api.kb.SearchRequest;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * The {@link HybridSearchBenchmark} searches timed in CPU time of the searching thread instead of
 * wall-clock time: what one search costs one core, whatever else the machine runs (ONNX Runtime
 * runs the model on the calling thread with one intra-op thread, so its work is counted). On a
 * shared machine wall-clock percentiles mostly measure the other processes; CPU time still grows
 * somewhat under load (shared caches), so these figures are an upper bound for a quiet core.
 * Prints, per query and over all, the CPU time of the query embedding alone, the lexical search
 * (knowledge base without vectors) and the hybrid search, and over all the hybrid searches'
 * wall-clock time (the gap to CPU time is other threads on the core, such as the JIT compilers and
 * GC, and the scheduler). Uses the benchmark data (built if missing). Arguments: articles (100000),
 * vectors (blended or perturbed), rounds per query (40).
 */
public final class HybridSearchCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private HybridSearchCpuTime() {}

  /** Runs the measurement; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    boolean blend = args.length <= 1 || args[1].equals("blended");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    String[] queries = HybridSearchBenchmark.QUERIES;
    try (BgeSmallZhEmbedder model = BgeSmallZhEmbedder.load()) {
      HybridSearchBenchmark.build(model, articles, blend);
      Path root = HybridSearchBenchmark.dataDirectory(articles, blend);
      Clock clock =
          Clock.offset(
              Clock.systemUTC(),
              Duration.between(Clock.systemUTC().instant(), HybridSearchBenchmark.NOW));
      try (LuceneKnowledgeBase hybrid =
              LuceneKnowledgeBase.builder()
                  .directory(root.resolve("hybrid"))
                  .clock(clock)
                  .verifyChecksumsOnOpen(false)
                  .semanticSearch(
                      new HybridSearchBenchmark.QueryOnlyEmbedder(
                          model,
                          PerturbedEmbedder.modelIdSuffix(blend, HybridSearchBenchmark.POOL)))
                  .open();
          LuceneKnowledgeBase lexical =
              LuceneKnowledgeBase.builder()
                  .directory(root.resolve("lexical"))
                  .clock(clock)
                  .verifyChecksumsOnOpen(false)
                  .open()) {
        hybrid.mergeSegments();
        lexical.mergeSegments();
        for (int warmUp = 0; warmUp < 20 * queries.length; warmUp++) {
          SearchRequest request = lean(queries[warmUp % queries.length]);
          hybrid.search(request);
          lexical.search(request);
        }
        long[] allEmbedding = new long[rounds * queries.length];
        long[] allLexical = new long[allEmbedding.length];
        long[] allHybrid = new long[allEmbedding.length];
        long[] allHybridWall = new long[allEmbedding.length];
        int n = 0;
        for (String text : queries) {
          long[] embedding = new long[rounds];
          long[] lexicalTimes = new long[rounds];
          long[] hybridTimes = new long[rounds];
          SearchRequest request = lean(text);
          for (int i = 0; i < rounds; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            model.embedQuery(text);
            long t1 = THREADS.getCurrentThreadCpuTime();
            lexical.search(request);
            long t2 = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            hybrid.search(request);
            long wallEnd = System.nanoTime();
            long t3 = THREADS.getCurrentThreadCpuTime();
            allHybridWall[n] = wallEnd - wallStart;
            embedding[i] = t1 - t0;
            lexicalTimes[i] = t2 - t1;
            hybridTimes[i] = t3 - t2;
            allEmbedding[n] = embedding[i];
            allLexical[n] = lexicalTimes[i];
            allHybrid[n++] = hybridTimes[i];
          }
          System.out.printf(
              "[cpu] %-36s embedding p50 %5.2f  lexical p50 %5.2f  hybrid p50 %5.2f p99 %5.2f ms%n",
              text,
              percentile(embedding, 50),
              percentile(lexicalTimes, 50),
              percentile(hybridTimes, 50),
              percentile(hybridTimes, 99));
        }
        System.out.printf(
            "[cpu] all %d searches: embedding p50 %.2f p99 %.2f; lexical p50 %.2f p99 %.2f;"
                + " hybrid p50 %.2f p90 %.2f p99 %.2f ms%n",
            n,
            percentile(allEmbedding, 50),
            percentile(allEmbedding, 99),
            percentile(allLexical, 50),
            percentile(allLexical, 99),
            percentile(allHybrid, 50),
            percentile(allHybrid, 90),
            percentile(allHybrid, 99));
        System.out.printf(
            "[wall] all %d hybrid searches: p50 %.2f p90 %.2f p99 %.2f ms%n",
            n,
            percentile(allHybridWall, 50),
            percentile(allHybridWall, 90),
            percentile(allHybridWall, 99));
      }
    }
  }

  private static SearchRequest lean(String text) {
    return SearchRequest.builder(text).facets(false).highlight(false).build();
  }

  private static double percentile(long[] nanos, int percent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }
}
