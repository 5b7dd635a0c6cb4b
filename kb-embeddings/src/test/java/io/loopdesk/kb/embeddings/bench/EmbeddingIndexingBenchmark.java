package io.loopdesk.kb.embeddings.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.LuceneKnowledgeBase;
import io.loopdesk.kb.bench.ArticleGenerator;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Indexing throughput with real embeddings (JMH SingleShotTime; the score is the time of one shot
 * of {@link #batch} generated articles, so articles/s = batch / score). {@code withEmbeddings}
 * saves them into an in-memory knowledge base with bge-small-zh-v1.5 (no cache); {@code
 * lexicalOnly} is the same without semantic search, the baseline of the same run. Run on one core
 * ({@code taskset -c 1}) to read the figures per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EmbeddingIndexingBenchmark {
  @Param("200")
  public int batch;

  private BgeSmallZhEmbedder model;
  private List<Article> articles;

  @Setup(Level.Trial)
  public void load() {
    model = BgeSmallZhEmbedder.load();
    articles = ArticleGenerator.generate(batch, 11);
    model.embedQuery("warm up");
  }

  @TearDown(Level.Trial)
  public void close() {
    model.close();
  }

  @Benchmark
  public int withEmbeddings() {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().semanticSearch(model).open()) {
      return kb.saveAll(articles).size();
    }
  }

  @Benchmark
  public int lexicalOnly() {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder().open()) {
      return kb.saveAll(articles).size();
    }
  }
}
