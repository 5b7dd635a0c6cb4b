package io.loopdesk.kb.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.kb.SynonymSet;
import io.loopdesk.kb.internal.ArticleDocuments;
import io.loopdesk.kb.internal.KbAnalyzers;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bulk indexing of 20,000 generated articles, in memory, one shot per iteration; the score is time
 * per article (invert for throughput). (The 100,000-article build in {@link SearchBenchmark}'s
 * setup prints the same comparison once, on disk; a 100,000-article shot per iteration would take
 * many minutes on the shared machine.)
 *
 * <ul>
 *   <li>{@code plainIndexWriter}: the baseline, the same documents added to a bare IndexWriter and
 *       committed.
 *   <li>{@code kbSaveAll}: {@link LuceneKnowledgeBase#saveAll} in batches of 10,000: version
 *       checks, article store, indexing, commit and near-real-time refresh per batch.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexingBenchmark {
  static final int ARTICLES = 20_000;

  private List<Article> generated;
  private final KbAnalyzers analyzers = new KbAnalyzers(SynonymSet.afterSalesDefaults());
  private final ArticleDocuments documents = new ArticleDocuments();

  @Setup(Level.Trial)
  public void generate() {
    generated = ArticleGenerator.generate(ARTICLES, 7);
  }

  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public long plainIndexWriter() throws IOException {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig(analyzers.index())
                    .setRAMBufferSizeMB(48)
                    .setUseCompoundFile(false))) {
      for (Article article : generated) {
        writer.addDocument(documents.toDocument(article.withVersion(1, now), 0));
      }
      writer.commit();
      return writer.getDocStats().numDocs;
    }
  }

  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public int kbSaveAll() {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().open()) {
      for (int from = 0; from < generated.size(); from += 10_000) {
        kb.saveAll(generated.subList(from, Math.min(generated.size(), from + 10_000)));
      }
      return kb.size();
    }
  }
}
