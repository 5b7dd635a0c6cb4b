package io.loopdesk.kb.embeddings;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import io.loopdesk.api.ValidationException;
import io.loopdesk.kb.TextEmbedder;
import java.nio.charset.StandardCharsets;

/**
 * Remembers the vectors of another {@link TextEmbedder}, so that rebuilding an index, re-indexing
 * an article whose text did not change (a usage record, a status change, another instance's save)
 * and repeated queries do not run the model again. Keys are SHA-256 digests of the text (the text
 * itself is not kept); the least recently used entries go first. Thread-safe. Same {@link
 * #modelId()} as the wrapped embedder, since the vectors are the same.
 */
public final class CachingTextEmbedder implements TextEmbedder {
  private final TextEmbedder embedder;
  private final Cache<HashCode, float[]> vectors;

  /**
   * Wraps an embedder.
   *
   * @param embedder the model
   * @param maxEntries how many vectors to keep, 1 to 10,000,000 (a 512-dimensional vector takes
   *     about 2.1 KB, so 100,000 take about 210 MB of heap)
   */
  public CachingTextEmbedder(TextEmbedder embedder, long maxEntries) {
    if (embedder == null) {
      throw new ValidationException("embedder", null, "must not be null");
    }
    if (maxEntries < 1 || maxEntries > 10_000_000) {
      throw new ValidationException("maxEntries", maxEntries, "must be between 1 and 10000000");
    }
    this.embedder = embedder;
    this.vectors = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
  }

  @Override
  public String modelId() {
    return embedder.modelId();
  }

  @Override
  public int dimension() {
    return embedder.dimension();
  }

  @Override
  public float[] embedArticle(String title, String body) {
    HashCode key =
        Hashing.sha256()
            .newHasher()
            .putString("article", StandardCharsets.UTF_8)
            .putInt(title.length())
            .putString(title, StandardCharsets.UTF_8)
            .putString(body, StandardCharsets.UTF_8)
            .hash();
    return lookUp(key, () -> embedder.embedArticle(title, body));
  }

  @Override
  public float[] embedQuery(String text) {
    HashCode key =
        Hashing.sha256()
            .newHasher()
            .putString("query", StandardCharsets.UTF_8)
            .putString(text, StandardCharsets.UTF_8)
            .hash();
    return lookUp(key, () -> embedder.embedQuery(text));
  }

  /** Returns how many vectors are held. */
  public long size() {
    return vectors.size();
  }

  private float[] lookUp(HashCode key, java.util.function.Supplier<float[]> compute) {
    float[] vector = vectors.getIfPresent(key);
    if (vector == null) {
      vector = compute.get().clone();
      vectors.put(key, vector);
    }
    return vector.clone();
  }

  @Override
  public String toString() {
    return "CachingTextEmbedder[" + embedder + ", " + vectors.size() + " vectors]";
  }
}
