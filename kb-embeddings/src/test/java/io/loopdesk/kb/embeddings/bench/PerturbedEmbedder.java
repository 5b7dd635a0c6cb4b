package io.loopdesk.kb.embeddings.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.TextEmbedder;
import io.loopdesk.kb.bench.ArticleGenerator;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stands in for the model when indexing the 100,000-article benchmark: embedding 100,000 real
 * articles with bge-small-zh-v1.5 takes hours on the 2-core machine. Article vectors are real
 * embeddings of a pool of generated articles, each perturbed with Gaussian noise (per-dimension
 * sigma {@value #NOISE}, so a vector keeps a cosine of about 0.9 with its pool vector) chosen
 * deterministically from the article id: the HNSW graph sees 100,000 distinct vectors clustered
 * like real ones. Queries are embedded by the real model, so search latency includes the real
 * query embedding.
 */
final class PerturbedEmbedder implements TextEmbedder {
  static final double NOISE = 0.02;

  private final BgeSmallZhEmbedder model;
  private final float[][] pool;

  PerturbedEmbedder(BgeSmallZhEmbedder model, int poolSize) {
    this.model = model;
    List<Article> articles = ArticleGenerator.generate(poolSize, 7);
    this.pool = new float[poolSize][];
    for (int i = 0; i < poolSize; i++) {
      pool[i] = model.embedArticle(articles.get(i).title(), articles.get(i).body());
    }
  }

  @Override
  public String modelId() {
    return model.modelId() + "/perturbed-pool-" + pool.length;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] embedArticle(String title, String body) {
    SplittableRandom random = new SplittableRandom((title + "\n" + body).hashCode());
    float[] base = pool[random.nextInt(pool.length)];
    float[] vector = new float[base.length];
    for (int i = 0; i < base.length; i++) {
      vector[i] = (float) (base[i] + gaussian(random) * NOISE);
    }
    return vector;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public float[] embedQuery(String text) {
    return model.embedQuery(text);
  }
}
