package io.loopdesk.kb.embeddings.bench;

import io.loopdesk.api.kb.Article;
import io.loopdesk.kb.TextEmbedder;
import io.loopdesk.kb.bench.ArticleGenerator;
import io.loopdesk.kb.embeddings.BgeSmallZhEmbedder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stands in for the model when indexing the 100,000-article benchmark: embedding 100,000 real
 * articles with bge-small-zh-v1.5 takes hours on the 2-core machine. Article vectors are built from
 * real embeddings of a pool of generated articles, chosen deterministically from the article's
 * text, in one of two ways:
 *
 * <ul>
 *   <li>{@linkplain #perturbed perturbed}: one pool vector plus Gaussian noise (per-dimension sigma
 *       {@value #NOISE}, a cosine of about 0.9 with the pool vector). The 100,000 vectors form 300
 *       tight clusters of about 330 near-duplicates each, much more clustered than real articles.
 *   <li>{@linkplain #blended blended}: a random mix {@code a * p + (1 - a) * q} of two pool vectors
 *       ({@code a} uniform in [0, 1]) plus smaller noise (sigma {@value #BLEND_NOISE}): the vectors
 *       spread over the region between real embeddings instead of piling up on 300 points, closer
 *       to 100,000 distinct articles.
 * </ul>
 *
 * Queries are embedded by the real model, so search latency includes the real query embedding.
 */
final class PerturbedEmbedder implements TextEmbedder {
  static final double NOISE = 0.02;
  static final double BLEND_NOISE = 0.01;

  private final BgeSmallZhEmbedder model;
  private final float[][] pool;
  private final boolean blend;

  private PerturbedEmbedder(BgeSmallZhEmbedder model, int poolSize, boolean blend) {
    this.model = model;
    this.blend = blend;
    List<Article> articles = ArticleGenerator.generate(poolSize, 7);
    this.pool = new float[poolSize][];
    for (int i = 0; i < poolSize; i++) {
      pool[i] = model.embedArticle(articles.get(i).title(), articles.get(i).body());
    }
  }

  /** One pool vector plus noise per article. */
  static PerturbedEmbedder perturbed(BgeSmallZhEmbedder model, int poolSize) {
    return new PerturbedEmbedder(model, poolSize, false);
  }

  /** A mix of two pool vectors plus noise per article. */
  static PerturbedEmbedder blended(BgeSmallZhEmbedder model, int poolSize) {
    return new PerturbedEmbedder(model, poolSize, true);
  }

  /** The model id suffix of a pool of this size built this way. */
  static String modelIdSuffix(boolean blend, int poolSize) {
    return (blend ? "/blended-pool-" : "/perturbed-pool-") + poolSize;
  }

  @Override
  public String modelId() {
    return model.modelId() + modelIdSuffix(blend, pool.length);
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
    if (blend) {
      float[] other = pool[random.nextInt(pool.length)];
      double share = random.nextDouble();
      for (int i = 0; i < base.length; i++) {
        vector[i] =
            (float) (share * base[i] + (1 - share) * other[i] + gaussian(random) * BLEND_NOISE);
      }
    } else {
      for (int i = 0; i < base.length; i++) {
        vector[i] = (float) (base[i] + gaussian(random) * NOISE);
      }
    }
    return vector;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  @Override
  public float[] embedQuery(String text) {
    return model.embedQuery(text);
  }
}
